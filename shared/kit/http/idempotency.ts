/**
 * `Idempotency-Key` on creating POSTs: a retried request returns the first response and writes
 * nothing new. The record is written *inside* the same TransactWriteItems as the creation
 * (attribute_not_exists), so there is no window in which the effect exists without its record.
 * Records expire after 24 hours (TTL).
 */
import { createHash } from 'node:crypto';
import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { entity } from '../dynamodb/keys';
import type { GuardedItem } from '../dynamodb/transact';
import type { ApiResponse } from './api-handler';
import { HttpProblem, ValidationFailed } from './problems';

/** The stored first response of a creating POST, per operation and Idempotency-Key (24 h TTL). */
const IdempotencyEntity = entity(
  'IDEMPOTENCY',
  'IDEMPOTENCY',
  (operation: string, idempotencyKey: string) => `${operation}#${idempotencyKey}`,
);

const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** The request's Idempotency-Key (the operation declares the header), or undefined; 400 for a malformed one. */
export function idempotencyKeyFrom(headers: { readonly 'idempotency-key': string | undefined }): string | undefined {
  const key = headers['idempotency-key'];
  if (key === undefined) return undefined;
  if (!KEY_PATTERN.test(key)) {
    throw new ValidationFailed([
      { in: 'header', field: 'Idempotency-Key', message: 'must be 1 to 255 visible ASCII characters' },
    ]);
  }
  return key;
}

/** A stable fingerprint of what was asked, so a reused key with a different body is caught. */
export function requestHash(request: unknown): string {
  return createHash('sha256').update(canonicalJson(request)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

class IdempotencyKeyReused extends HttpProblem {
  constructor() {
    super(
      422,
      'idempotency-key-reused',
      'Idempotency-Key reused',
      'This Idempotency-Key was already used for a different request. Use a new key for a new request.',
    );
  }
}

type Scope = { tableName: string; userId: string; operation: string; key: string; request: unknown };

/** The record to add to the creating transaction. Its condition failing means "seen before". */
function idempotencyRecord(scope: Scope, response: ApiResponse, now: Date): GuardedItem {
  return {
    item: {
      Put: {
        TableName: scope.tableName,
        Item: {
          ...IdempotencyEntity.key(scope.userId, scope.operation, scope.key),
          type: IdempotencyEntity.type,
          requestHash: requestHash(scope.request),
          response,
          createdAt: now.toISOString(),
          expiresAt: Math.floor(now.getTime() / 1000) + IDEMPOTENCY_TTL_SECONDS,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    onConditionFailed: () => new SeenBefore(),
  };
}

/** Thrown by transactWrite when the idempotency record already existed; handled by `create`. */
class SeenBefore extends Error {}

/**
 * The stored first response for this key, or undefined when the key is new. Throws 422 when the
 * key was used for a different request. Strongly consistent: a retry right after the first must see it.
 */
async function storedResponse(db: DynamoDBDocumentClient, scope: Scope): Promise<ApiResponse | undefined> {
  const { Item } = await db.send(
    new GetCommand({
      TableName: scope.tableName,
      Key: IdempotencyEntity.key(scope.userId, scope.operation, scope.key),
      ConsistentRead: true,
    }),
  );
  if (!Item || (typeof Item.expiresAt === 'number' && Item.expiresAt * 1000 < Date.now())) return undefined;
  if (Item.requestHash !== requestHash(scope.request)) throw new IdempotencyKeyReused();
  const stored = Item.response as ApiResponse;
  return { ...stored, headers: { ...stored.headers, 'idempotent-replayed': 'true' } };
}

/** A creating request under an optional Idempotency-Key, its record read once. */
export type Idempotent = {
  /** The first response, when this request is a retry: answer it and do nothing else. */
  earlier: ApiResponse | undefined;
  /**
   * Performs `write(record)` — which must include `record` in its transaction — and answers
   * `response`; if a concurrent twin won the race, answers the twin's response instead.
   */
  create(response: ApiResponse, write: (record: GuardedItem | undefined) => Promise<void>): Promise<ApiResponse>;
};

/**
 * Reads the key's record once, up front, so a retry is answered before anything is re-read or
 * re-computed (the state the first request saw may have changed since).
 */
export async function idempotency(
  db: DynamoDBDocumentClient,
  scope: Omit<Scope, 'key'> & { key: string | undefined },
): Promise<Idempotent> {
  const { key } = scope;
  if (key === undefined) {
    return {
      earlier: undefined,
      async create(response, write) {
        await write(undefined);
        return response;
      },
    };
  }
  const full = { ...scope, key };
  return {
    earlier: await storedResponse(db, full),
    async create(response, write) {
      try {
        await write(idempotencyRecord(full, response, new Date()));
        return response;
      } catch (error) {
        if (!(error instanceof SeenBefore)) throw error;
        const twin = await storedResponse(db, full);
        if (!twin) throw error;
        return twin;
      }
    },
  };
}

/** `idempotency` when the response is known before the record is read: the replay, or the write. */
export async function withIdempotency(
  db: DynamoDBDocumentClient,
  scope: Omit<Scope, 'key'> & { key: string | undefined },
  response: ApiResponse,
  write: (record: GuardedItem | undefined) => Promise<void>,
): Promise<ApiResponse> {
  const keyed = await idempotency(db, scope);
  return keyed.earlier ?? keyed.create(response, write);
}
