import fc from 'fast-check';
import { normalizePayee } from '../../../shared/transactions/payee-store';

describe('normalizePayee', () => {
  test.each([
    ['  ACME   Corp ', 'acme corp'],
    ['Acme\tCorp\n', 'acme corp'],
    ['ＡＣＭＥ Corp', 'acme corp'], // full-width letters (NFKC)
    ['Café', 'café'],
    ['Cafe\u0301', 'café'], // combining accent composes to the same key
  ])('%j → %j', (name, normalized) => {
    expect(normalizePayee(name)).toBe(normalized);
  });

  test('is idempotent and blind to case and surrounding or repeated spaces', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const name = `${a} ${b}`;
        const once = normalizePayee(name);
        expect(normalizePayee(once)).toBe(once);
        expect(normalizePayee(`  ${name.toUpperCase()}  `)).toBe(normalizePayee(name.toUpperCase()));
        expect(once).not.toMatch(/^\s|\s$|\s\s/);
      }),
    );
  });
});
