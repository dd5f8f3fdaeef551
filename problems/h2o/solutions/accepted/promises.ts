// Accepted. Style: bare promises — waiting atoms park their resolvers; once two H and one O wait
// and the previous molecule is fully released, the three are let go together.
type Wake = () => void;

export class H2O {
  private readonly hs: Wake[] = [];
  private readonly os: Wake[] = [];
  /** Atoms of the current molecule still to release (0: a new one may form). */
  private pending = 0;

  private form(): void {
    if (this.pending > 0 || this.hs.length < 2 || this.os.length < 1) return;
    this.pending = 3;
    this.hs.shift()!();
    this.hs.shift()!();
    this.os.shift()!();
  }

  private released(): void {
    this.pending--;
    this.form();
  }

  async hydrogen(releaseHydrogen: () => void): Promise<void> {
    await new Promise<void>((resolve) => {
      this.hs.push(resolve);
      this.form();
    });
    releaseHydrogen();
    this.released();
  }

  async oxygen(releaseOxygen: () => void): Promise<void> {
    await new Promise<void>((resolve) => {
      this.os.push(resolve);
      this.form();
    });
    releaseOxygen();
    this.released();
  }
}
