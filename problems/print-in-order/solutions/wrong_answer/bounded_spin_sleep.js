// Wrong answer. Style: JavaScript, a stage counter, and a poll with a deadline: second() and
// third() check every 10 ms for up to 100 ms, then go on anyway ("100 ms is plenty").
// Bug: a deadline is not a happens-before. first() and second() may be slower than 100 ms (the
// machine is busy, the thread is descheduled), and then the prints come out of order.
// Exposed by: a schedule where one poller's sleeps all end before the thread it waits for runs
// (the greedy strategy lets time pass while the others are slow).
import { sleep } from 'interleave/sync';

export class Foo {
  constructor() {
    this.stage = 0;
  }

  async first(printFirst) {
    printFirst();
    this.stage = 1;
  }

  async second(printSecond) {
    for (let waited = 0; waited < 100 && this.stage < 1; waited += 10) await sleep(10);
    printSecond();
    this.stage = 2;
  }

  async third(printThird) {
    for (let waited = 0; waited < 100 && this.stage < 2; waited += 10) await sleep(10);
    printThird();
  }
}
