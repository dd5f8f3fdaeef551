import { Barrier, Condition, Lock, Semaphore } from 'interleave/sync';

export class H2O {
  constructor() {
    // TODO: create the synchronization you need
  }

  async hydrogen(releaseHydrogen: () => void): Promise<void> {
    // TODO: wait until this hydrogen can join a molecule, then call releaseHydrogen() once
  }

  async oxygen(releaseOxygen: () => void): Promise<void> {
    // TODO: wait until this oxygen can join a molecule, then call releaseOxygen() once
  }
}
