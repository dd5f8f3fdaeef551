// Accepted. Style: acquire(...).catch(...): an operation used as the Promise its type says.
// Written from the statement alone (red team).
import { Lock } from 'interleave/sync';

// Correct: a defensive .catch() directly on the operation (typed Promise<boolean> in the d.ts).
export class TrafficLight {
  private lock = new Lock();
  private green = 1;

  async carArrived(carId: number, roadId: number, direction: number,
                   turnGreen: () => void, crossCar: () => void): Promise<void> {
    const ok = await this.lock.acquire().catch(() => false);
    if (!ok) throw new Error('could not lock');
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
