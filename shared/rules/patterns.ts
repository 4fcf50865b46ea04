/**
 * User regexes run on re2js, a pure-JS port of RE2: matching is linear in the subject, whatever
 * the pattern, so a pattern that makes a backtracking engine explode (`(a+)+$`) is accepted and
 * harmless. What RE2 cannot guarantee linear (backreferences, lookarounds) it refuses to parse,
 * and so do we, with a 422 naming the field. Patterns are limited in length (schemas.ts), repeat
 * counts to 1000 (RE2's own limit), and subjects are cut at MAX_SUBJECT_LENGTH characters.
 */
import { RE2JS } from 're2js';
import { HttpProblem } from '../kit/http/problems';

/** Longer subjects are matched on their first characters only (payees hold 100, notes 500). */
export const MAX_SUBJECT_LENGTH = 1000;

export type Pattern = { find: (subject: string) => boolean };

/** A well-formed field whose value cannot be used: a refused pattern, a category the caller does not have. */
export class UnusableField extends HttpProblem {
  constructor(slug: string, title: string, field: string, reason: string) {
    super(422, slug, title, `${field} ${reason}`, [{ in: 'body', field, message: reason }]);
  }
}

/** A refused pattern: which field, and what RE2 said about it. */
export class UnsupportedPattern extends UnusableField {
  constructor(field: string, reason: string) {
    super('unsupported-pattern', 'Unsupported pattern', field, reason);
  }
}

/** Compiles a case-insensitive pattern; throws UnsupportedPattern naming `field` when RE2 refuses it. */
export function compilePattern(pattern: string, field: string): Pattern {
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(pattern, RE2JS.CASE_INSENSITIVE);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new UnsupportedPattern(field, `is not a pattern the linear-time engine accepts (${message})`);
  }
  return { find: (subject) => compiled.matcher(subject.slice(0, MAX_SUBJECT_LENGTH)).find() };
}
