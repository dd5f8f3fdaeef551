// Deadlock. Bug: the lock is released only on the path that turned the light; a car that found
// its road green keeps the lock, and every car after it waits for ever.
import { Lock } from 'interleave/sync';

export class TrafficLight {
  private readonly lock = new Lock();
  private green = 1;

  async carArrived(carId: number, roadId: number, direction: number, turnGreen: () => void, crossCar: () => void): Promise<void> {
    await this.lock.acquire();
    if (this.green !== roadId) {
      turnGreen();
      this.green = roadId;
      crossCar();
      await this.lock.release();
      return;
    }
    crossCar();
  }
}
