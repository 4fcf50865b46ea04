/**
 * The schema library every module imports: zod's tree-shakable `zod/mini` with English messages.
 *
 * Why mini rather than `import * as z from 'zod'`: the classic API puts every method on every
 * schema instance and bundles JSON Schema conversion and the rest with it — about 100 KB and
 * 15–20 ms of a function's cold start before any of Moneta's own schemas are built, and building
 * each classic schema costs more too. Mini composes with functions instead of methods
 * (`z.optional(z.string().check(z.maxLength(100)))` for `z.string().max(100).optional()`), parses
 * identically (the same core) and reports the same messages once the English locale is loaded,
 * which mini leaves out by default ("Invalid input" otherwise).
 */

import { en } from 'zod/locales';
import * as z from 'zod/mini';

z.config(en());

export * from 'zod/mini';
/** The type every schema, of either flavour, extends: what generic code accepts. */
export type Schema = z.core.$ZodType;

/**
 * A value built on first use and kept: schemas above all. Every schema a module declares is built
 * when the module loads, and a function's bundle loads every module it imports, so eagerly declared
 * schemas would make each function build (and pay at cold start for) the schemas of its feature's
 * other routes, events and documentation too. Declared through this, a function builds only the
 * schemas it uses, once.
 */
export function lazily<T>(build: () => T): () => T {
  let built: { value: T } | undefined;
  return () => {
    built ??= { value: build() };
    return built.value;
  };
}
