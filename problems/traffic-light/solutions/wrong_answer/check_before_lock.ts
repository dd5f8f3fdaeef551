// Wrong answer. Bug: the car looks at the light before taking the lock; two cars of road 2 both
// see red, and the second turns the light that the first already turned (a redundant turnGreen).
import { Lock } from 'interleave/sync';

export class TrafficLight {
  private readonly lock = new Lock();
  private green = 1;

  async carArrived(carId: number, roadId: number, direction: number, turnGreen: () => void, crossCar: () => void): Promise<void> {
    const red = this.green !== roadId;
    await this.lock.acquire();
    if (red) {
      turnGreen();
      this.green = roadId;
    }
    crossCar();
    await this.lock.release();
  }
}
