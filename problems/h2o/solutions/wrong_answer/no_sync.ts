// Wrong answer. Bug: no synchronization — atoms are released in whatever order the threads run.
export class H2O {
  async hydrogen(releaseHydrogen: () => void): Promise<void> {
    releaseHydrogen();
  }

  async oxygen(releaseOxygen: () => void): Promise<void> {
    releaseOxygen();
  }
}
