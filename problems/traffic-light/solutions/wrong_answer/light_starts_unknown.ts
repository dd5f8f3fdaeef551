// Wrong answer. Bug: the light is assumed to start red on both roads (green = 0), so the first
// car of road 1 turns a light that was already green.
import { Lock } from 'interleave/sync';

export class TrafficLight {
  private readonly lock = new Lock();
  private green = 0;

  async carArrived(carId: number, roadId: number, direction: number, turnGreen: () => void, crossCar: () => void): Promise<void> {
    await this.lock.acquire();
    if (this.green !== roadId) {
      turnGreen();
      this.green = roadId;
    }
    crossCar();
    await this.lock.release();
  }
}
