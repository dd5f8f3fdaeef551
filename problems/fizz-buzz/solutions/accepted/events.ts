// Accepted. Style: one Event per thread, as the course's FooBar: a thread waits for its event,
// clears it before printing (so a set meant for its next turn is never lost), then sets the
// event of the next number's owner.
import { Event } from 'interleave/sync';

type Kind = 'fizz' | 'buzz' | 'fizzbuzz' | 'number';

function owner(i: number): Kind {
  if (i % 15 === 0) return 'fizzbuzz';
  if (i % 3 === 0) return 'fizz';
  if (i % 5 === 0) return 'buzz';
  return 'number';
}

export class FizzBuzz {
  private readonly go: Record<Kind, Event> = { fizz: new Event(), buzz: new Event(), fizzbuzz: new Event(), number: new Event() };

  constructor(private readonly n: number) {
    void this.go.number.set();
  }

  private async run(kind: Kind, print: (i: number) => void): Promise<void> {
    for (let i = 1; i <= this.n; i++) {
      if (owner(i) !== kind) continue;
      await this.go[kind].wait();
      await this.go[kind].clear();
      print(i);
      if (i < this.n) await this.go[owner(i + 1)].set();
    }
  }

  async fizz(printFizz: () => void): Promise<void> {
    await this.run('fizz', () => printFizz());
  }
  async buzz(printBuzz: () => void): Promise<void> {
    await this.run('buzz', () => printBuzz());
  }
  async fizzbuzz(printFizzBuzz: () => void): Promise<void> {
    await this.run('fizzbuzz', () => printFizzBuzz());
  }
  async number(printNumber: (x: number) => void): Promise<void> {
    await this.run('number', (i) => printNumber(i));
  }
}
