// Accepted. Style: bare promises — a hand-made mutex: a car that finds the intersection busy
// parks a resolver and checks again (in a while loop) when woken.
export class TrafficLight {
  private busy = false;
  private readonly waiting: Array<() => void> = [];
  private green = 1;

  async carArrived(carId: number, roadId: number, direction: number, turnGreen: () => void, crossCar: () => void): Promise<void> {
    while (this.busy) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.busy = true;
    if (this.green !== roadId) {
      turnGreen();
      this.green = roadId;
    }
    crossCar();
    this.busy = false;
    this.waiting.shift()?.();
  }
}
