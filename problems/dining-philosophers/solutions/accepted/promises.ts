// Accepted. Style: bare promises — a philosopher who finds a fork taken parks a resolver and looks
// again when a neighbour puts one down; both forks are taken in one step (no await in between).
export class DiningPhilosophers {
  private readonly taken = [false, false, false, false, false];
  private parked: Array<() => void> = [];

  async wantsToEat(
    philosopher: number,
    pickLeftFork: () => void,
    pickRightFork: () => void,
    eat: () => Promise<void>,
    putLeftFork: () => void,
    putRightFork: () => void,
  ): Promise<void> {
    const left = philosopher;
    const right = (philosopher + 1) % 5;
    while (this.taken[left] || this.taken[right]) await new Promise<void>((resolve) => this.parked.push(resolve));
    this.taken[left] = this.taken[right] = true;
    pickLeftFork();
    pickRightFork();
    await eat();
    putLeftFork();
    putRightFork();
    this.taken[left] = this.taken[right] = false;
    const wake = this.parked;
    this.parked = [];
    for (const w of wake) w();
  }
}
