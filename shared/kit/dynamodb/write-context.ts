/**
 * Who is writing, and on behalf of which request: every item a function puts or updates carries
 * `updatedBy` (`user`, or the process: a consumer's function name such as `budget-evaluator`, the
 * `rates-fetcher`) and `correlationId` (the request that started the chain). The stream then
 * carries both with every change, and the audit trail can say who did what for which request.
 *
 * The wrappers set the context once per invocation (the API wrapper, the consumer wrapper, the
 * scheduled and triggered functions), and the document client stamps every write made inside it
 * (`stampWrites`, installed by ../aws/document-client.ts), so no store can forget to. It is held in
 * AsyncLocalStorage rather than a module variable, so two invocations interleaved in one process
 * (tests, a local cloud) cannot stamp each other's writes.
 *
 * A deletion leaves no item to carry the stamp, and its stream record holds only the image before
 * it, written by whoever wrote last. So before a delete the client stamps the item (an update of
 * the two attributes only, on an item that still exists): the deletion's old image then names who
 * deleted it. The publisher does not publish a change of these attributes alone (shared/app/from-stream.ts).
 * BatchWriteItem is not stamped: only the eraser deletes in batches, and what it erases is not
 * audited (the trail goes with the partition).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';

export type WriteContext = {
  /** `user`, or the process acting on its own (a consumer's function name, `rates-fetcher`). */
  actor: string;
  /** The request a chain of writes started from: kept by every consumer the chain reaches. */
  correlationId: string;
};

/**
 * The attributes the stamp writes: metadata about a change, never a change of their own.
 * `stampedAt` is when (ISO, milliseconds): a deletion's stream record only knows the second, so the
 * stamp put just before it says when it happened, in order with the writes before it.
 */
export const writeMetadataAttributes = ['updatedBy', 'correlationId', 'stampedAt'] as const;

const storage = new AsyncLocalStorage<WriteContext>();

/** Runs `work` with every write inside it stamped with `context`. */
export function withWriteContext<T>(context: WriteContext, work: () => Promise<T>): Promise<T> {
  return storage.run(context, work);
}

/**
 * Runs `work` outside any write context: its writes are bookkeeping of the request itself (the
 * request limiter's counters), not a change anyone made to data, and carry no stamp.
 */
export function outsideWriteContext<T>(work: () => Promise<T>): Promise<T> {
  return storage.exit(work);
}

export function currentWriteContext(): WriteContext | undefined {
  return storage.getStore();
}

/**
 * A caller's own correlation id, when it is one we may store and echo: letters, digits and
 * `._:-`, at most 128 characters. Anything else (absent, too long, other characters) is ignored
 * and the gateway's request id used instead, so a header cannot inject text into logs or items.
 */
export function acceptedCorrelationId(header: string | undefined): string | undefined {
  return header !== undefined && /^[A-Za-z0-9._:-]{1,128}$/.test(header) ? header : undefined;
}

type Input = Record<string, unknown>;
type Names = Record<string, string>;
type Values = Record<string, unknown>;

const BY = '#wcUpdatedBy';
const CID = '#wcCorrelationId';
const AT = '#wcStampedAt';
const BY_VALUE = ':wcUpdatedBy';
const CID_VALUE = ':wcCorrelationId';
const AT_VALUE = ':wcStampedAt';

const stampNames = { [BY]: 'updatedBy', [CID]: 'correlationId', [AT]: 'stampedAt' };
const stampValues = (context: WriteContext) => ({
  [BY_VALUE]: context.actor,
  [CID_VALUE]: context.correlationId,
  [AT_VALUE]: new Date().toISOString(),
});

function mentionsMetadata(names: Names | undefined): boolean {
  return Object.values(names ?? {}).some((name) => (writeMetadataAttributes as readonly string[]).includes(name));
}

/** A Put's item with the stamp, unless the writer set the attributes itself. */
function stampedPut(put: Input, context: WriteContext): Input {
  const item = put.Item as Input | undefined;
  if (!item || 'updatedBy' in item) return put;
  const stamp = { updatedBy: context.actor, correlationId: context.correlationId, stampedAt: new Date().toISOString() };
  return { ...put, Item: { ...item, ...stamp } };
}

/** An Update whose SET clause also sets the stamp. */
function stampedUpdate(update: Input, context: WriteContext): Input {
  const expression = update.UpdateExpression;
  const names = update.ExpressionAttributeNames as Names | undefined;
  if (typeof expression !== 'string' || mentionsMetadata(names)) return update;
  const assignments = `${BY} = ${BY_VALUE}, ${CID} = ${CID_VALUE}, ${AT} = ${AT_VALUE}`;
  // An UpdateExpression has at most one SET clause; its keyword stands at the start or after a space.
  const withSet = /(^|\s)SET\s/i.test(expression)
    ? expression.replace(/(^|\s)SET\s/i, (keyword) => `${keyword}${assignments}, `)
    : `SET ${assignments} ${expression}`;
  return {
    ...update,
    UpdateExpression: withSet,
    ExpressionAttributeNames: { ...names, ...stampNames },
    ExpressionAttributeValues: { ...(update.ExpressionAttributeValues as Values | undefined), ...stampValues(context) },
  };
}

type Deletion = { TableName: string; Key: Record<string, unknown> };

function isDeletion(input: Input): input is Input & Deletion {
  return typeof input.TableName === 'string' && typeof input.Key === 'object' && input.Key !== null;
}

/** The stamp of an item about to be deleted; nothing when it is gone already (never recreates it). */
async function stampBeforeDelete(db: DynamoDBDocumentClient, deletion: Deletion, context: WriteContext) {
  const [partitionKey] = Object.keys(deletion.Key);
  try {
    await db.send(
      new UpdateCommand({
        TableName: deletion.TableName,
        Key: deletion.Key,
        UpdateExpression: `SET ${BY} = ${BY_VALUE}, ${CID} = ${CID_VALUE}, ${AT} = ${AT_VALUE}`,
        ConditionExpression: 'attribute_exists(#wcKey)',
        ExpressionAttributeNames: { '#wcKey': partitionKey ?? 'pk', ...stampNames },
        ExpressionAttributeValues: stampValues(context),
      }),
    );
  } catch (error) {
    if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
  }
}

/**
 * The stamped form of a write command's input (Put, Update, TransactWriteItems), and the deletions
 * to stamp before it is sent. Inputs of other commands come back unchanged.
 */
export function stampInput(input: Input, context: WriteContext): { input: Input; deletions: Deletion[] } {
  if (Array.isArray(input.TransactItems)) {
    const deletions: Deletion[] = [];
    const TransactItems = (input.TransactItems as Input[]).map((entry) => {
      if (entry.Put) return { ...entry, Put: stampedPut(entry.Put as Input, context) };
      if (entry.Update) return { ...entry, Update: stampedUpdate(entry.Update as Input, context) };
      if (entry.Delete && isDeletion(entry.Delete as Input)) deletions.push(entry.Delete as Deletion);
      return entry;
    });
    return { input: { ...input, TransactItems }, deletions };
  }
  if (input.Item && typeof input.TableName === 'string') return { input: stampedPut(input, context), deletions: [] };
  if (typeof input.UpdateExpression === 'string') return { input: stampedUpdate(input, context), deletions: [] };
  return { input, deletions: [] };
}

/** The commands whose input `stampInput` knows (a document command runs as its DynamoDB command). */
const STAMPED = new Set(['PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand', 'TransactWriteItemsCommand']);

/**
 * Installs the stamp on a document client: a middleware that runs before the document client
 * marshalls the input (so it sees plain values), only inside a write context.
 */
export function stampWrites(db: DynamoDBDocumentClient): void {
  db.middlewareStack.add(
    (next, handlerContext) => async (args) => {
      const context = currentWriteContext();
      const commandName = (handlerContext as { commandName?: string }).commandName;
      if (!context || !commandName || !STAMPED.has(commandName)) return next(args);
      const input = args.input as Input;
      if (commandName === 'DeleteItemCommand') {
        if (isDeletion(input)) await stampBeforeDelete(db, input, context);
        return next(args);
      }
      const stamped = stampInput(input, context);
      // Items deleted in one transaction: each stamped first, one at a time (the transaction is small).
      for (const deletion of stamped.deletions) await stampBeforeDelete(db, deletion, context);
      return next({ ...args, input: stamped.input });
    },
    { step: 'initialize', name: 'moneta-write-context-stamp', priority: 'high' },
  );
}
