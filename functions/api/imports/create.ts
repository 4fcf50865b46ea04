/**
 * POST /v1/imports: starts a statement import into one of the caller's accounts. Inline content
 * (at most 1 MB) is checked against its format at once (a file that is not one is a 422 naming
 * what to correct), stored in the files bucket and queued: 202. Without content the job awaits its
 * file, and the answer carries an upload grant (a presigned POST of at most 10 MB, of the format's
 * content types) and the start route to call once the upload is done. The importer
 * (functions/events/importer.ts) does the rest. With an `Idempotency-Key`, a retry returns the
 * first response and starts nothing: the key's record is written with the job.
 */
import { userRoute } from '../../../shared/identity/public';
import { newImportItem, resolveMapping, uploadContentType } from '../../../shared/imports/create';
import { bucketImportFiles, statementKey } from '../../../shared/imports/files';
import { importsCreate } from '../../../shared/imports/operations';
import { parseStatement, presetMapping, presetNames, StatementUnreadable } from '../../../shared/imports/parse';
import { MAX_UPLOAD_BYTES, UnusableField, uploadContentTypes } from '../../../shared/imports/schemas';
import { createImportStore } from '../../../shared/imports/store';
import { toImportView } from '../../../shared/imports/views';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { uploadGrant } from '../../../shared/kit/aws/upload-grant';
import { requireEnv } from '../../../shared/kit/config';
import { newEntityId } from '../../../shared/kit/http/fields';
import { idempotency, idempotencyKeyFrom } from '../../../shared/kit/http/idempotency';
import { NotFound } from '../../../shared/kit/http/problems';
import { createTransactionStore } from '../../../shared/transactions/public';

const db = documentClient();
const tableName = requireEnv('TABLE_NAME');
const jobs = createImportStore({ db, tableName });
const ledger = createTransactionStore({ db, tableName });
const files = bucketImportFiles();

export const handler = userRoute(importsCreate, async ({ userId, body, headers }) => {
  const scope = { tableName, userId, operation: 'create-import', key: idempotencyKeyFrom(headers), request: body };
  const keyed = await idempotency(db, scope);
  if (keyed.earlier) return keyed.earlier;
  const account = await ledger.getAccount(userId, body.accountId);
  if (!account) throw new NotFound('account');
  const { mapping, preset } = resolveMapping(body, { names: presetNames, mapping: presetMapping });
  const now = new Date();
  const importId = newEntityId(now.getTime());
  const fileKey = statementKey(userId, importId);
  const dateOrder = body.dateOrder ?? null;
  const base = { importId, accountId: account.accountId, format: body.format, mapping, preset, dateOrder, fileKey };

  let response: { status: number; body: unknown; headers: Record<string, string> };
  let job: ReturnType<typeof newImportItem>;
  if (body.content !== undefined) {
    try {
      parseStatement(body.format, body.content, {
        currency: account.currency,
        ...(mapping ? { mapping } : {}),
        ...(dateOrder ? { dateOrder } : {}),
      });
    } catch (error) {
      if (!(error instanceof StatementUnreadable)) throw error;
      throw new UnusableField(error.field === 'file' ? 'content' : error.field, error.message);
    }
    await files.put(fileKey, Buffer.from(body.content, 'utf8'), uploadContentTypes[body.format][0]);
    job = newImportItem({ ...base, status: 'queued', now: now.toISOString() });
    response = { status: 202, body: toImportView(job), headers: { location: `/v1/imports/${importId}` } };
  } else {
    const contentType = uploadContentType(body.format, body.contentType);
    const grant = await uploadGrant({
      key: fileKey,
      contentType,
      rules: { contentTypes: uploadContentTypes[body.format], maxBytes: MAX_UPLOAD_BYTES },
      expiresInSeconds: 900,
    });
    job = newImportItem({ ...base, status: 'awaiting-upload', now: now.toISOString() });
    response = { status: 202, body: toImportView(job, grant), headers: { location: `/v1/imports/${importId}` } };
  }
  return keyed.create(response, (record) => jobs.create(userId, job, record ? [record] : []));
});
