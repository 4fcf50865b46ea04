/**
 * EventBridge content filtering, as EventBridge rules and Lambda event-source-mapping filters
 * evaluate it. The local bus matches rules with it and the stream poller applies the stack's
 * stream filters with it, so one pattern object means the same thing on AWS and on a laptop.
 *
 * Supported: exact values (string, number, boolean, null), `prefix`, `suffix`,
 * `equals-ignore-case`, `wildcard`, `anything-but` (value, list, prefix, suffix,
 * equals-ignore-case), `exists`, `numeric`, nested objects, `$or`, and arrays in the event
 * (a matcher matches an array when it matches any of its elements).
 * A pattern that uses an unknown operator throws, like PutRule would refuse it: a typo must not
 * silently match nothing.
 */

type Json = unknown;

export function matchesPattern(pattern: Record<string, unknown>, event: unknown): boolean {
  return matchObject(pattern, event);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function matchObject(pattern: Record<string, unknown>, event: Json): boolean {
  for (const [key, sub] of Object.entries(pattern)) {
    if (key === '$or') {
      if (!Array.isArray(sub) || sub.length < 2) throw new Error('$or needs an array of at least two patterns');
      if (!sub.some((alternative) => isPlainObject(alternative) && matchObject(alternative, event))) return false;
      continue;
    }
    const value = isPlainObject(event) && Object.hasOwn(event, key) ? event[key] : undefined;
    if (Array.isArray(sub)) {
      if (!matchLeaf(sub, value)) return false;
    } else if (isPlainObject(sub)) {
      // A nested pattern over a missing (or non-object) field still runs, so that
      // `{ a: { b: [{ exists: false }] } }` matches an event without `a`.
      if (!matchObject(sub, isPlainObject(value) ? value : undefined)) return false;
    } else {
      throw new Error(`Pattern field "${key}" must be an array or an object`);
    }
  }
  return true;
}

/** A leaf: the field matches when any matcher matches (any element, for an array value). */
function matchLeaf(matchers: unknown[], value: Json): boolean {
  const present = value !== undefined;
  const values: Json[] = Array.isArray(value) ? value : present ? [value] : [];
  return matchers.some((matcher) => {
    if (isPlainObject(matcher) && 'exists' in matcher) {
      if (typeof matcher.exists !== 'boolean') throw new Error('exists takes true or false');
      // EventBridge: `exists` looks at leaves; an empty array holds no leaf.
      return matcher.exists === values.length > 0;
    }
    return values.some((v) => matchValue(matcher, v));
  });
}

function matchValue(matcher: unknown, value: Json): boolean {
  if (!isPlainObject(matcher)) {
    if (matcher === null || ['string', 'number', 'boolean'].includes(typeof matcher)) return matcher === value;
    throw new Error(`Unsupported matcher ${JSON.stringify(matcher)}`);
  }
  const entries = Object.entries(matcher);
  if (entries.length !== 1) throw new Error(`A matcher has exactly one operator: ${JSON.stringify(matcher)}`);
  const [operator, operand] = entries[0]!;
  switch (operator) {
    case 'prefix':
      return stringTest(operand, value, (s, p) => s.startsWith(p));
    case 'suffix':
      return stringTest(operand, value, (s, p) => s.endsWith(p));
    case 'equals-ignore-case':
      return typeof value === 'string' && typeof operand === 'string' && value.toLowerCase() === operand.toLowerCase();
    case 'wildcard':
      return typeof value === 'string' && typeof operand === 'string' && wildcardRegExp(operand).test(value);
    case 'anything-but':
      return anythingBut(operand, value);
    case 'numeric':
      return numeric(operand, value);
    default:
      throw new Error(`Unsupported operator "${operator}"`);
  }
}

/** `prefix`/`suffix` take a string, or `{ "equals-ignore-case": string }`. */
function stringTest(operand: unknown, value: Json, test: (s: string, p: string) => boolean): boolean {
  if (typeof value !== 'string') return false;
  if (typeof operand === 'string') return test(value, operand);
  if (isPlainObject(operand) && typeof operand['equals-ignore-case'] === 'string') {
    return test(value.toLowerCase(), operand['equals-ignore-case'].toLowerCase());
  }
  throw new Error(`Unsupported prefix/suffix operand ${JSON.stringify(operand)}`);
}

function anythingBut(operand: unknown, value: Json): boolean {
  if (Array.isArray(operand)) return !operand.some((excluded) => excluded === value);
  if (isPlainObject(operand)) {
    // anything-but a prefix/suffix/case-insensitive value: the inner matcher must not match.
    if (typeof value !== 'string') return false;
    const [op, inner] = Object.entries(operand)[0] ?? [];
    if (op === 'prefix' || op === 'suffix' || op === 'equals-ignore-case' || op === 'wildcard') {
      const list = Array.isArray(inner) ? inner : [inner];
      return !list.some((item) => matchValue({ [op]: item }, value));
    }
    throw new Error(`Unsupported anything-but operand ${JSON.stringify(operand)}`);
  }
  return operand !== value;
}

const comparisons: Record<string, (a: number, b: number) => boolean> = {
  '=': (a, b) => a === b,
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
};

function numeric(operand: unknown, value: Json): boolean {
  if (!Array.isArray(operand) || operand.length === 0 || operand.length % 2 !== 0) {
    throw new Error(`numeric takes operator/value pairs: ${JSON.stringify(operand)}`);
  }
  if (typeof value !== 'number') return false;
  for (let i = 0; i < operand.length; i += 2) {
    const compare = comparisons[String(operand[i])];
    const bound = operand[i + 1];
    if (!compare || typeof bound !== 'number') throw new Error(`Bad numeric condition ${JSON.stringify(operand)}`);
    if (!compare(value, bound)) return false;
  }
  return true;
}

function wildcardRegExp(pattern: string): RegExp {
  const escaped = pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${escaped}$`, 's');
}
