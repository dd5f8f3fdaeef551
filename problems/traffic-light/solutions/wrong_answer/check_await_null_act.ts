// Wrong answer. Bug: checks the light, then `await null`, then turns it green. Every await is a
// switch point: both cars of road 2 see it red, both reach the await, and both call turnGreen().
// (Written by a red team to the old API reference, which said `await null` was no switch point.)
export class TrafficLight {
  private green = 1;

  async carArrived(carId: number, roadId: number, direction: number, turnGreen: () => void, crossCar: () => void): Promise<void> {
    if (this.green !== roadId) {
      await null;
      turnGreen();
      this.green = roadId;
    }
    crossCar();
  }
}
