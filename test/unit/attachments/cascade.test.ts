/**
 * The cascade's owner is generic: each deletion event names the owner whose attachments go, and
 * deleting them is the same for every kind, whatever was already deleted by an earlier delivery.
 */
import { deleteAttachmentsOf, deletedOwner } from '../../../shared/attachments/cascade';
import type { AttachmentLinkItem, AttachmentOwner } from '../../../shared/attachments/items';

const link = (attachmentId: string, owner: AttachmentOwner): AttachmentLinkItem => ({
  type: 'ATTACHMENT_LINK',
  attachmentId,
  ownerKind: owner.kind,
  ownerId: owner.id,
  fileKey: `attachments/user-1/${attachmentId}`,
});

test('a deleted transaction or invoice names its owner; anything else names none', () => {
  expect(deletedOwner('TransactionDeleted', { transactionId: 'T1' })).toEqual({ kind: 'transaction', id: 'T1' });
  expect(deletedOwner('InvoiceDeleted', { invoiceId: 'I1' })).toEqual({ kind: 'invoice', id: 'I1' });
  expect(deletedOwner('AccountDeleted', { transactionId: 'T1' })).toBeUndefined();
  expect(deletedOwner('TransactionDeleted', {})).toBeUndefined();
});

test("deletes every file, then every attachment, of an invoice's links; a second run finds none", async () => {
  const owner: AttachmentOwner = { kind: 'invoice', id: 'I1' };
  let links = [link('A1', owner), link('A2', owner)];
  const files: string[] = [];
  const deleted: string[] = [];
  const store = {
    linksOf: async (_userId: string, asked: AttachmentOwner) => (asked.id === owner.id ? links : []),
    delete: async (_userId: string, attachment: { attachmentId: string }) => {
      // The file of an attachment is always gone before its items.
      expect(files).toContain(`attachments/user-1/${attachment.attachmentId}`);
      deleted.push(attachment.attachmentId);
      links = links.filter((item) => item.attachmentId !== attachment.attachmentId);
    },
  };
  const deps = { store, files: { delete: async (key: string) => void files.push(key) } };
  expect(await deleteAttachmentsOf(deps, 'user-1', owner)).toBe(2);
  expect(deleted.sort()).toEqual(['A1', 'A2']);
  expect(await deleteAttachmentsOf(deps, 'user-1', owner)).toBe(0);
});
