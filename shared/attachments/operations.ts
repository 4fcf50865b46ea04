/** The attachment routes, declared once (shared/kit/http/operation.ts). */

import { idPath } from '../kit/http/fields';
import { defineOperation, idempotencyKeyHeader, noParams } from '../kit/http/operation';
import { pageOf } from '../kit/http/response-schemas';
import { attachmentCreateSchema, attachmentListQuery } from './schemas';
import { attachmentView, createdAttachmentView } from './views';

export const attachmentsCreate = defineOperation({
  function: 'attachments-create',
  feature: 'attachments',
  entry: 'functions/api/attachments/create.ts',
  method: 'POST',
  path: '/v1/attachments',
  auth: 'user',
  functionDescription: 'Links a new file to a transaction or an invoice and grants its upload',
  summary: 'Attach a file (PDF, JPEG, PNG, HEIC, at most 10 MB) to a transaction or an invoice',
  description:
    'Answers the attachment (`pending`) with an upload grant: POST the file as a multipart form to `upload.url` with every field of `upload.fields` and the file last as `file`, within 5 minutes. S3 refuses another content type or a file larger than the declared `size`. GET /v1/attachments/{id} then shows it `uploaded` with a download link. With an `Idempotency-Key`, a retry answers the first response and links nothing more.',
  grants: { table: 'readWrite', files: 'write', filesUnder: 'attachments/' },
  request: { body: attachmentCreateSchema, query: noParams, headers: { 'idempotency-key': idempotencyKeyHeader } },
  response: {
    status: 201,
    description: 'The attachment, pending its upload, with the upload grant',
    schema: () => createdAttachmentView(),
    location: true,
  },
  // Exactly one of transactionId and invoiceId: a schema-derived example would carry both.
  examples: {
    request: {
      fileName: 'receipt.pdf',
      contentType: 'application/pdf',
      size: 48213,
      transactionId: '01JQ7Z8K5V3N2M4P6R8T0W2Y4B',
    },
  },
  problems: [
    {
      status: 422,
      description:
        'The content type is not one of application/pdf, image/jpeg, image/png, image/heic, the size is over 10 MB, or the transaction or invoice does not exist',
    },
  ],
});

export const attachmentsList = defineOperation({
  function: 'attachments-list',
  feature: 'attachments',
  entry: 'functions/api/attachments/list.ts',
  method: 'GET',
  path: '/v1/attachments',
  auth: 'user',
  functionDescription: "Lists the attachments of one of the caller's transactions or invoices",
  summary: 'List the attachments of one transaction (`transactionId`) or invoice (`invoiceId`), oldest first',
  description: 'Without download links: GET /v1/attachments/{id} makes one.',
  grants: { table: 'read' },
  request: { query: attachmentListQuery },
  response: { status: 200, description: 'A page of attachments', schema: () => pageOf(attachmentView()) },
});

export const attachmentsGet = defineOperation({
  function: 'attachments-get',
  feature: 'attachments',
  entry: 'functions/api/attachments/get.ts',
  method: 'GET',
  path: '/v1/attachments/{id}',
  auth: 'user',
  functionDescription: 'Reads an attachment with a short-lived download link',
  summary: 'Read an attachment: once its file is uploaded, with a download link valid for 5 minutes',
  grants: { table: 'readWrite', files: 'read', filesUnder: 'attachments/' },
  request: { path: idPath, query: noParams },
  response: { status: 200, description: 'The attachment', schema: () => attachmentView() },
  problems: [404],
});

export const attachmentsDelete = defineOperation({
  function: 'attachments-delete',
  feature: 'attachments',
  entry: 'functions/api/attachments/delete.ts',
  method: 'DELETE',
  path: '/v1/attachments/{id}',
  auth: 'user',
  functionDescription: 'Deletes an attachment and its file',
  summary: 'Delete an attachment and its file',
  grants: { table: 'readWrite', files: 'delete', filesUnder: 'attachments/' },
  request: { path: idPath, query: noParams },
  response: { status: 204, description: 'Deleted' },
  problems: [404],
});

export const attachmentsOperations = [attachmentsCreate, attachmentsList, attachmentsGet, attachmentsDelete] as const;
