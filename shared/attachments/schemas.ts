/**
 * What the attachment routes accept. Strict objects: an unknown field is a 400 naming it. A file
 * the bucket would not take (another type, too large) is a 422 naming the field before any grant
 * is made: the grant's policy enforces the same limits on the upload itself.
 */
import { pageQuery } from '../kit/http/cursor';
import { entityId } from '../kit/http/fields';
import { HttpProblem } from '../kit/http/problems';
import * as z from '../kit/schema';
import type { AttachmentOwner } from './items';

/** Receipts and bills: PDFs and photos (HEIC is what iPhones take). */
export const ATTACHMENT_CONTENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/heic'] as const;
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

const hasControlCharacter = (text: string) =>
  [...text].some((character) => {
    const code = character.codePointAt(0) ?? 0;
    return code < 0x20 || code === 0x7f;
  });

/** A name to show and to save the download as; control characters would break the header. */
const fileName = z.lazily(() =>
  z.string().check(
    z.trim(),
    z.minLength(1, 'must not be empty'),
    z.maxLength(255),
    z.refine((name) => !hasControlCharacter(name), 'must not contain control characters'),
  ),
);

const owners = z.lazily(() => ({
  transactionId: z.optional(entityId()),
  invoiceId: z.optional(entityId()),
}));

const oneOwner = (value: { transactionId?: string | undefined; invoiceId?: string | undefined }) =>
  (value.transactionId === undefined) !== (value.invoiceId === undefined);
const oneOwnerMessage = { message: 'give exactly one of transactionId and invoiceId', path: ['transactionId'] };

export const attachmentCreateSchema = z.lazily(() =>
  z
    .strictObject({
      fileName: fileName(),
      contentType: z.string().check(z.minLength(1), z.maxLength(255)),
      /** Bytes; the upload may be smaller, never larger. */
      size: z.number().check(z.int('must be a whole number of bytes'), z.gte(1, 'must be at least 1 byte')),
      ...owners(),
    })
    .check(z.refine(oneOwner, oneOwnerMessage)),
);
export type AttachmentCreate = z.infer<ReturnType<typeof attachmentCreateSchema>>;

export const attachmentListQuery = z.lazily(() =>
  z.strictObject({ ...owners(), ...pageQuery() }).check(z.refine(oneOwner, oneOwnerMessage)),
);

/** The one owner a body or a query names (the schemas make sure there is exactly one). */
export function ownerOf(input: {
  transactionId?: string | undefined;
  invoiceId?: string | undefined;
}): AttachmentOwner {
  return input.transactionId !== undefined
    ? { kind: 'transaction', id: input.transactionId }
    : { kind: 'invoice', id: input.invoiceId as string };
}

/** 422: the request is well-formed but names something that cannot be used. */
export class UnusableField extends HttpProblem {
  constructor(field: string, message: string) {
    super(422, 'unusable-field', 'Unusable field', 'A field of the request cannot be used as given.', [
      { in: 'body', field, message },
    ]);
  }
}

/** The limits of the files bucket, as a 422 naming the field, before a grant is signed. */
export function checkFile(body: AttachmentCreate): string {
  const contentType = body.contentType.trim().toLowerCase();
  if (!(ATTACHMENT_CONTENT_TYPES as readonly string[]).includes(contentType)) {
    throw new UnusableField('contentType', `must be one of ${ATTACHMENT_CONTENT_TYPES.join(', ')}`);
  }
  if (body.size > MAX_ATTACHMENT_BYTES) {
    throw new UnusableField('size', `must be at most ${MAX_ATTACHMENT_BYTES} bytes (10 MB)`);
  }
  return contentType;
}
