// Accepted. Style: no primitive at all — and that is correct in JavaScript: with no `await`
// between reading the light and crossing, nothing can run in between (one switch point-free step).
export class TrafficLight {
  private green = 1;

  async carArrived(carId: number, roadId: number, direction: number, turnGreen: () => void, crossCar: () => void): Promise<void> {
    if (this.green !== roadId) {
      turnGreen();
      this.green = roadId;
    }
    crossCar();
  }
}
