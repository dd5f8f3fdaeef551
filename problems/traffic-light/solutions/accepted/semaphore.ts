// Accepted. Style: a semaphore of one as the intersection itself: a car holds it while it may
// change the light and crosses.
import { Semaphore } from 'interleave/sync';

export class TrafficLight {
  private readonly intersection = new Semaphore(1);
  private greenRoad = 1;

  async carArrived(carId: number, roadId: number, direction: number, turnGreen: () => void, crossCar: () => void): Promise<void> {
    await this.intersection.acquire();
    if (this.greenRoad !== roadId) {
      this.greenRoad = roadId;
      turnGreen();
    }
    crossCar();
    await this.intersection.release();
  }
}
