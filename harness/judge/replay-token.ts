/**
 * A replay token: everything needed to reproduce one run exactly — problem, case, start order,
 * seed, and every decision the scheduler made — versioned and compact enough to paste
 * (`IL1.` + base64url of deflated JSON). The file's hash tells when it no longer matches.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';

export const TOKEN_VERSION = 1;

/** A token that cannot be used: damaged, from another version, or for another problem. */
export class ReplayTokenError extends Error {
  override name = 'ReplayTokenError';
}
const PREFIX = `IL${TOKEN_VERSION}.`;

export interface ReplayToken {
  problem: string;
  caseIndex: number;
  order: number[];
  dataSeed: number;
  /** The strategy that found the run (for messages only). */
  strategy: string;
  decisions: number[];
  /** Hash of the compiled submission. */
  hash: string;
  budget: number;
}

interface Wire {
  v: number;
  p: string;
  c: number;
  o: number[];
  s: number;
  st: string;
  d: string;
  h: string;
  b: number;
}

export function encodeToken(t: ReplayToken): string {
  const wire: Wire = {
    v: TOKEN_VERSION,
    p: t.problem,
    c: t.caseIndex,
    o: t.order,
    s: t.dataSeed,
    st: t.strategy,
    d: packDecisions(t.decisions),
    h: t.hash,
    b: t.budget,
  };
  return PREFIX + deflateRawSync(Buffer.from(JSON.stringify(wire))).toString('base64url');
}

/** Decodes a token; throws an Error that says what is wrong with it. */
export function decodeToken(token: string): ReplayToken {
  const trimmed = token.trim();
  const m = /^IL(\d+)\.([A-Za-z0-9_-]+)$/.exec(trimmed);
  if (!m) throw new ReplayTokenError('not a replay token: it should look like IL1.xxxx (copy it whole from the verdict)');
  if (Number(m[1]) !== TOKEN_VERSION) {
    throw new ReplayTokenError(`replay token version ${m[1]} is not supported by this judge (it reads version ${TOKEN_VERSION})`);
  }
  let wire: Partial<Wire>;
  try {
    wire = JSON.parse(inflateRawSync(Buffer.from(m[2], 'base64url')).toString('utf8')) as Partial<Wire>;
  } catch {
    throw new ReplayTokenError('the replay token is damaged (was it cut when copied?)');
  }
  if (wire === null || typeof wire !== 'object') throw new ReplayTokenError('the replay token is damaged');
  checkShape(wire);
  return {
    problem: wire.p,
    caseIndex: wire.c,
    order: wire.o,
    dataSeed: wire.s,
    strategy: wire.st,
    decisions: unpackDecisions(wire.d),
    hash: wire.h,
    budget: wire.b,
  };
}

/** Decisions are small numbers: `b:` one byte each as base64 when they all fit, else `l:` a list. */
function packDecisions(d: number[]): string {
  if (d.every((x) => x >= 0 && x < 256)) return `b:${Buffer.from(d).toString('base64')}`;
  return `l:${d.join(',')}`;
}

function unpackDecisions(s: unknown): number[] {
  if (typeof s !== 'string') throw new ReplayTokenError('the replay token is damaged (no decisions in it)');
  if (s.startsWith('b:')) return [...Buffer.from(s.slice(2), 'base64')];
  if (s === 'l:') return [];
  if (s.startsWith('l:')) {
    const d = s.slice(2).split(',').map(Number);
    if (d.every((x) => Number.isInteger(x) && x >= 0)) return d;
  }
  throw new ReplayTokenError('the replay token is damaged (its decisions are unreadable)');
}

/** Checks the decoded fields, so a damaged token is a clear error, not a TypeError later. */
function checkShape(w: Partial<Wire>): asserts w is Wire {
  const ints = (x: unknown): boolean => Array.isArray(x) && x.every((n) => Number.isInteger(n) && n >= 0);
  const ok =
    typeof w.p === 'string' &&
    Number.isInteger(w.c) &&
    ints(w.o) &&
    Number.isInteger(w.s) &&
    typeof w.st === 'string' &&
    typeof w.h === 'string' &&
    Number.isInteger(w.b);
  if (!ok) throw new ReplayTokenError('the replay token is damaged (fields are missing)');
}
