/**
 * A counting proxy in front of DynamoDB Local, used only by the cost benchmark: the functions get
 * `<proxy>/<function-id>` as their DynamoDB endpoint (the SDK keeps an endpoint's path), so every
 * request is attributed to the function that made it. Each request is forwarded unchanged; around
 * it the proxy reads, with requests of its own that are not counted, what AWS bills by: the item
 * before a write and after it, the whole item behind a projected read, the items a filtered Query
 * read. The units come from ./cost-units.ts, never from DynamoDB Local's ConsumedCapacity.
 *
 * The image read before a write and the write itself are not atomic: two functions writing the
 * same item at the same moment may be counted against a slightly stale image. The benchmark
 * settles between operations, so this only matters inside one operation's consumers.
 */

import { createServer, type IncomingMessage, request, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { closeServer } from '../../lib/local/http';
import { type IndexKeys, type Item, type ItemWrite, itemReadUnits, queryReadUnits, writeUnits } from './cost-units';

export type DynamoDbUsage = {
  functionId: string;
  /** The API action (PutItem, Query, TransactWriteItems …). */
  action: string;
  readUnits: number;
  /** Units on the table's items. */
  writeUnits: number;
  /** Units on the global secondary indexes. */
  indexWriteUnits: number;
  indexWrites: number;
  /** Every item it touched is a request-limit item (`LIMIT#…`): the limiter's cost, told apart. */
  limiter?: boolean;
  /** Writes: the table and index units by the `type` of the item written (`?` for an item without one). */
  writeUnitsByType?: Record<string, number>;
};

/** A request-limit item's key (shared/kit/dynamodb/rate-limiter.ts): the limiter's own item. */
const isLimiterKey = (key: Record<string, unknown> | undefined) =>
  String((key?.pk as { S?: unknown } | undefined)?.S ?? '').startsWith('LIMIT#');

/** An item's `type` attribute (every Moneta item has one), or `?`. */
/** An item's `type`; a request-limit item has none and is named `LIMIT`. */
const itemType = (item: Item | undefined) => {
  const value = item?.type;
  if (value && 'S' in value && value.S) return value.S;
  return item && isLimiterKey(item) ? 'LIMIT' : '?';
};

type TableShape = { keyNames: string[]; indexes: IndexKeys[] };
type Json = Record<string, unknown>;
type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer };

const PREFIX = 'DynamoDB_20120810.';

/** The proxy's own requests: DynamoDB Local checks that a signature is present, not that it is right. */
function ownHeaders(action: string): Record<string, string> {
  const date = `${new Date().toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;
  return {
    'content-type': 'application/x-amz-json-1.0',
    'x-amz-target': `${PREFIX}${action}`,
    'x-amz-date': date,
    authorization: `AWS4-HMAC-SHA256 Credential=local/${date.slice(0, 8)}/eu-west-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date;x-amz-target, Signature=0`,
  };
}

function send(upstream: URL, path: string, headers: Record<string, string | string[] | undefined>, body: Buffer) {
  return new Promise<Answer>((resolve, reject) => {
    const req = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: 'POST',
        path,
        headers: { ...headers, host: upstream.host, 'content-length': String(body.length) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 500, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const readBody = (req: IncomingMessage) =>
  new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

const parse = (body: Buffer): Json => {
  try {
    return JSON.parse(body.toString('utf8')) as Json;
  } catch {
    return {};
  }
};

/** Placeholders (`#n`, `:v`) an expression uses. */
const placeholders = (expression: unknown, sigil: '#' | ':') =>
  new Set(typeof expression === 'string' ? (expression.match(sigil === '#' ? /#[\w]+/g : /:[\w]+/g) ?? []) : []);

const pick = (map: unknown, keep: Set<string>) =>
  map && typeof map === 'object' ? Object.fromEntries(Object.entries(map).filter(([k]) => keep.has(k))) : undefined;

export async function startDynamoDbMeter(opts: {
  upstream: string;
  onUsage: (usage: DynamoDbUsage) => void;
}): Promise<{ url: string; stop(): Promise<void> }> {
  const upstream = new URL(opts.upstream);
  const shapes = new Map<string, Promise<TableShape>>();

  async function call(action: string, input: Json): Promise<Json> {
    const answer = await send(upstream, '/', ownHeaders(action), Buffer.from(JSON.stringify(input)));
    const output = parse(answer.body);
    if (answer.status !== 200) throw new Error(`${action} for metering failed: ${answer.body.toString()}`);
    return output;
  }

  function shapeOf(table: string): Promise<TableShape> {
    let shape = shapes.get(table);
    if (!shape) {
      shape = call('DescribeTable', { TableName: table }).then((output) => {
        const description = output.Table as {
          KeySchema: { AttributeName: string; KeyType: string }[];
          GlobalSecondaryIndexes?: { IndexName: string; KeySchema: { AttributeName: string; KeyType: string }[] }[];
        };
        const key = (schema: { AttributeName: string; KeyType: string }[], type: string) =>
          schema.find((k) => k.KeyType === type)?.AttributeName;
        return {
          keyNames: description.KeySchema.map((k) => k.AttributeName),
          indexes: (description.GlobalSecondaryIndexes ?? []).map((index) => ({
            indexName: index.IndexName,
            partitionKey: key(index.KeySchema, 'HASH')!,
            sortKey: key(index.KeySchema, 'RANGE'),
          })),
        };
      });
      shapes.set(table, shape);
    }
    return shape;
  }

  /** The whole item as it is now (uncounted). */
  async function current(table: string, key: Item): Promise<Item | undefined> {
    const output = await call('GetItem', { TableName: table, Key: key, ConsistentRead: true });
    return output.Item as Item | undefined;
  }

  async function keyOf(table: string, item: Item): Promise<Item> {
    const { keyNames } = await shapeOf(table);
    return Object.fromEntries(keyNames.map((name) => [name, item[name]!]));
  }

  type PlannedWrite = {
    table: string;
    key: Item;
    kind: 'put' | 'update' | 'delete' | 'check';
    item?: Item;
    before?: Item;
  };

  async function plannedWrite(table: string, kind: PlannedWrite['kind'], request: Json): Promise<PlannedWrite> {
    const item = request.Item as Item | undefined;
    const key = (request.Key as Item | undefined) ?? (await keyOf(table, item!));
    return { table, key, kind, item, before: await current(table, key) };
  }

  async function afterOf(write: PlannedWrite): Promise<Item | undefined> {
    if (write.kind === 'put') return write.item;
    if (write.kind === 'update') return current(write.table, write.key);
    if (write.kind === 'check') return write.before;
    return undefined;
  }

  async function chargeWrites(
    functionId: string,
    action: string,
    writes: PlannedWrite[],
    outcome: { ok: boolean; transactional: boolean },
  ) {
    const usage: DynamoDbUsage = {
      functionId,
      action,
      readUnits: 0,
      writeUnits: 0,
      indexWriteUnits: 0,
      indexWrites: 0,
      limiter: writes.length > 0 && writes.every((write) => isLimiterKey(write.key)),
      writeUnitsByType: {},
    };
    for (const write of writes) {
      const { indexes } = await shapeOf(write.table);
      const after = outcome.ok ? await afterOf(write) : undefined;
      const itemWrite: ItemWrite = outcome.ok
        ? {
            before: write.before,
            after,
            transactional: outcome.transactional,
            conditionCheck: write.kind === 'check',
          }
        : { before: write.before, after: undefined, failed: true, transactional: outcome.transactional };
      const units = writeUnits(itemWrite, indexes);
      usage.writeUnits += units.table;
      usage.indexWriteUnits += units.index;
      usage.indexWrites += units.indexWrites;
      const type = itemType(after ?? write.item ?? write.before);
      usage.writeUnitsByType![type] = (usage.writeUnitsByType![type] ?? 0) + units.table + units.index;
    }
    opts.onUsage(usage);
  }

  /** The items a Query or Scan read: without its filter and projection, the same page. */
  async function itemsRead(action: 'Query' | 'Scan', input: Json, output: Json): Promise<Item[]> {
    const narrowed = [
      'FilterExpression',
      'ProjectionExpression',
      'Select',
      'AttributesToGet',
      'QueryFilter',
      'ScanFilter',
    ];
    if (!narrowed.some((field) => field in input)) return (output.Items as Item[] | undefined) ?? [];
    const stripped: Json = { ...input };
    for (const field of narrowed) delete stripped[field];
    const names = placeholders(input.KeyConditionExpression, '#');
    const values = placeholders(input.KeyConditionExpression, ':');
    stripped.ExpressionAttributeNames = pick(input.ExpressionAttributeNames, names);
    stripped.ExpressionAttributeValues = pick(input.ExpressionAttributeValues, values);
    if (names.size === 0) delete stripped.ExpressionAttributeNames;
    if (values.size === 0) delete stripped.ExpressionAttributeValues;
    return ((await call(action, stripped)).Items as Item[] | undefined) ?? [];
  }

  async function chargeReads(functionId: string, action: string, input: Json, output: Json) {
    let readUnits = 0;
    if (action === 'GetItem') {
      const projected = 'ProjectionExpression' in input || 'AttributesToGet' in input;
      const item = projected
        ? await current(input.TableName as string, input.Key as Item)
        : (output.Item as Item | undefined);
      readUnits = itemReadUnits(item, { consistent: input.ConsistentRead === true });
    } else if (action === 'BatchGetItem') {
      for (const [table, request] of Object.entries(input.RequestItems as Record<string, Json>)) {
        for (const key of request.Keys as Item[]) {
          readUnits += itemReadUnits(await current(table, key), { consistent: request.ConsistentRead === true });
        }
      }
    } else if (action === 'TransactGetItems') {
      for (const entry of input.TransactItems as { Get: Json }[]) {
        const item = await current(entry.Get.TableName as string, entry.Get.Key as Item);
        readUnits += itemReadUnits(item, { consistent: true, transactional: true });
      }
    } else if (action === 'Query' || action === 'Scan') {
      const items = await itemsRead(action, input, output);
      readUnits = queryReadUnits(items, { consistent: input.ConsistentRead === true });
    }
    const limiter = action === 'GetItem' && isLimiterKey(input.Key as Item);
    opts.onUsage({ functionId, action, readUnits, writeUnits: 0, indexWriteUnits: 0, indexWrites: 0, limiter });
  }

  async function writesOf(action: string, input: Json): Promise<{ writes: PlannedWrite[]; transactional: boolean }> {
    const table = input.TableName as string;
    if (action === 'PutItem') return { writes: [await plannedWrite(table, 'put', input)], transactional: false };
    if (action === 'UpdateItem') return { writes: [await plannedWrite(table, 'update', input)], transactional: false };
    if (action === 'DeleteItem') return { writes: [await plannedWrite(table, 'delete', input)], transactional: false };
    if (action === 'BatchWriteItem') {
      const writes: PlannedWrite[] = [];
      for (const [name, requests] of Object.entries(input.RequestItems as Record<string, Json[]>)) {
        for (const entry of requests) {
          if (entry.PutRequest) writes.push(await plannedWrite(name, 'put', entry.PutRequest as Json));
          else writes.push(await plannedWrite(name, 'delete', entry.DeleteRequest as Json));
        }
      }
      return { writes, transactional: false };
    }
    const writes: PlannedWrite[] = [];
    for (const entry of input.TransactItems as Record<string, Json>[]) {
      const [kind, request] = Object.entries(entry)[0]!;
      const as = ({ Put: 'put', Update: 'update', Delete: 'delete', ConditionCheck: 'check' } as const)[
        kind as 'Put' | 'Update' | 'Delete' | 'ConditionCheck'
      ];
      writes.push(await plannedWrite(request.TableName as string, as, request));
    }
    return { writes, transactional: true };
  }

  const WRITES = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'TransactWriteItems']);
  const READS = new Set(['GetItem', 'BatchGetItem', 'TransactGetItems', 'Query', 'Scan']);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const functionId = (req.url ?? '/').split('/').filter(Boolean)[0] ?? 'unknown';
    const action = String(req.headers['x-amz-target'] ?? '').replace(PREFIX, '');
    const input = parse(body);
    const headers = { ...req.headers };
    delete headers['accept-encoding'];
    const planned = WRITES.has(action) ? await writesOf(action, input) : undefined;
    const answer = await send(upstream, '/', headers, body);
    if (planned) {
      const error = String(parse(answer.body).__type ?? '');
      const conditionFailed = /ConditionalCheckFailed|TransactionCanceled/.test(error);
      if (answer.status === 200 || conditionFailed) {
        await chargeWrites(functionId, action, planned.writes, {
          ok: answer.status === 200,
          transactional: planned.transactional,
        });
      }
    } else if (READS.has(action) && answer.status === 200) {
      await chargeReads(functionId, action, input, parse(answer.body));
    }
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('[cost] DynamoDB meter failed:', error instanceof Error ? error.message : error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/x-amz-json-1.0' });
      res.end(JSON.stringify({ __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError', message: 'meter' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () => closeServer(server),
  };
}
