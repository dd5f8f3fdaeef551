/**
 * describeError is handed whatever a learner throws: it must never throw, never run the value's
 * code, and still say what was thrown in one readable line.
 */
import { describeError, errorStack, MAX_DESCRIPTION } from '../../harness/scheduler/describe-error';

const NOT_AN_ERROR = '(a thrown value that is not an Error)';

/** A Proxy whose every trap throws (and counts how often it was touched). */
function hostileProxy(): { proxy: object; touched: () => number } {
  let touched = 0;
  const handler = new Proxy({}, {
    get: () => () => {
      touched++;
      throw new Error('trap');
    },
  });
  return { proxy: new Proxy(function () {}, handler), touched: () => touched };
}

describe('describeError', () => {
  test('an Error: its name and message', () => {
    expect(describeError(new TypeError('x is not a function'))).toBe('TypeError: x is not a function');
    class Custom extends Error {
      constructor() {
        super('custom trouble');
        this.name = 'Custom';
      }
    }
    expect(describeError(new Custom())).toBe('Custom: custom trouble');
    expect(describeError(new RangeError())).toBe('RangeError');
  });

  test('a built-in error whose name is an accessor (as SES makes it under lockdown) is still named, and the getter never runs', () => {
    class Tamed extends TypeError {}
    Object.defineProperty(Tamed.prototype, 'name', {
      get() {
        throw new Error('the describer ran a getter');
      },
    });
    expect(describeError(new Tamed('x is not a function'))).toBe('TypeError: x is not a function');
  });

  test('values that are not Errors say so', () => {
    expect(describeError('boom')).toBe(`boom ${NOT_AN_ERROR}`);
    expect(describeError(42)).toBe(`42 ${NOT_AN_ERROR}`);
    expect(describeError(undefined)).toBe(`undefined ${NOT_AN_ERROR}`);
    expect(describeError(null)).toBe(`null ${NOT_AN_ERROR}`);
    expect(describeError(10n)).toBe(`10n ${NOT_AN_ERROR}`);
    expect(describeError(Symbol('s'))).toBe(`Symbol(s) ${NOT_AN_ERROR}`);
    expect(describeError({ code: 7, why: 'no' })).toBe(`{"code":7,"why":"no"} ${NOT_AN_ERROR}`);
    expect(describeError([1, 'a'])).toBe(`[1,"a"] ${NOT_AN_ERROR}`);
  });

  test('a Proxy whose every trap throws: described without touching it', () => {
    const { proxy, touched } = hostileProxy();
    expect(describeError(proxy)).toBe('a Proxy object (the judge does not look inside a thrown Proxy; throw an Error instead)');
    expect(touched()).toBe(0);
  });

  test('a revoked Proxy', () => {
    const { proxy, revoke } = Proxy.revocable(new Error('hidden'), {});
    revoke();
    expect(describeError(proxy)).toMatch(/^a Proxy object/);
  });

  test('throwing getters for name and message, toString and Symbol.toPrimitive are never called', () => {
    const e = new Error('x');
    let called = 0;
    const boom = (): never => {
      called++;
      throw new Error('getter');
    };
    Object.defineProperty(e, 'message', { get: boom });
    Object.defineProperty(e, 'name', { get: boom });
    Object.defineProperty(e, 'toString', { value: boom });
    Object.defineProperty(e, Symbol.toPrimitive, { value: boom });
    expect(describeError(e)).toBe('Error (its message could not be read: it is not a plain string)');
    const o = { toString: boom, [Symbol.toPrimitive]: boom, get secret() { return boom(); } };
    expect(describeError(o)).toBe(`{"toString":[a function boom],"secret":[a getter]} ${NOT_AN_ERROR}`);
    expect(called).toBe(0);
  });

  test('an Error whose prototype is a hostile Proxy', () => {
    const e = new Error('m');
    Object.setPrototypeOf(e, hostileProxy().proxy);
    expect(() => describeError(e)).not.toThrow();
    expect(describeError(e)).toContain('m');
  });

  test('cyclic values', () => {
    const a: Record<string, unknown> = { name: 'a' };
    a.self = a;
    expect(describeError(a)).toBe(`{"name":"a","self":[a cycle]} ${NOT_AN_ERROR}`);
    const list: unknown[] = [];
    list.push(list);
    expect(describeError(list)).toBe(`[[a cycle]] ${NOT_AN_ERROR}`);
  });

  test('huge strings, huge arrays and deep nesting are cut', () => {
    const huge = 'x'.repeat(50_000_000);
    const described = describeError(new Error(huge));
    expect(described.length).toBe(MAX_DESCRIPTION);
    expect(described.endsWith('…')).toBe(true);
    expect(describeError(huge).length).toBe(MAX_DESCRIPTION);
    expect(describeError(new Array(10_000_000).fill(1))).toBe(`[1,1,1,1,1,1,1,1,… 9999992 more] ${NOT_AN_ERROR}`);
    expect(describeError({ a: { b: { c: { d: 1 } } } })).toBe(`{"a":{"b":{…}}} ${NOT_AN_ERROR}`);
    expect(describeError(new Uint8Array(100))).toBe(`[binary data] ${NOT_AN_ERROR}`);
  });

  test('one line, whatever the message holds', () => {
    expect(describeError(new Error('first\nsecond\r\n  third'))).toBe('Error: first⏎second⏎  third');
  });
});

describe('errorStack', () => {
  test("never runs the error's own getters or toString, which the engine calls to write the stack's first line", () => {
    let calls = 0;
    const a = new Error('a');
    Object.defineProperty(a, 'message', {
      get() {
        calls++;
        return 'x';
      },
    });
    class B extends Error {
      override get name(): string {
        calls++;
        return 'B';
      }
    }
    class C extends Error {
      override toString(): string {
        calls++;
        return 'C';
      }
    }
    for (const e of [a, new B('b'), new C('c')]) expect(errorStack(e)).toBeUndefined();
    expect(calls).toBe(0);
  });

  test("a plain error's stack is read, its first line its name and message", () => {
    expect(errorStack(new TypeError('t'))).toMatch(/^TypeError: t\n/);
    class Named extends Error {
      override name = 'Named';
    }
    expect(errorStack(new Named('n'))).toMatch(/^Named: n\n/);
  });
});
