/**
 * The decisions an import makes per row, without any storage: which externalId a row claims (so a
 * re-import is an exact duplicate while two identical coffees stay two), which earlier transaction
 * a row without an id may duplicate, and what undo does with a transaction the import created.
 */
import { fuzzyCandidate, payeeSimilarity } from '../../../shared/imports/dedupe';
import type { StatementRow } from '../../../shared/imports/formats/types';
import { fileIdExternalId, rowExternalIds } from '../../../shared/imports/identity';
import { transactionFingerprint, undoDecision } from '../../../shared/imports/undo';
import type { TransactionItem } from '../../../shared/transactions/items';

const row = (overrides: Partial<StatementRow> = {}): StatementRow => ({
  line: 2,
  date: '2026-11-03',
  amount: -350,
  currency: 'EUR',
  payee: 'Café Central',
  note: null,
  externalId: null,
  ...overrides,
});

describe('row identity', () => {
  it("uses the file's own id, scoped to the account", () => {
    const [id] = rowExternalIds('acc-1', [row({ externalId: ' FIT-42 ' })]);
    expect(id).toEqual({ externalId: 'import:acc-1:FIT-42', fromFile: true });
    expect(rowExternalIds('acc-2', [row({ externalId: 'FIT-42' })])[0]!.externalId).toBe('import:acc-2:FIT-42');
  });

  it('represents an id too long or not printable by its digest', () => {
    const long = fileIdExternalId('acc-1', 'x'.repeat(200));
    expect(long).toMatch(/^import:acc-1:id:[\w-]{32}$/);
    expect(fileIdExternalId('acc-1', 'a\u0000b')).toMatch(/^import:acc-1:id:/);
    expect(long).not.toBe(fileIdExternalId('acc-1', 'y'.repeat(200)));
  });

  it('gives two identical rows of one file two identities, and the same two on a re-import', () => {
    const coffees = [row({ line: 2 }), row({ line: 3 }), row({ line: 4, amount: -420 })];
    const first = rowExternalIds('acc-1', coffees).map((id) => id.externalId);
    expect(new Set(first).size).toBe(3);
    expect(rowExternalIds('acc-1', coffees).map((id) => id.externalId)).toEqual(first);
    // The line number is not part of it: the same rows after another header still match.
    expect(
      rowExternalIds(
        'acc-1',
        coffees.map((r) => ({ ...r, line: r.line + 5 })),
      ).map((id) => id.externalId),
    ).toEqual(first);
    expect(first.every((id) => id.startsWith('import:acc-1:row:') && id.length <= 128)).toBe(true);
  });

  it('folds case and spacing of the payee, and tells day, amount, currency and account apart', () => {
    const [base] = rowExternalIds('acc-1', [row()]);
    expect(rowExternalIds('acc-1', [row({ payee: '  CAFÉ   central ' })])[0]).toEqual(base);
    for (const other of [row({ date: '2026-11-04' }), row({ amount: -351 }), row({ currency: 'USD' })]) {
      expect(rowExternalIds('acc-1', [other])[0]!.externalId).not.toBe(base!.externalId);
    }
    expect(rowExternalIds('acc-9', [row()])[0]!.externalId).not.toBe(base!.externalId);
  });
});

describe('fuzzy duplicates', () => {
  const fileIds = new Set(['import:acc-1:row:a', 'import:acc-1:row:b']);
  const earlier = {
    transactionId: 'T1',
    kind: 'expense' as const,
    date: '2026-11-02',
    amount: 350,
    currency: 'EUR',
    payee: 'CAFE CENTRAL WIEN',
    externalId: null,
  };

  it('finds a transaction of the same amount and direction within two days with a similar payee', () => {
    expect(fuzzyCandidate(row(), [earlier], fileIds)?.transactionId).toBe('T1');
    expect(fuzzyCandidate(row({ date: '2026-11-04' }), [earlier], fileIds)?.transactionId).toBe('T1');
  });

  it('does not match another amount, direction, currency, a day too far or another payee', () => {
    expect(fuzzyCandidate(row({ amount: -351 }), [earlier], fileIds)).toBeUndefined();
    expect(fuzzyCandidate(row({ amount: 350 }), [earlier], fileIds)).toBeUndefined();
    expect(fuzzyCandidate(row({ currency: 'USD' }), [earlier], fileIds)).toBeUndefined();
    expect(fuzzyCandidate(row({ date: '2026-11-05' }), [earlier], fileIds)).toBeUndefined();
    expect(fuzzyCandidate(row({ payee: 'Shell Tankstelle' }), [earlier], fileIds)).toBeUndefined();
  });

  it('never takes a transaction recorded from the same file, but does take one from another', () => {
    const sameFile = { ...earlier, externalId: 'import:acc-1:row:b' };
    expect(fuzzyCandidate(row(), [sameFile], fileIds)).toBeUndefined();
    const otherFile = { ...earlier, externalId: 'import:acc-1:row:z' };
    expect(fuzzyCandidate(row(), [otherFile], fileIds)?.transactionId).toBe('T1');
  });

  it('lets amount and day decide when a side has no payee, and prefers the closest day', () => {
    const far = { ...earlier, transactionId: 'T-far', date: '2026-11-01', payee: null };
    const near = { ...earlier, transactionId: 'T-near', date: '2026-11-03', payee: null };
    expect(fuzzyCandidate(row(), [far, near], fileIds)?.transactionId).toBe('T-near');
  });

  it('scores payee names from 0 to 1', () => {
    expect(payeeSimilarity('REWE Markt GmbH', 'rewe markt gmbh')).toBe(1);
    expect(payeeSimilarity('REWE', 'REWE Markt 123')).toBe(1);
    expect(payeeSimilarity('Amazon Marketplace', 'AMAZON MKTPLACE')).toBeGreaterThan(0.6);
    expect(payeeSimilarity('Netflix', 'Spotify')).toBeLessThan(0.3);
  });
});

describe('undo selection', () => {
  const created: TransactionItem = {
    type: 'TRANSACTION',
    transactionId: 'T1',
    kind: 'expense',
    accountId: 'acc-1',
    date: '2026-11-03',
    amount: 350,
    currency: 'EUR',
    accountAmount: -350,
    accountCurrency: 'EUR',
    homeAmount: -350,
    homeCurrency: 'EUR',
    accountConversion: null,
    homeConversion: null,
    categoryId: null,
    payee: 'Café Central',
    note: null,
    tags: ['a', 'b'],
    externalId: 'import:acc-1:row:x',
    transferId: null,
    counterpartAccountId: null,
    createdAt: '2026-12-01T10:00:00.000Z',
    updatedAt: '2026-12-01T10:00:00.000Z',
    version: 1,
  };
  const fingerprint = transactionFingerprint(created);

  it('removes a transaction as the import made it, even after a restatement rewrote it', () => {
    expect(undoDecision(fingerprint, created)).toBe('removed');
    const restated = {
      ...created,
      homeAmount: -380,
      homeCurrency: 'USD',
      version: 2,
      updatedAt: '2026-12-02T00:00:00Z',
    };
    expect(undoDecision(fingerprint, restated)).toBe('removed');
    expect(undoDecision(fingerprint, { ...created, tags: ['b', 'a'] })).toBe('removed');
  });

  it('keeps one the user edited, and notes one already deleted', () => {
    for (const edit of [
      { categoryId: 'groceries' },
      { payee: 'Café' },
      { note: 'with Anna' },
      { amount: 360 },
      { date: '2026-11-04' },
      { tags: ['a'] },
      { kind: 'income' as const },
    ]) {
      expect(undoDecision(fingerprint, { ...created, ...edit, version: 2 })).toBe('kept-edited');
    }
    expect(undoDecision(fingerprint, undefined)).toBe('already-deleted');
  });
});
