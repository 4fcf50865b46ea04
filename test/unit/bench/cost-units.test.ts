import {
  type IndexKeys,
  type Item,
  itemReadUnits,
  itemSize,
  numberSize,
  queryReadUnits,
  writeUnits,
} from '../../bench/cost-units';

const GSIS: IndexKeys[] = [
  { indexName: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
  { indexName: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
];

/** An item of exactly `bytes` bytes: names `pk`, `sk`, `pad` (7 bytes) and the rest in `pad`'s value. */
function itemOf(bytes: number, extra: Item = {}): Item {
  const base: Item = { pk: { S: 'P' }, sk: { S: 'S' }, ...extra };
  const used = itemSize(base) + 'pad'.length;
  return { ...base, pad: { S: 'x'.repeat(bytes - used) } };
}

describe('item size', () => {
  test('strings and names count their UTF-8 bytes', () => {
    expect(itemSize({ name: { S: 'Ada' } })).toBe(4 + 3);
    expect(itemSize({ café: { S: '€' } })).toBe(5 + 3);
  });

  test('numbers: one byte per two significant digits, plus one; zeros at either end trimmed', () => {
    expect(numberSize('7')).toBe(2);
    expect(numberSize('12')).toBe(2);
    expect(numberSize('123')).toBe(3);
    expect(numberSize('-12345')).toBe(4);
    expect(numberSize('1200')).toBe(2);
    expect(numberSize('0.0012')).toBe(2);
    expect(numberSize('0')).toBe(2);
  });

  test('booleans and nulls are one byte; binary counts raw bytes', () => {
    expect(itemSize({ ok: { BOOL: true }, no: { NULL: true } })).toBe(2 + 1 + 2 + 1);
    expect(itemSize({ b: { B: Buffer.from('abcd').toString('base64') } })).toBe(1 + 4);
  });

  test('lists and maps: 3 bytes, and 1 more per element; a map element counts its name', () => {
    expect(itemSize({ l: { L: [] } })).toBe(1 + 3);
    expect(itemSize({ l: { L: [{ S: 'ab' }, { BOOL: false }] } })).toBe(1 + 3 + (2 + 1) + (1 + 1));
    expect(itemSize({ m: { M: { amount: { N: '1250' }, currency: { S: 'EUR' } } } })).toBe(
      1 + 3 + (6 + 3 + 1) + (8 + 3 + 1),
    );
  });

  test('sets add up their elements', () => {
    expect(itemSize({ t: { SS: ['a', 'bc'] } })).toBe(1 + 3);
    expect(itemSize({ n: { NS: ['1', '123'] } })).toBe(1 + 2 + 3);
  });
});

describe('write units', () => {
  test('rounded up to 1 KB per item, the larger of before and after', () => {
    expect(writeUnits({ before: undefined, after: itemOf(1024) }, []).table).toBe(1);
    expect(writeUnits({ before: undefined, after: itemOf(1025) }, []).table).toBe(2);
    expect(writeUnits({ before: itemOf(3000), after: itemOf(100) }, []).table).toBe(3);
    expect(writeUnits({ before: itemOf(500), after: undefined }, []).table).toBe(1);
    expect(writeUnits({ before: undefined, after: undefined }, []).table).toBe(1);
  });

  test('a write whose condition fails still consumes its table units, and no index writes', () => {
    const existing = itemOf(2000, { gsi1pk: { S: 'A' }, gsi1sk: { S: '1' } });
    expect(writeUnits({ before: existing, after: undefined, failed: true }, GSIS)).toEqual({
      table: 2,
      index: 0,
      indexWrites: 0,
    });
  });

  test('each index whose keys the new item has costs an index write', () => {
    const item = itemOf(1500, { gsi1pk: { S: 'A' }, gsi1sk: { S: '1' }, gsi2pk: { S: 'B' }, gsi2sk: { S: '1' } });
    expect(writeUnits({ before: undefined, after: item }, GSIS)).toEqual({ table: 2, index: 4, indexWrites: 2 });
    // Only the partition key of gsi2: not in that (sparse) index.
    const sparse = itemOf(300, { gsi1pk: { S: 'A' }, gsi1sk: { S: '1' }, gsi2pk: { S: 'B' } });
    expect(writeUnits({ before: undefined, after: sparse }, GSIS)).toEqual({ table: 1, index: 1, indexWrites: 1 });
  });

  test('an update that changes an index key is a delete and a put in that index', () => {
    const before = itemOf(600, { gsi1pk: { S: 'A' }, gsi1sk: { S: '2026-01-01' } });
    const after = itemOf(600, { gsi1pk: { S: 'A' }, gsi1sk: { S: '2026-02-01' } });
    expect(writeUnits({ before, after }, GSIS)).toEqual({ table: 1, index: 2, indexWrites: 2 });
  });

  test('an update that keeps the index keys is one index write; leaving or entering an index is one', () => {
    const before = itemOf(600, { gsi1pk: { S: 'A' }, gsi1sk: { S: '1' }, note: { S: 'a' } });
    const after = itemOf(600, { gsi1pk: { S: 'A' }, gsi1sk: { S: '1' }, note: { S: 'b' } });
    expect(writeUnits({ before, after }, GSIS)).toEqual({ table: 1, index: 1, indexWrites: 1 });
    expect(writeUnits({ before, after: undefined }, GSIS)).toEqual({ table: 1, index: 1, indexWrites: 1 });
    const entering = itemOf(600, { gsi2pk: { S: 'B' }, gsi2sk: { S: '1' } });
    expect(writeUnits({ before: itemOf(600), after: entering }, GSIS)).toEqual({
      table: 1,
      index: 1,
      indexWrites: 1,
    });
  });

  test('an unchanged item does not rewrite its index entries', () => {
    const item = itemOf(600, { gsi1pk: { S: 'A' }, gsi1sk: { S: '1' } });
    expect(writeUnits({ before: item, after: item }, GSIS)).toEqual({ table: 1, index: 0, indexWrites: 0 });
  });

  test('transactions cost double on the table; a condition check is a write of the checked item', () => {
    const item = itemOf(1500, { gsi1pk: { S: 'A' }, gsi1sk: { S: '1' } });
    expect(writeUnits({ before: undefined, after: item, transactional: true }, GSIS)).toEqual({
      table: 4,
      index: 2,
      indexWrites: 1,
    });
    expect(
      writeUnits({ before: itemOf(200), after: itemOf(200), transactional: true, conditionCheck: true }, GSIS),
    ).toEqual({ table: 2, index: 0, indexWrites: 0 });
  });
});

describe('read units', () => {
  test('an item read: 1 per 4 KB strongly consistent, half that eventually consistent', () => {
    expect(itemReadUnits(itemOf(4096), { consistent: true })).toBe(1);
    expect(itemReadUnits(itemOf(4097), { consistent: true })).toBe(2);
    expect(itemReadUnits(itemOf(4097), { consistent: false })).toBe(1);
    expect(itemReadUnits(itemOf(100), { consistent: false })).toBe(0.5);
  });

  test('a missing item still costs the minimum', () => {
    expect(itemReadUnits(undefined, { consistent: true })).toBe(1);
    expect(itemReadUnits(undefined, { consistent: false })).toBe(0.5);
  });

  test('transactional reads cost double', () => {
    expect(itemReadUnits(itemOf(5000), { consistent: true, transactional: true })).toBe(4);
  });

  test('a query sums the items read before rounding; an empty one costs the minimum', () => {
    const items = Array.from({ length: 10 }, () => itemOf(500));
    expect(queryReadUnits(items, { consistent: true })).toBe(2);
    expect(queryReadUnits(items, { consistent: false })).toBe(1);
    expect(queryReadUnits([], { consistent: false })).toBe(0.5);
  });
});
