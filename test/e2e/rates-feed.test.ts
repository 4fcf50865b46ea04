/**
 * The daily rates feed against the local ECB, which serves its files in the ECB's own XML format:
 * a new day is fetched and used; a holiday publishes nothing and nothing goes wrong; a malformed
 * file writes nothing; an outage opens the breaker, which stops asking, and closes it again after
 * its cooldown (10.8 s at the e2e time scale, 6 hours on AWS).
 *
 * The days published here follow the newest day of the bundled snapshot, whatever it is, so the
 * test keeps working when the snapshot is refreshed; nothing else in the suite uses those dates.
 */
import { businessDayOnOrBefore, isBusinessDay, targetHolidays } from '../../shared/rates/business-days';
import { createBudget, spentByPeriod } from './support/alerts';
import { api } from './support/api-client';
import { ecbRequests, publishDay, runRatesFeed, setEcbMode } from './support/ecb';
import { expectStatus } from './support/expectations';
import { createAccount, createTransaction, expectOk, getAccount, type LedgerUser, ledgerUser } from './support/ledger';
import { sleep } from './support/poll';
import { settle } from './support/settle';
import { describeWithMailbox } from './support/targets';

jest.setTimeout(120_000);

const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const nextBusinessDay = (date: string) => {
  let day = nextDay(date);
  while (!isBusinessDay(day)) day = nextDay(day);
  return day;
};
/**
 * A published day as the ECB would publish it: every currency of the newest snapshot day (the
 * rest of the suite converts from them), with USD set so the expected amounts are round.
 */
let newestRates: Record<string, string> = {};
const ratesOf = (usd: string) => ({ ...newestRates, USD: usd });

let user: LedgerUser;
/** The newest day the table held when the test started. */
let newest: string;

async function ratesOn(date: string) {
  const result = await api.get(`/v1/rates?date=${date}`, { token: user.token });
  expectStatus(result, 200);
  return result.json as { date: string; fallback: boolean; rates: Record<string, string> };
}

describeWithMailbox('the daily rates feed', () => {
  beforeAll(async () => {
    user = await ledgerUser({ homeCurrency: 'EUR' });
    const current = await ratesOn('2999-12-31');
    newest = current.date;
    newestRates = Object.fromEntries(Object.entries(current.rates).filter(([currency]) => currency !== 'EUR'));
    expect(Object.keys(newestRates).length).toBeGreaterThan(25);
    await setEcbMode('ok');
  });

  afterAll(async () => {
    await setEcbMode('ok');
  });

  test("an expense dated after the newest publication is provisional, and re-priced once when its day's rate arrives", async () => {
    const day = nextBusinessDay(newest);
    const month = day.slice(0, 7);
    const account = await createAccount(user, { name: 'Everyday', currency: 'EUR' });
    const budget = await createBudget(user, {
      name: 'All',
      limit: { amount: 100_000, currency: 'EUR' },
      startDate: `${month}-01`,
    });
    const spent = async () => (await spentByPeriod(user, budget.id, `${month}-01`, `${month}-28`))[month];

    const priced = await createTransaction(user, {
      accountId: account.id,
      money: { amount: 10_000, currency: 'USD' },
      date: day,
    });
    // The bank's figure is never re-priced, provisional day or not.
    const given = await createTransaction(user, {
      accountId: account.id,
      money: { amount: 5_000, currency: 'USD' },
      accountAmount: 4_321,
      date: day,
    });
    const before = priced.accountAmount.amount;
    expect(priced.conversions.account).toMatchObject({
      source: 'ECB',
      rateDate: newest,
      fallback: true,
      provisional: true,
      rateAgeDays: (Date.parse(day) - Date.parse(newest)) / 86_400_000,
    });
    expect(given.conversions.account).toMatchObject({ source: 'user', provisional: false, rateAgeDays: 0 });
    await settle();
    expect((await getAccount(user, account.id)).balance.amount).toBe(before - 4_321);
    expect(await spent()).toBe(-before + 4_321);

    // The ECB publishes the day: USD 1.25 per EUR, so $100.00 is exactly €80.00.
    await publishDay(day, ratesOf('1.2500'));
    expect(await runRatesFeed()).toMatchObject({ status: 'updated', written: [day], repriced: 1 });
    await settle();
    const after = expectOk(await api.get(`/v1/transactions/${priced.id}`, { token: user.token }), 200, 'get').json;
    expect(after).toMatchObject({
      accountAmount: { amount: -8_000, currency: 'EUR' },
      homeAmount: { amount: -8_000, currency: 'EUR' },
      conversions: { account: { rate: '0.8', rateDate: day, fallback: false, provisional: false, rateAgeDays: 0 } },
      version: 2,
    });
    const untouched = expectOk(await api.get(`/v1/transactions/${given.id}`, { token: user.token }), 200, 'get').json;
    expect(untouched).toMatchObject({ accountAmount: { amount: -4_321 }, version: 1 });
    // The audit trail shows the re-pricing as the rates fetcher's doing, the amounts before and after.
    const trail = expectOk(
      await api.get(`/v1/audit?entity=transaction&entityId=${priced.id}`, { token: user.token }),
      200,
      'audit',
    ).json.items as { operation: string; actor: string; before: Record<string, unknown> }[];
    expect(trail.map((entry) => `${entry.operation}:${entry.actor}`)).toEqual([
      'updated:rates-fetcher',
      'created:user',
    ]);
    expect(trail[0]?.before).toMatchObject({ accountAmount: before });
    expect((await getAccount(user, account.id)).balance.amount).toBe(-8_000 - 4_321);
    expect(await spent()).toBe(8_000 + 4_321);

    // Exactly once: another run re-prices nothing, and an edit based on the old version is refused.
    expect(await runRatesFeed()).toMatchObject({ status: 'current', repriced: 0 });
    await settle();
    expect((await getAccount(user, account.id)).balance.amount).toBe(-8_000 - 4_321);
    expect(await spent()).toBe(8_000 + 4_321);
    const stale = await api.patch(
      `/v1/transactions/${priced.id}`,
      { note: 'lunch' },
      { token: user.token, headers: { 'if-match': '"1"' } },
    );
    expect(stale.status).toBe(412);
  });

  test('a new business day is fetched, written once, and converts from then on', async () => {
    newest = (await ratesOn('2999-12-31')).date;
    const day = nextBusinessDay(newest);
    await publishDay(day, ratesOf('1.1700'));
    expect(await runRatesFeed()).toMatchObject({ status: 'updated', breaker: 'closed', written: [day] });
    expect(await ratesOn(day)).toMatchObject({ date: day, fallback: false, rates: { USD: '1.17' } });
    // A second run finds nothing new.
    expect(await runRatesFeed()).toMatchObject({ status: 'current', written: [], newestDay: day });
  });

  test('a holiday: the ECB publishes nothing, the day before applies, final, and the feed stays current', async () => {
    const from = (await ratesOn('2999-12-31')).date;
    // The first weekday after it that TARGET is closed (1 May or Christmas, say).
    const year = Number(from.slice(0, 4));
    const holiday = [...targetHolidays(year), ...targetHolidays(year + 1)].find(
      (candidate) => candidate > from && ![0, 6].includes(new Date(`${candidate}T00:00:00Z`).getUTCDay()),
    ) as string;
    // Every business day up to the holiday is published; the 90-day file fills the gap in one run.
    const before = businessDayOnOrBefore(holiday);
    const days: string[] = [];
    for (let day = nextBusinessDay(from); day <= before; day = nextBusinessDay(day)) days.push(day);
    for (const day of days) await publishDay(day, ratesOf('1.1800'));
    expect(await runRatesFeed()).toMatchObject({ status: 'updated', written: days });
    expect(await runRatesFeed()).toMatchObject({ status: 'current', written: [] });
    expect(await ratesOn(holiday)).toMatchObject({ date: before, fallback: true });
  });

  test('a malformed file writes nothing and counts as a failed run; the next good run clears it', async () => {
    const from = (await ratesOn('2999-12-31')).date;
    const day = nextBusinessDay(from);
    await publishDay(day, ratesOf('1.1900'));
    await setEcbMode('malformed');
    const failed = await runRatesFeed();
    expect(failed).toMatchObject({ status: 'failed', breaker: 'closed', written: [], newestDay: from });
    expect(failed.error).toMatch(/Not a valid ECB reference-rate file/);
    expect((await ratesOn(day)).date).toBe(from);

    await setEcbMode('ok');
    expect(await runRatesFeed()).toMatchObject({ status: 'updated', written: [day] });
  });

  test('an outage opens the breaker after three failed runs; open, it asks nothing; after its cooldown it closes', async () => {
    const from = (await ratesOn('2999-12-31')).date;
    const day = nextBusinessDay(from);
    await publishDay(day, ratesOf('1.2000'));
    await setEcbMode('outage');
    const outcomes = [];
    for (let run = 0; run < 3; run++) outcomes.push(await runRatesFeed());
    expect(outcomes.map((outcome) => [outcome.status, outcome.breaker])).toEqual([
      ['failed', 'closed'],
      ['failed', 'closed'],
      ['failed', 'open'],
    ]);
    expect(outcomes[0]?.error).toMatch(/HTTP 503/);

    const asked = await ecbRequests();
    expect(await runRatesFeed()).toMatchObject({ status: 'skipped', breaker: 'open' });
    expect(await ecbRequests()).toBe(asked);

    await setEcbMode('ok');
    // Skipped until the cooldown has passed, then one run tries, succeeds and closes the breaker.
    let outcome = await runRatesFeed();
    const deadline = Date.now() + 60_000;
    while (outcome.status === 'skipped' && Date.now() < deadline) {
      await sleep(1_000);
      outcome = await runRatesFeed();
    }
    expect(outcome).toMatchObject({ status: 'updated', breaker: 'closed', written: [day] });
    expect(await ratesOn(day)).toMatchObject({ date: day, fallback: false });
  });
});
