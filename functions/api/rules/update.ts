/**
 * PATCH /v1/rules/{id}: changes a rule (name, enabled, match, conditions, actions) and/or moves it
 * (`position`). `If-Match` → 412 when stale. Never re-applies: existing transactions stay as they are.
 */

import { userRoute } from '../../../shared/identity/public';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { VersionMismatch } from '../../../shared/kit/errors';
import { versionETag, versionsFromIfMatch } from '../../../shared/kit/http/etag';
import { NotFound, PreconditionFailed } from '../../../shared/kit/http/problems';
import { createRuleChecks, patchedRuleItem } from '../../../shared/rules/define';
import { rulesUpdate } from '../../../shared/rules/operations';
import { createRuleStore } from '../../../shared/rules/store';
import { toRuleView } from '../../../shared/rules/views';

const db = documentClient();
const tableName = requireEnv('TABLE_NAME');
const rules = createRuleStore({ db, tableName });
const checks = createRuleChecks({ db, tableName });

export const handler = userRoute(rulesUpdate, async ({ userId, path, body, headers }) => {
  const expectedVersions = versionsFromIfMatch(headers['if-match']);
  const old = await rules.get(userId, path.id);
  if (!old) throw new NotFound('rule');
  if (expectedVersions && !expectedVersions.includes(old.version)) throw new PreconditionFailed();
  const rule = patchedRuleItem(old, body, new Date().toISOString());
  await checks.check(userId, rule);
  let position: number | undefined;
  try {
    position = await rules.replace(userId, rule, old.version, body.position);
  } catch (error) {
    // Changed between our read and our write: stale for a client that named a version, and for
    // one that did not we would be overwriting a change it never saw.
    if (error instanceof VersionMismatch) throw new PreconditionFailed();
    throw error;
  }
  if (position === undefined) throw new NotFound('rule');
  return { status: 200, body: toRuleView(rule, position), headers: { etag: versionETag(rule.version) } };
});
