// Wrong answer. Style: a `.then` chain, no async/await. The car reads the light in one callback
// and turns it in the next: another car runs between the two (each callback is a step of its
// own, as the code after an await is), so both may see red and turn the light green twice, or a
// car crosses on a light another car just turned.
export class TrafficLight {
  private green = 1;

  carArrived(carId: number, roadId: number, direction: number, turnGreen: () => void, crossCar: () => void): Promise<void> {
    let red = false;
    return Promise.resolve()
      .then(() => {
        red = this.green !== roadId;
      })
      .then(() => {
        if (red) {
          turnGreen();
          this.green = roadId;
        }
      })
      .then(() => crossCar());
  }
}
