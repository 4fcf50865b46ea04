/**
 * DynamoDB's billing rules, as AWS documents them, applied to items in the wire format
 * (`{ S: '…' }`, `{ N: '…' }`, `{ M: {…} }` …). The cost benchmark computes read and write request
 * units with these from the items a request touched, never from DynamoDB Local's ConsumedCapacity
 * (which does not follow every rule: index writes, transactions, failed conditions).
 *
 * Item size (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html):
 * the sum over attributes of the name's UTF-8 bytes and the value's size:
 *   string: UTF-8 bytes · binary: raw bytes · number: 1 byte per two significant digits + 1 ·
 *   null, boolean: 1 · list, map: 3 + for each element its size + 1 (a map's element includes its
 *   name) · sets: the sum of their elements.
 *
 * Units (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html,
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/transaction-apis.html,
 * https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.html#GSI.ThroughputConsiderations):
 *   write: ceil(size / 1 KB) per item, size the larger of the item before and after; a write whose
 *     condition fails still consumes it; each global secondary index whose keys the item has costs
 *     an index write of the index entry's size; an update that changes an index key is a delete and
 *     a put there (2 index writes); leaving or entering an index is 1.
 *   read: ceil(size / 4 KB) per item for GetItem and each item of a batch (a missing item still
 *     costs the minimum); Query and Scan add up the sizes of the items they read (before filters
 *     and projections) and round the total up to 4 KB, with a minimum of one unit; an eventually
 *     consistent read costs half.
 *   transactions: every item costs twice (two underlying reads or writes).
 */

export type AttributeValue =
  | { S: string }
  | { N: string }
  | { B: string }
  | { BOOL: boolean }
  | { NULL: boolean }
  | { L: AttributeValue[] }
  | { M: Item }
  | { SS: string[] }
  | { NS: string[] }
  | { BS: string[] };

export type Item = Record<string, AttributeValue>;

const utf8 = (text: string) => Buffer.byteLength(text, 'utf8');

/** 1 byte per two significant digits (leading and trailing zeros trimmed), plus 1. */
export function numberSize(text: string): number {
  const digits = text
    .replace(/^[-+]/, '')
    .replace(/[eE].*$/, '')
    .replace('.', '')
    .replace(/^0+/, '')
    .replace(/0+$/, '');
  return Math.ceil(Math.max(1, digits.length) / 2) + 1;
}

/** Binary values travel base64-encoded; their raw length counts. */
const binarySize = (base64: string) => Buffer.from(base64, 'base64').length;

export function valueSize(value: AttributeValue): number {
  if ('S' in value) return utf8(value.S);
  if ('N' in value) return numberSize(value.N);
  if ('B' in value) return binarySize(value.B);
  if ('BOOL' in value || 'NULL' in value) return 1;
  if ('L' in value) return 3 + value.L.reduce((sum, element) => sum + valueSize(element) + 1, 0);
  if ('M' in value) {
    return 3 + Object.entries(value.M).reduce((sum, [name, element]) => sum + utf8(name) + valueSize(element) + 1, 0);
  }
  if ('SS' in value) return value.SS.reduce((sum, element) => sum + utf8(element), 0);
  if ('NS' in value) return value.NS.reduce((sum, element) => sum + numberSize(element), 0);
  if ('BS' in value) return value.BS.reduce((sum, element) => sum + binarySize(element), 0);
  throw new Error(`Unknown attribute value ${JSON.stringify(value)}`);
}

/** Bytes DynamoDB counts for an item: attribute names plus values. */
export function itemSize(item: Item): number {
  return Object.entries(item).reduce((sum, [name, value]) => sum + utf8(name) + valueSize(value), 0);
}

const KB = 1024;
/** Write units of one item of `bytes` (at least one). */
export const writeUnitsFor = (bytes: number) => Math.max(1, Math.ceil(bytes / KB));
/** Strongly consistent read units of `bytes` read (at least one). */
export const readUnitsFor = (bytes: number) => Math.max(1, Math.ceil(bytes / (4 * KB)));

export type IndexKeys = { indexName: string; partitionKey: string; sortKey?: string };

/** The index keys an item has, or undefined when it is not in the (sparse) index. */
function indexKeyOf(index: IndexKeys, item: Item | undefined): string | undefined {
  if (!item) return undefined;
  const pk = item[index.partitionKey];
  const sk = index.sortKey ? item[index.sortKey] : undefined;
  if (!pk || (index.sortKey && !sk)) return undefined;
  return JSON.stringify([pk, sk]);
}

export type WriteUnits = {
  /** Units on the table itself. */
  table: number;
  /** Units on the global secondary indexes. */
  index: number;
  /** Index writes made (an index key change counts 2). */
  indexWrites: number;
};

export type ItemWrite = {
  /** The item before the write (undefined: there was none). */
  before: Item | undefined;
  /** The item after (undefined: deleted, or the write failed). */
  after: Item | undefined;
  /** The write's condition failed: the table units are consumed, nothing else. */
  failed?: boolean;
  /** Part of TransactWriteItems: the table units count twice. */
  transactional?: boolean;
  /** A ConditionCheck of a transaction: a write of the checked item's size that changes nothing. */
  conditionCheck?: boolean;
};

/**
 * The write units one item's write consumes on the table and its indexes. Index writes of a
 * transaction are billed at the standard rate: the transaction's two-phase protocol applies to the
 * table's items, and the indexes are updated from them as for any other write.
 */
export function writeUnits(write: ItemWrite, indexes: readonly IndexKeys[]): WriteUnits {
  const size = Math.max(write.before ? itemSize(write.before) : 0, write.after ? itemSize(write.after) : 0);
  const factor = write.transactional ? 2 : 1;
  const table = writeUnitsFor(size) * factor;
  if (write.failed || write.conditionCheck) return { table, index: 0, indexWrites: 0 };
  let index = 0;
  let indexWrites = 0;
  const beforeSize = write.before ? itemSize(write.before) : 0;
  const afterSize = write.after ? itemSize(write.after) : 0;
  for (const keys of indexes) {
    const was = indexKeyOf(keys, write.before);
    const is = indexKeyOf(keys, write.after);
    if (was === undefined && is === undefined) continue;
    if (was !== undefined && is !== undefined && was === is) {
      // Same index entry: rewritten only if something in it (every attribute: projection ALL) changed.
      if (JSON.stringify(write.before) === JSON.stringify(write.after)) continue;
      index += writeUnitsFor(Math.max(beforeSize, afterSize));
      indexWrites += 1;
      continue;
    }
    if (was !== undefined) {
      index += writeUnitsFor(beforeSize);
      indexWrites += 1;
    }
    if (is !== undefined) {
      index += writeUnitsFor(afterSize);
      indexWrites += 1;
    }
  }
  return { table, index, indexWrites };
}

export type ReadMode = { consistent: boolean; transactional?: boolean };

/** GetItem, each item of BatchGetItem and of TransactGetItems: one item (undefined: not found). */
export function itemReadUnits(item: Item | undefined, mode: ReadMode): number {
  const units = readUnitsFor(item ? itemSize(item) : 0);
  if (mode.transactional) return units * 2;
  return mode.consistent ? units : units / 2;
}

/** Query and Scan: the items read, summed, then rounded up to 4 KB. */
export function queryReadUnits(items: readonly Item[], mode: ReadMode): number {
  const units = readUnitsFor(items.reduce((sum, item) => sum + itemSize(item), 0));
  return mode.consistent ? units : units / 2;
}
