/**
 * Groups PutEvents entries into calls of at most 10 (the API's limit), DataLoader-style: callers
 * enqueue one entry each and await the outcome of *their* entry. A chunk is sent as soon as 10
 * entries are queued, or once the current burst of callers has enqueued (setImmediate, so records
 * processed in parallel share calls). PutEvents can accept some entries and refuse others in one
 * call: exactly the refused entries' promises reject, so exactly their records are retried.
 */
import type { EventBridgeClient, PutEventsRequestEntry, PutEventsResultEntry } from '@aws-sdk/client-eventbridge';
import { PutEventsCommand } from '@aws-sdk/client-eventbridge';

const MAX_ENTRIES_PER_CALL = 10;
/** PutEvents refuses requests over 256 KiB; entries are sized the way EventBridge counts them. */
export const MAX_BYTES_PER_CALL = 256 * 1024;

/** An entry EventBridge refused (ErrorCode) or that was lost with a failed call. */
export class PublishFailed extends Error {
  constructor(
    readonly errorCode: string,
    message: string,
  ) {
    super(message);
    this.name = 'PublishFailed';
  }
}

type Pending = { entry: PutEventsRequestEntry; size: number; resolve: () => void; reject: (error: Error) => void };

/** Entry size as documented for PutEvents quotas: fixed 14 bytes for Time plus UTF-8 lengths. */
function entrySize(entry: PutEventsRequestEntry): number {
  const bytes = (value: string | undefined) => (value ? Buffer.byteLength(value, 'utf8') : 0);
  return (
    (entry.Time ? 14 : 0) +
    bytes(entry.Source) +
    bytes(entry.DetailType) +
    bytes(entry.Detail) +
    (entry.Resources ?? []).reduce((sum, resource) => sum + bytes(resource), 0)
  );
}

export class PutEventsBatcher {
  #queue: Pending[] = [];
  #queuedBytes = 0;
  #scheduled = false;

  constructor(private readonly client: Pick<EventBridgeClient, 'send'>) {}

  /** Resolves once EventBridge accepted this entry; rejects with the reason it did not. */
  publish(entry: PutEventsRequestEntry): Promise<void> {
    const size = entrySize(entry);
    return new Promise<void>((resolve, reject) => {
      if (this.#queue.length > 0 && this.#queuedBytes + size > MAX_BYTES_PER_CALL) this.#flush();
      this.#queue.push({ entry, size, resolve, reject });
      this.#queuedBytes += size;
      if (this.#queue.length >= MAX_ENTRIES_PER_CALL) this.#flush();
      else this.#schedule();
    });
  }

  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      if (this.#queue.length > 0) this.#flush();
    });
  }

  #flush(): void {
    const chunk = this.#queue;
    this.#queue = [];
    this.#queuedBytes = 0;
    void this.#send(chunk);
  }

  async #send(chunk: Pending[]): Promise<void> {
    let results: PutEventsResultEntry[];
    let failedCount: number;
    try {
      const response = await this.client.send(new PutEventsCommand({ Entries: chunk.map((item) => item.entry) }));
      results = response.Entries ?? [];
      failedCount = response.FailedEntryCount ?? 0;
    } catch (error) {
      const name = error instanceof Error ? error.name : 'UnknownError';
      for (const item of chunk) item.reject(new PublishFailed(name, `PutEvents call failed: ${name}`));
      return;
    }

    // Results are positional. If EventBridge reports failures it does not attribute to an entry
    // (or answers with fewer results than entries), no entry can be trusted as accepted.
    const attributed = results.filter((result) => result.ErrorCode).length;
    const unattributable = results.length !== chunk.length || attributed < failedCount;
    chunk.forEach((item, index) => {
      const result = results[index];
      if (result?.ErrorCode) {
        item.reject(new PublishFailed(result.ErrorCode, `PutEvents refused the entry: ${result.ErrorCode}`));
      } else if (unattributable) {
        item.reject(new PublishFailed('Unconfirmed', 'PutEvents did not confirm the entry'));
      } else {
        item.resolve();
      }
    });
  }
}
