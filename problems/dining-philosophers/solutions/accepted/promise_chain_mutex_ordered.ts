// Accepted. Style: a mutex per fork made of a promise chain (`tail = tail.then(…)`), no
// async/await. Every philosopher takes the fork with the lower number first, so no cycle of
// philosophers each holding one fork and waiting for the next can form.
type Unlock = () => void;

function mutex(): { lock(): Promise<Unlock> } {
  let tail: Promise<void> = Promise.resolve();
  return {
    lock(): Promise<Unlock> {
      let unlock!: Unlock;
      const held = new Promise<void>((resolve) => (unlock = resolve));
      const before = tail;
      tail = before.then(() => held);
      return before.then(() => unlock);
    },
  };
}

export class DiningPhilosophers {
  private readonly forks = [0, 1, 2, 3, 4].map(mutex);

  wantsToEat(
    philosopher: number,
    pickLeftFork: () => void,
    pickRightFork: () => void,
    eat: () => void | Promise<void>,
    putLeftFork: () => void,
    putRightFork: () => void,
  ): Promise<void> {
    const [first, second] = [philosopher, (philosopher + 1) % 5].sort((a, b) => a - b);
    let left: Unlock;
    let right: Unlock;
    return this.forks[first]
      .lock()
      .then((unlock) => {
        left = unlock;
        return this.forks[second].lock();
      })
      .then((unlock) => {
        right = unlock;
        pickLeftFork();
        pickRightFork();
        return eat();
      })
      .then(() => {
        putLeftFork();
        putRightFork();
        right();
        left();
      });
  }
}
