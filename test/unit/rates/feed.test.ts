/**
 * The rates feed's decisions, against an in-memory store and a scripted ECB: which files it reads,
 * which days it writes, how its breaker opens and closes, and how stale it says the rates are.
 */
import { formatEcbXml } from '../../../lib/local/ecb';
import type { EurReferenceRates } from '../../../shared/kit/money/conversion';
import {
  closedFeed,
  DAILY_FILE,
  type FeedState,
  type FeedStore,
  FeedUnavailable,
  NINETY_DAY_FILE,
  refreshRates,
} from '../../../shared/rates/feed';

const day = (date: string, usd = '1.17'): EurReferenceRates => ({ date, rates: { USD: usd, JPY: '186.5' } });

function memoryStore(dates: string[]) {
  const days = new Map(dates.map((date) => [date, day(date)]));
  let state: FeedState = closedFeed;
  const store: FeedStore = {
    newestDay: async () => [...days.keys()].sort().at(-1),
    writeNewDays: async (incoming) => {
      const written = incoming.filter((d) => !days.has(d.date));
      for (const d of written) days.set(d.date, d);
      return written.map((d) => d.date);
    },
    feedState: async () => state,
    saveFeedState: async (next) => {
      state = next;
    },
  };
  return { store, days, state: () => state };
}

/** The ECB as a script: each file's answer, or an error; counts what was asked. */
function ecb(files: Partial<Record<string, EurReferenceRates[] | 'down' | 'garbage'>>) {
  const asked: string[] = [];
  const download = async (file: string) => {
    asked.push(file);
    const answer = files[file];
    if (answer === 'down' || answer === undefined) throw new FeedUnavailable(`${file}: HTTP 503`);
    if (answer === 'garbage') return '<html>maintenance</html>';
    return formatEcbXml(answer);
  };
  return { download, asked };
}

const policy = { attempts: 3, retryDelayMs: 10, failuresToOpen: 3, cooldownMs: 90 * 60_000 };
const sleeps: number[] = [];
const deps = (store: FeedStore, download: (file: string) => Promise<string>, now: string) => ({
  store,
  download,
  policy,
  now: () => new Date(now),
  sleep: async (ms: number) => {
    sleeps.push(ms);
  },
});

beforeEach(() => {
  sleeps.length = 0;
});

// Tuesday 2026-04-14, 16:15 in Frankfurt (CEST): Tuesday's rates are due.
const TUESDAY_EVENING = '2026-04-14T14:15:00Z';

test('a new day: the daily file alone, one day written, the rates current', async () => {
  const { store, days } = memoryStore(['2026-04-10', '2026-04-13']);
  const { download, asked } = ecb({ [DAILY_FILE]: [day('2026-04-14')] });
  const outcome = await refreshRates(deps(store, download, TUESDAY_EVENING));
  expect(outcome).toMatchObject({ status: 'updated', written: ['2026-04-14'], ageBusinessDays: 0, breaker: 'closed' });
  expect(asked).toEqual([DAILY_FILE]);
  expect(days.has('2026-04-14')).toBe(true);
});

test('the same run twice writes nothing the second time', async () => {
  const { store } = memoryStore(['2026-04-13']);
  const { download } = ecb({ [DAILY_FILE]: [day('2026-04-14')] });
  await refreshRates(deps(store, download, TUESDAY_EVENING));
  const again = await refreshRates(deps(store, download, TUESDAY_EVENING));
  expect(again).toMatchObject({ status: 'current', written: [], newestDay: '2026-04-14' });
});

test('missing business days since the newest stored: the 90-day file fills them', async () => {
  const { store, days } = memoryStore(['2026-04-08']);
  const { download, asked } = ecb({
    [DAILY_FILE]: [day('2026-04-14')],
    [NINETY_DAY_FILE]: ['2026-04-07', '2026-04-08', '2026-04-09', '2026-04-10', '2026-04-13', '2026-04-14'].map((d) =>
      day(d),
    ),
  });
  const outcome = await refreshRates(deps(store, download, TUESDAY_EVENING));
  expect(asked).toEqual([DAILY_FILE, NINETY_DAY_FILE]);
  expect(outcome.written).toEqual(['2026-04-09', '2026-04-10', '2026-04-13', '2026-04-14']);
  expect(days.size).toBe(5);
});

test('a holiday: the daily file still shows the day before, nothing is written, and nothing is stale', async () => {
  // Easter Monday 2026-04-06, 17:00 in Frankfurt: the ECB published nothing since Thursday.
  const { store } = memoryStore(['2026-04-01', '2026-04-02']);
  const { download, asked } = ecb({ [DAILY_FILE]: [day('2026-04-02')] });
  const outcome = await refreshRates(deps(store, download, '2026-04-06T15:00:00Z'));
  expect(outcome).toMatchObject({ status: 'current', written: [], ageBusinessDays: 0 });
  expect(asked).toEqual([DAILY_FILE]);
});

test('an unreachable ECB is retried with backoff within a run, then the run fails without throwing', async () => {
  const { store, state } = memoryStore(['2026-04-13']);
  const { download, asked } = ecb({ [DAILY_FILE]: 'down' });
  const outcome = await refreshRates(deps(store, download, TUESDAY_EVENING));
  expect(outcome).toMatchObject({ status: 'failed', breaker: 'closed', ageBusinessDays: 1 });
  expect(asked).toHaveLength(3);
  expect(sleeps).toEqual([10, 20]);
  expect(state()).toMatchObject({ failures: 1, openUntil: null, lastError: 'eurofxref-daily.xml: HTTP 503' });
});

test('a malformed file is not retried and writes nothing', async () => {
  const { store, days } = memoryStore(['2026-04-13']);
  const { download, asked } = ecb({ [DAILY_FILE]: 'garbage' });
  const outcome = await refreshRates(deps(store, download, TUESDAY_EVENING));
  expect(outcome.status).toBe('failed');
  expect(asked).toHaveLength(1);
  expect(days.size).toBe(1);
});

test('three failed runs open the breaker; open, runs ask nothing; after the cooldown one try closes it', async () => {
  const { store, state } = memoryStore(['2026-04-13']);
  const down = ecb({ [DAILY_FILE]: 'down' });
  const at = (minutes: number) => new Date(Date.parse(TUESDAY_EVENING) + minutes * 60_000).toISOString();
  for (const minutes of [0, 60, 120]) await refreshRates(deps(store, down.download, at(minutes)));
  expect(state()).toMatchObject({ failures: 3, openUntil: at(210) });

  const skipped = await refreshRates(deps(store, down.download, at(180)));
  expect(skipped).toMatchObject({ status: 'skipped', breaker: 'open' });
  expect(down.asked).toHaveLength(9);

  // Half-open after the cooldown: one failing run opens it again at once.
  const failedAgain = await refreshRates(deps(store, down.download, at(215)));
  expect(state()).toMatchObject({ failures: 4, openUntil: at(305) });
  expect(failedAgain).toMatchObject({ status: 'failed', breaker: 'open' });

  const back = ecb({ [DAILY_FILE]: [day('2026-04-14')] });
  const recovered = await refreshRates(deps(store, back.download, at(310)));
  expect(recovered).toMatchObject({ status: 'updated', breaker: 'closed', written: ['2026-04-14'] });
  expect(state()).toMatchObject({ failures: 0, openUntil: null, lastError: null });
});

test('staleness counts business days only: a feed dead since Thursday is 2 behind on Monday evening', async () => {
  const { store } = memoryStore(['2026-04-09']);
  const { download } = ecb({ [DAILY_FILE]: 'down' });
  const outcome = await refreshRates(deps(store, download, '2026-04-13T15:00:00Z'));
  expect(outcome.ageBusinessDays).toBe(2);
});
