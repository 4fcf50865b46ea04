/**
 * An owner's deletion takes its attachments with it: every link of the owner (a strongly
 * consistent Query), then for each the file and the two items. Deleting is idempotent by nature:
 * a missing object deletes fine and a missing item deletes fine, so a redelivered or late event
 * finds less (or nothing) to do and no dedupe marker is needed. Nothing new can be linked to a
 * deleted owner (the link's write checks the owner exists), so the set only shrinks.
 */
import type { AttachmentFiles } from './files';
import type { AttachmentOwner } from './items';
import type { AttachmentStore } from './store';

/** Deletions in flight at once. */
const CONCURRENCY = 8;

/** The owner a deletion event names (one line per owner kind). */
export function deletedOwner(
  detailType: string,
  previous: { transactionId?: unknown; invoiceId?: unknown },
): AttachmentOwner | undefined {
  if (detailType === 'TransactionDeleted' && typeof previous.transactionId === 'string') {
    return { kind: 'transaction', id: previous.transactionId };
  }
  if (detailType === 'InvoiceDeleted' && typeof previous.invoiceId === 'string') {
    return { kind: 'invoice', id: previous.invoiceId };
  }
  return undefined;
}

/** Resolves with how many attachments it deleted. */
export async function deleteAttachmentsOf(
  deps: { store: Pick<AttachmentStore, 'linksOf' | 'delete'>; files: Pick<AttachmentFiles, 'delete'> },
  userId: string,
  owner: AttachmentOwner,
): Promise<number> {
  const links = await deps.store.linksOf(userId, owner);
  for (let i = 0; i < links.length; i += CONCURRENCY) {
    await Promise.all(
      links.slice(i, i + CONCURRENCY).map(async (link) => {
        // The file first: while the items remain, a failure here is retried and finds them again.
        await deps.files.delete(link.fileKey);
        await deps.store.delete(userId, link);
      }),
    );
  }
  return links.length;
}
