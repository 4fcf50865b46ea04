/**
 * Attachments: files (receipts, bills) linked to one owner, a transaction or an invoice. Two items
 * per attachment, written and deleted together in one TransactWriteItems:
 *
 *   ATTACH#<attachmentId>                        the attachment (GET, DELETE by id)
 *   ATTACHOF#<ownerKind>#<ownerId>#<attachmentId> its link to the owner, so an owner's attachments
 *                                                 are one strongly consistent Query (the list, the
 *                                                 cascade when the owner is deleted), never a Scan
 *
 * The attachment is a domain item (AttachmentCreated/Updated/Deleted: ./events.ts); its link is
 * not, it is an index entry. The file itself is in the files bucket under
 * `attachments/<userId>/<attachmentId>` (./files.ts).
 */
import { byId, entity } from '../kit/dynamodb/keys';
import * as z from '../kit/schema';

export const AttachmentEntity = entity('ATTACHMENT', 'ATTACH', byId);
export const AttachmentLinkEntity = entity(
  'ATTACHMENT_LINK',
  'ATTACHOF',
  (ownerKind: OwnerKind, ownerId: string, attachmentId: string) => `${ownerKind}#${ownerId}#${attachmentId}`,
);
/** Every link of one owner starts with this sort key. */
export const ownerLinksPrefix = (owner: AttachmentOwner) => `${AttachmentLinkEntity.prefix}${owner.kind}#${owner.id}#`;

/** What an attachment can belong to. */
export const ownerKinds = ['transaction', 'invoice'] as const;
export type OwnerKind = (typeof ownerKinds)[number];
export type AttachmentOwner = { kind: OwnerKind; id: string };

/** pending: granted, the file not seen yet; uploaded: the file is in the bucket. */
export const attachmentStatuses = ['pending', 'uploaded'] as const;

export const attachmentItem = z.lazily(() =>
  z.object({
    type: z.literal(AttachmentEntity.type),
    attachmentId: z.string().check(z.minLength(1)),
    ownerKind: z.enum(ownerKinds),
    ownerId: z.string().check(z.minLength(1)),
    /** As the client named it: shown, and offered as the download's name; never part of the key. */
    fileName: z.string(),
    contentType: z.string(),
    /** Bytes: as declared while pending (the grant's upper bound), as stored once uploaded. */
    size: z.int().check(z.positive()),
    fileKey: z.string(),
    status: z.enum(attachmentStatuses),
    createdAt: z.string(),
    uploadedAt: z.nullable(z.string()),
    version: z.int().check(z.positive()),
  }),
);
export type AttachmentItem = z.infer<ReturnType<typeof attachmentItem>>;

export const attachmentLinkItem = z.lazily(() =>
  z.object({
    type: z.literal(AttachmentLinkEntity.type),
    attachmentId: z.string(),
    ownerKind: z.enum(ownerKinds),
    ownerId: z.string(),
    fileKey: z.string(),
  }),
);
export type AttachmentLinkItem = z.infer<ReturnType<typeof attachmentLinkItem>>;
