// Wrong answer. Bug: every car turns its light green before crossing, even when it is green.
import { Lock } from 'interleave/sync';

export class TrafficLight {
  private readonly lock = new Lock();

  async carArrived(carId: number, roadId: number, direction: number, turnGreen: () => void, crossCar: () => void): Promise<void> {
    await this.lock.acquire();
    turnGreen();
    crossCar();
    await this.lock.release();
  }
}
