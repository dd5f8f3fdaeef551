// Accepted. Style: one lock around "look at the light, turn it if it is red, cross".
import { Lock } from 'interleave/sync';

export class TrafficLight {
  private readonly lock = new Lock();
  private green = 1;

  async carArrived(carId: number, roadId: number, direction: number, turnGreen: () => void, crossCar: () => void): Promise<void> {
    await this.lock.acquire();
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
