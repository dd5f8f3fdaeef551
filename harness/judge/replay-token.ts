/**
 * A replay token: everything needed to reproduce one run exactly — problem, case, start order,
 * seed, and every decision the scheduler made — versioned and compact enough to paste
 * (`IL3.` + base64url of deflated JSON). The file's hash tells when it no longer matches.
 *
 * A token is untrusted input (anyone can paste anything): decoding bounds what it may cost (the
 * text, the inflated JSON and the decision count are capped) and checks every field's type; the
 * judge then checks it against the problem (case, start order, budget). A bad token is a
 * ReplayTokenError, which the command line reports as a usage mistake, never as a verdict.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';

/**
 * 2: time events (a sleep's end, a timeout) are scheduler choices recorded in the decisions, so a
 * version 1 stream means something else and cannot be replayed.
 * 3: each thread offers one task, the one JavaScript queued first, so a decision of version 2
 * (among every ready task) picks something else.
 */
export const TOKEN_VERSION = 3;

/** A token that cannot be used: damaged, from another version, or for another problem. */
export class ReplayTokenError extends Error {
  override name = 'ReplayTokenError';
}
const PREFIX = `IL${TOKEN_VERSION}.`;

/** The longest token text read (base64url), in characters. */
export const MAX_TOKEN_CHARS = 4 * 1024 * 1024;
/** The most the token's JSON may inflate to: a deflate bomb stops here. */
export const MAX_INFLATED_BYTES = 8 * 1024 * 1024;
/** The most decisions a token may hold (a run is capped at a few million steps anyway). */
export const MAX_DECISIONS = 4_000_000;
const MAX_TEXT_FIELD = 200;

export interface ReplayToken {
  problem: string;
  caseIndex: number;
  order: number[];
  dataSeed: number;
  /** The seed of the exploration that found the run (`--seed`), shown when it is replayed. */
  seed?: number;
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
  /** The exploration's seed (optional: messages only). */
  r?: number;
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
    ...(t.seed === undefined ? {} : { r: t.seed }),
  };
  return PREFIX + deflateRawSync(Buffer.from(JSON.stringify(wire))).toString('base64url');
}

/** Decodes a token; throws a ReplayTokenError that says what is wrong with it. */
export function decodeToken(token: string): ReplayToken {
  if (typeof token !== 'string') throw new ReplayTokenError(`not a replay token: it should be text such as ${PREFIX}xxxx`);
  if (token.length > MAX_TOKEN_CHARS + 64) {
    throw new ReplayTokenError(`the replay token is ${token.length} characters long; a real one is far shorter (at most ${MAX_TOKEN_CHARS}): copy it whole from the verdict`);
  }
  const trimmed = token.trim();
  const m = /^IL(\d{1,6})\.([A-Za-z0-9_-]+)$/.exec(trimmed);
  if (!m) throw new ReplayTokenError(`not a replay token: it should look like ${PREFIX}xxxx (copy it whole from the verdict)`);
  const version = Number(m[1]);
  if (version < TOKEN_VERSION) {
    throw new ReplayTokenError(
      `this replay token was made by an older version of Interleave (token version ${version}; this judge reads version ${TOKEN_VERSION}); ` +
        'judge the file again to get a new one',
    );
  }
  if (version !== TOKEN_VERSION) {
    throw new ReplayTokenError(
      `this replay token was made by a newer version of Interleave (token version ${version}; this judge reads version ${TOKEN_VERSION}); ` +
        'update Interleave, or judge the file again with this one to get a token it can replay',
    );
  }
  if (m[2].length > MAX_TOKEN_CHARS) throw new ReplayTokenError(`the replay token is too long (more than ${MAX_TOKEN_CHARS} characters)`);
  let json: string;
  try {
    json = inflateRawSync(Buffer.from(m[2], 'base64url'), { maxOutputLength: MAX_INFLATED_BYTES }).toString('utf8');
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new ReplayTokenError(`the replay token unpacks to more than ${MAX_INFLATED_BYTES / 1024 / 1024} MB; no real run needs that many decisions: it is not a token this judge made`);
    }
    throw new ReplayTokenError('the replay token is damaged (was it cut when copied?)');
  }
  let wire: Partial<Wire>;
  try {
    wire = JSON.parse(json) as Partial<Wire>;
  } catch {
    throw new ReplayTokenError('the replay token is damaged (was it cut when copied?)');
  }
  if (wire === null || typeof wire !== 'object' || Array.isArray(wire)) throw new ReplayTokenError('the replay token is damaged');
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
    ...(wire.r === undefined ? {} : { seed: wire.r }),
  };
}

/**
 * Checks a decoded token against the problem it is replayed on: the problem, a case it has, a
 * start order that is a permutation of exactly that case's threads, and a step budget that is a
 * positive integer no larger than the case's. Throws ReplayTokenError saying which part is wrong.
 */
export function checkTokenFits(
  token: ReplayToken,
  problem: { id: string; cases: readonly { name: string; threads: number; budget: number }[] },
): void {
  if (token.problem !== problem.id) throw new ReplayTokenError(`this replay token is for problem "${token.problem}", not "${problem.id}"`);
  const kase = problem.cases[token.caseIndex];
  if (token.caseIndex < 0 || !kase) {
    throw new ReplayTokenError(
      `this replay token names case ${token.caseIndex + 1}, which problem "${problem.id}" does not have (it has ${problem.cases.length}); it is damaged or forged`,
    );
  }
  const n = kase.threads;
  const seen = new Set(token.order);
  if (token.order.length !== n || seen.size !== n || token.order.some((i) => i >= n)) {
    throw new ReplayTokenError(
      `this replay token's start order [${token.order.slice(0, 20).join(', ')}${token.order.length > 20 ? ', …' : ''}] is not an order of ` +
        `case ${kase.name}'s ${n} threads (each of 0…${n - 1} once); it is damaged or forged`,
    );
  }
  if (!(token.budget >= 1 && token.budget <= kase.budget)) {
    throw new ReplayTokenError(
      `this replay token's step budget ${token.budget} is not between 1 and case ${kase.name}'s ${kase.budget}; it is damaged or forged`,
    );
  }
}

/** Decisions are small numbers: `b:` one byte each as base64 when they all fit, else `l:` a list. */
function packDecisions(d: number[]): string {
  if (d.every((x) => x >= 0 && x < 256)) return `b:${Buffer.from(d).toString('base64')}`;
  return `l:${d.join(',')}`;
}

function unpackDecisions(s: unknown): number[] {
  if (typeof s !== 'string') throw new ReplayTokenError('the replay token is damaged (no decisions in it)');
  // Base64 holds 3 bytes in 4 characters; a comma list at least 2 characters a decision.
  const most = s.startsWith('b:') ? Math.floor(((s.length - 2) * 3) / 4) : Math.ceil((s.length - 1) / 2);
  if (most > MAX_DECISIONS) {
    throw new ReplayTokenError(`the replay token holds more than ${MAX_DECISIONS} decisions; no run this judge records has that many: it is not a token this judge made`);
  }
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
  const ints = (x: unknown): boolean => Array.isArray(x) && x.length <= 1000 && x.every((n) => Number.isSafeInteger(n) && n >= 0);
  const text = (x: unknown): boolean => typeof x === 'string' && x.length <= MAX_TEXT_FIELD && !/[\u0000-\u001f\u007f]/.test(x);
  const ok =
    w.v === TOKEN_VERSION &&
    text(w.p) &&
    Number.isSafeInteger(w.c) &&
    ints(w.o) &&
    Number.isSafeInteger(w.s) &&
    text(w.st) &&
    text(w.h) &&
    Number.isSafeInteger(w.b) &&
    (w.r === undefined || Number.isSafeInteger(w.r));
  if (!ok) throw new ReplayTokenError('the replay token is damaged (fields are missing)');
}
