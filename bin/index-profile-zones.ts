/**
 * `npx tsx bin/index-profile-zones.ts [--outputs <file>]`: once, after deploying the monthly
 * summary onto a table that already has users, lists every profile written before the
 * profiles-by-zone index existed under its zone (docs/monthly-summary.md), user by user
 * (./support/every-user.ts); each profile is one strongly consistent GetItem and, when its keys are
 * missing, one conditional UpdateItem, which publishes nothing. Running it again changes nothing.
 */
import { createProfileStore } from '../shared/identity/profile-store';
import { forEveryUser, runScript } from './support/every-user';

export type IndexOutcome = { indexed: number; current: number; absent: number };

export async function indexProfileZones(outputsFile: string): Promise<IndexOutcome> {
  const outcome: IndexOutcome = { indexed: 0, current: 0, absent: 0 };
  await forEveryUser(outputsFile, async (deployment, sub) => {
    // An unconfirmed user has no profile yet: the sign-up trigger will write it with its keys.
    outcome[await createProfileStore(deployment).indexZone(sub)]++;
  });
  return outcome;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runScript(async (outputsFile) => {
    const outcome = await indexProfileZones(outputsFile);
    return `Indexed ${outcome.indexed} profile(s) under their zone; ${outcome.current} already were; ${outcome.absent} user(s) without a profile.`;
  });
}
