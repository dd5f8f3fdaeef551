import { Lock } from 'interleave/sync';

export class TrafficLight {
  constructor() {
    // TODO: road 1 is green at the start
  }

  async carArrived(
    carId: number,
    roadId: number, // 1 or 2
    direction: number, // 1..4
    turnGreen: () => void, // turns the light green on this car's road
    crossCar: () => void, // makes this car cross
  ): Promise<void> {
    // TODO: make the car cross on green, turning the light only when it must
  }
}
