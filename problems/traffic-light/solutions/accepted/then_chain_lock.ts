// Accepted. Style: a `.then` chain on a Lock, no async/await: the check, the turn and the crossing
// are one callback, run while the lock is held; `.finally` lets it go whatever happens.
import { Lock } from 'interleave/sync';

export class TrafficLight {
  readonly #lock = new Lock();
  #green = 1;

  carArrived(carId: number, roadId: number, direction: number, turnGreen: () => void, crossCar: () => void): Promise<void> {
    return this.#lock
      .acquire()
      .then(() => {
        if (this.#green !== roadId) {
          turnGreen();
          this.#green = roadId;
        }
        crossCar();
      })
      .finally(() => this.#lock.release());
  }
}
