import { defineChecker } from 'interleave/checker';

/**
 * Road 1 starts green. A car crosses only while its road is green; `turnGreen` is called only to
 * change the light (never for the road that is already green); every car crosses exactly once.
 * The road of each car is the `roadId` its `carArrived` call was given.
 */
export default defineChecker({
  expected: (ctx) => `each of the ${(ctx.args.cars as unknown[]).length} cars crosses once, on its road's green; turnGreen only when its road is red`,
  start(ctx) {
    const road = new Map<number, { carId: number; roadId: number }>();
    const crossed = new Set<number>();
    const log: string[] = [];
    let green = 1;
    return {
      onEvent(ev) {
        if (ev.kind === 'call') road.set(ev.thread, { carId: ev.args[0] as number, roadId: ev.args[1] as number });
        if (ev.kind !== 'emit') return null;
        const car = road.get(ev.thread)!;
        const who = `${ctx.nameOf(ev.thread)} (car ${car.carId}, road ${car.roadId})`;
        if (ev.value === 'green') {
          log.push(`road ${car.roadId} green`);
          if (green === car.roadId) return `${who} called turnGreen() while road ${green} was already green: a redundant turnGreen`;
          green = car.roadId;
        } else {
          log.push(`car ${car.carId} crosses`);
          if (crossed.has(ev.thread)) return `${who} crossed a second time`;
          crossed.add(ev.thread);
          if (green !== car.roadId) return `${who} crossed while road ${car.roadId} was red (road ${green} was green)`;
        }
        return null;
      },
      actual: () => log.join('; '),
      final() {
        const cars = (ctx.args.cars as unknown[]).length;
        return crossed.size < cars ? `every thread returned, but only ${crossed.size} of the ${cars} cars crossed` : null;
      },
    };
  },
});
