// Wrong answer. Bug: a barrier of three groups any three atoms — three hydrogens pass together.
import { Barrier } from 'interleave/sync';

export class H2O {
  private readonly molecule = new Barrier(3);

  async hydrogen(releaseHydrogen: () => void): Promise<void> {
    await this.molecule.wait();
    releaseHydrogen();
  }

  async oxygen(releaseOxygen: () => void): Promise<void> {
    await this.molecule.wait();
    releaseOxygen();
  }
}
