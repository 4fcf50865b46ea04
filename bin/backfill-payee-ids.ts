/**
 * `npx tsx bin/backfill-payee-ids.ts [--outputs <file>]`: once, after deploying payee ids onto a
 * table that already has users, gives every name-keyed payee an id and every transaction with a
 * payee name its payee's id (shared/payees/backfill.ts; docs/payees.md), user by user
 * (./support/every-user.ts). Stopped anywhere, it is run again; running it again changes nothing.
 */
import { type BackfillOutcome, backfillPayeeIds } from '../shared/payees/backfill';
import { forEveryUser, runScript } from './support/every-user';

export async function backfillAll(outputsFile: string): Promise<BackfillOutcome & { users: number }> {
  const total = { adopted: 0, bound: 0, users: 0 };
  await forEveryUser(outputsFile, async (deployment, sub) => {
    const outcome = await backfillPayeeIds(deployment, sub);
    total.adopted += outcome.adopted;
    total.bound += outcome.bound;
    total.users++;
  });
  return total;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runScript(async (outputsFile) => {
    const outcome = await backfillAll(outputsFile);
    return `${outcome.users} user(s): ${outcome.adopted} payee(s) given an id, ${outcome.bound} transaction(s) bound to their payee.`;
  });
}
