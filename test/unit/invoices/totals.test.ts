import { invoiceStatus, openAmount, statusFilter } from '../../../shared/invoices/status';
import { invoiceTotals, lineAmounts, TotalTooLarge } from '../../../shared/invoices/totals';
import { MAX_AMOUNT } from '../../../shared/kit/money/money';

describe('invoice totals', () => {
  test('the worked example of docs/invoices.md', () => {
    const { lines, totals } = invoiceTotals([
      { quantity: '1.5', unitPrice: 333, taxRate: '21' },
      { quantity: '2.5', unitPrice: 101, taxRate: '10.5' },
      { quantity: '1', unitPrice: 1000, taxRate: '0' },
    ]);
    // 1.5 × 333 = 499.5 → 500 (half to even); 21 % of 500 = 105.
    // 2.5 × 101 = 252.5 → 252 (half to even); 10.5 % of 252 = 26.46 → 26.
    expect(lines).toEqual([
      { net: 500, tax: 105, gross: 605 },
      { net: 252, tax: 26, gross: 278 },
      { net: 1000, tax: 0, gross: 1000 },
    ]);
    expect(totals).toEqual({ net: 1752, tax: 131, gross: 1883 });
  });

  test('ties of half a minor unit round to the even neighbour, net and tax alike', () => {
    expect(lineAmounts({ quantity: '0.5', unitPrice: 1, taxRate: '0' }).net).toBe(0);
    expect(lineAmounts({ quantity: '0.5', unitPrice: 3, taxRate: '0' }).net).toBe(2);
    expect(lineAmounts({ quantity: '1.5', unitPrice: 1, taxRate: '0' }).net).toBe(2);
    expect(lineAmounts({ quantity: '2.5', unitPrice: 1, taxRate: '0' }).net).toBe(2);
    // 10 % of 5 = 0.5 → 0; 10 % of 15 = 1.5 → 2; 50 % of 5 = 2.5 → 2.
    expect(lineAmounts({ quantity: '1', unitPrice: 5, taxRate: '10' }).tax).toBe(0);
    expect(lineAmounts({ quantity: '1', unitPrice: 15, taxRate: '10' }).tax).toBe(2);
    expect(lineAmounts({ quantity: '1', unitPrice: 5, taxRate: '50' }).tax).toBe(2);
    // Just above a tie rounds up.
    expect(lineAmounts({ quantity: '0.500001', unitPrice: 1, taxRate: '0' }).net).toBe(1);
  });

  test('tax is computed on the rounded line net, and totals are sums of the lines (no second rounding)', () => {
    // Three lines of 0.5 × 1 = 0 each: the sum of rounded lines is 0, not round(1.5) = 2.
    const { totals } = invoiceTotals(
      Array.from({ length: 3 }, () => ({ quantity: '0.5', unitPrice: 1, taxRate: '0' })),
    );
    expect(totals).toEqual({ net: 0, tax: 0, gross: 0 });
  });

  test('large amounts are exact (BigInt), and a line or invoice past the money range is refused', () => {
    const big = lineAmounts({ quantity: '999999999.999999', unitPrice: 9, taxRate: '0' });
    expect(big.net).toBe(9_000_000_000); // 8,999,999,999.999991 → 9,000,000,000
    expect(() => lineAmounts({ quantity: '2', unitPrice: MAX_AMOUNT, taxRate: '0' }, 4)).toThrow(TotalTooLarge);
    expect(() =>
      invoiceTotals([
        { quantity: '1', unitPrice: MAX_AMOUNT, taxRate: '0' },
        { quantity: '1', unitPrice: 1, taxRate: '0' },
      ]),
    ).toThrow(TotalTooLarge);
  });
});

describe('invoice status', () => {
  const issued = { state: 'issued' as const, gross: 1000, dueDate: '2026-03-31' };
  test('is derived from state, paid amount and the caller’s today', () => {
    expect(invoiceStatus({ ...issued, state: 'draft', paidAmount: 0 }, '2027-01-01')).toBe('draft');
    expect(invoiceStatus({ ...issued, state: 'void', paidAmount: 0 }, '2027-01-01')).toBe('void');
    expect(invoiceStatus({ ...issued, paidAmount: 0 }, '2026-03-31')).toBe('issued');
    expect(invoiceStatus({ ...issued, paidAmount: 400 }, '2026-03-31')).toBe('partially-paid');
    expect(invoiceStatus({ ...issued, paidAmount: 1000 }, '2026-03-31')).toBe('paid');
    expect(invoiceStatus({ ...issued, paidAmount: 1200 }, '2026-04-30')).toBe('paid');
    // The day after the due date, not on it; overdue wins over partially paid.
    expect(invoiceStatus({ ...issued, paidAmount: 0 }, '2026-04-01')).toBe('overdue');
    expect(invoiceStatus({ ...issued, paidAmount: 400 }, '2026-04-01')).toBe('overdue');
  });

  test('the open amount never goes below 0 and is 0 when void', () => {
    expect(openAmount({ state: 'issued', gross: 1000, paidAmount: 400 })).toBe(600);
    expect(openAmount({ state: 'issued', gross: 1000, paidAmount: 1200 })).toBe(0);
    expect(openAmount({ state: 'void', gross: 1000, paidAmount: 0 })).toBe(0);
  });

  test('each status filter names only the placeholders its expression uses (DynamoDB refuses others)', () => {
    for (const status of ['draft', 'issued', 'partially-paid', 'paid', 'overdue', 'void'] as const) {
      const filter = statusFilter(status, '2026-04-01');
      for (const placeholder of [...Object.keys(filter.names), ...Object.keys(filter.values)]) {
        expect({ status, placeholder, used: filter.expression.includes(placeholder) }).toEqual({
          status,
          placeholder,
          used: true,
        });
      }
    }
  });
});
