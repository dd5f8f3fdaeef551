import { defineChecker } from 'interleave/checker';

/**
 * Every consecutive three releases are one O and two H (a molecule), and each atom's thread
 * releases exactly once. A group that already holds a third H or a second O fails at once.
 */
export default defineChecker({
  expected: (ctx) => `${ctx.args.oxygens as number} ${ctx.args.oxygens === 1 ? 'molecule' : 'molecules'}, each of two H and one O (e.g. ${'HHO '.repeat(ctx.args.oxygens as number).trim()})`,
  start(ctx) {
    const released = new Set<number>();
    const out: string[] = [];
    let h = 0;
    let o = 0;
    return {
      onEvent(ev) {
        if (ev.kind !== 'emit') return null;
        out.push(ev.value);
        const who = ctx.nameOf(ev.thread);
        if (released.has(ev.thread)) return `${who} released its atom a second time: each atom is released exactly once`;
        released.add(ev.thread);
        if (ev.value === 'H') h++;
        else o++;
        const molecule = Math.floor(ev.index / 3) + 1;
        if (h > 2) return `${who} released a third hydrogen into molecule #${molecule} (releases ${3 * molecule - 2}–${ev.index + 1}: ${out.slice(-(h + o)).join('')})`;
        if (o > 1) return `${who} released a second oxygen into molecule #${molecule} (releases ${3 * molecule - 2}–${ev.index + 1}: ${out.slice(-(h + o)).join('')})`;
        if (h + o === 3) h = o = 0;
        return null;
      },
      actual: () => out.map((x, i) => (i % 3 === 2 ? `${x} ` : x)).join('').trim(),
      final() {
        const atoms = (ctx.args.hydrogens as number) + (ctx.args.oxygens as number);
        if (released.size < atoms) return `every thread returned, but only ${released.size} of the ${atoms} atoms were released`;
        return null;
      },
    };
  },
});
