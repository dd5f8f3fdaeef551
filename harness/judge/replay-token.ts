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
  let wire: Wire;
  try {
    wire = JSON.parse(inflateRawSync(Buffer.from(m[2], 'base64url')).toString('utf8')) as Wire;
  } catch {
    throw new ReplayTokenError('the replay token is damaged (was it cut when copied?)');
  }
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

/** Decisions are small numbers: one byte each, as base64, when they all fit; else a list. */
function packDecisions(d: number[]): string {
  if (d.every((x) => x >= 0 && x < 256)) return Buffer.from(d).toString('base64');
  return d.join(',');
}

function unpackDecisions(s: string): number[] {
  if (s.includes(',') || s === '') return s === '' ? [] : s.split(',').map(Number);
  return [...Buffer.from(s, 'base64')];
}
