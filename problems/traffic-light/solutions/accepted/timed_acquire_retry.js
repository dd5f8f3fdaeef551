// Accepted (red team). The lock is taken with acquire({ timeout: 3 }) retried until it returns true; the light
// is read, turned and the car crosses while it is held.
import { Lock } from 'interleave/sync';

export class TrafficLight {
  constructor() {
    this.lock = new Lock();
    this.green = 1;
  }

  async carArrived(carId, roadId, direction, turnGreen, crossCar) {
    while (!(await this.lock.acquire({ timeout: 3 }))) {
      // timed out: try again
    }
    try {
      if (this.green !== roadId) {
        turnGreen();
        this.green = roadId;
      }
      crossCar();
    } finally {
      await this.lock.release();
    }
  }
}
