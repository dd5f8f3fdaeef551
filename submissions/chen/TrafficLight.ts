// Wrong answer. Bug: only changing the light is locked; the car crosses after releasing the lock,
// when a car of the other road may already have turned the light.
import { Lock } from 'interleave/sync';

export class TrafficLight {
  private readonly lock = new Lock();
  private green = 1;

  async carArrived(carId: number, roadId: number, direction: number, turnGreen: () => void, crossCar: () => void): Promise<void> {
    await this.lock.acquire();
    if (this.green !== roadId) {
      turnGreen();
      this.green = roadId;
    }
    await this.lock.release();
    crossCar();
  }
}
