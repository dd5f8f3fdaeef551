// Deadlock. Style: a mutex per fork made of a promise chain (`tail = tail.then(…)`), no
// async/await. Every philosopher takes the left fork, then the right: when all five hold their
// left fork, each waits for a right fork that never comes free (a cycle).
type Unlock = () => void;

function mutex(): { lock(): Promise<Unlock> } {
  let tail: Promise<void> = Promise.resolve();
  return {
    lock(): Promise<Unlock> {
      let unlock!: Unlock;
      const held = new Promise<void>((resolve) => (unlock = resolve));
      const before = tail;
      tail = before.then(() => held);
      return before.then(() => unlock);
    },
  };
}

export class DiningPhilosophers {
  private readonly forks = [0, 1, 2, 3, 4].map(mutex);

  wantsToEat(
    philosopher: number,
    pickLeftFork: () => void,
    pickRightFork: () => void,
    eat: () => void | Promise<void>,
    putLeftFork: () => void,
    putRightFork: () => void,
  ): Promise<void> {
    let left: Unlock;
    let right: Unlock;
    return this.forks[philosopher]
      .lock()
      .then((unlock) => {
        left = unlock;
        return this.forks[(philosopher + 1) % 5].lock();
      })
      .then((unlock) => {
        right = unlock;
        pickLeftFork();
        pickRightFork();
        return eat();
      })
      .then(() => {
        putLeftFork();
        putRightFork();
        right();
        left();
      });
  }
}
