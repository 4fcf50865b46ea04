/**
 * Request limits (local cloud): does one user at full speed slow another, and what does the
 * limiter add to a request? Printed:
 * - a quiet user's GET /v1/accounts, one at a time, p50/p95 alone and while a noisy user fires
 *   without pause from NOISY_IN_FLIGHT parallel loops (its 200s and 429s counted);
 * - the limiter's own cost: one `take` against DynamoDB Local, p50/p95 and capacity, for a caller
 *   below its rate (the usual case) and one inside a burst.
 * The local cloud shares this machine's cores among every function, so the noisy user's load also
 * costs the quiet one CPU here; on AWS each request has its own Lambda environment, and what remains
 * shared is the stage ceiling (docs/security.md, "Request limits").
 */
import { createRateLimiter } from '../../shared/kit/dynamodb/rate-limiter';
import { requestBudgets } from '../../shared/kit/http/request-limits';
import { stackOutputs } from '../e2e/support/outputs';
import { createConfirmedUser } from '../e2e/support/users';
import { type Capacity, meteredClient, percentile, withLocalCloud } from './measure';

const SAMPLES = Number(process.env.BENCH_LIMIT_SAMPLES ?? 60);
const NOISY_IN_FLIGHT = Number(process.env.BENCH_NOISY_IN_FLIGHT ?? 6);

async function timedGet(path: string, token: string): Promise<{ ms: number; status: number }> {
  const started = performance.now();
  const response = await fetch(`${stackOutputs().ApiUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  await response.arrayBuffer();
  return { ms: performance.now() - started, status: response.status };
}

/** The quiet user's requests, one after another (a warm-up of three first). */
async function quietRun(token: string): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < SAMPLES + 3; i++) {
    const { ms, status } = await timedGet('/v1/accounts', token);
    if (status !== 200) throw new Error(`the quiet user got ${status}`);
    if (i >= 3) samples.push(ms);
  }
  return samples;
}

const row = (what: string, samples: number[]) =>
  `| ${what} | ${percentile(samples, 50)} | ${percentile(samples, 95)} | ${samples.length} |`;

export async function measureLimits(): Promise<void> {
  await withLocalCloud('limits', async (outputs) => {
    const [quiet, noisy] = await Promise.all([createConfirmedUser(), createConfirmedUser()]);
    const alone = await quietRun(quiet.tokens.accessToken);

    let stop = false;
    const noisyStatuses = new Map<number, number>();
    const noisyStarted = performance.now();
    const loops = Array.from({ length: NOISY_IN_FLIGHT }, async () => {
      while (!stop) {
        const { status } = await timedGet('/v1/accounts', noisy.tokens.accessToken);
        noisyStatuses.set(status, (noisyStatuses.get(status) ?? 0) + 1);
      }
    });
    // Let the noisy user spend its burst first, so the quiet one is measured while it is limited.
    while (!stop && (noisyStatuses.get(429) ?? 0) === 0 && performance.now() - noisyStarted < 30_000) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const beside = await quietRun(quiet.tokens.accessToken);
    stop = true;
    await Promise.all(loops);
    const noisySeconds = (performance.now() - noisyStarted) / 1000;

    console.log('| quiet user, GET /v1/accounts | p50 ms | p95 ms | samples |');
    console.log('| --- | --- | --- | --- |');
    console.log(row('alone', alone));
    console.log(row(`while a noisy user fires from ${NOISY_IN_FLIGHT} loops`, beside));
    const admitted = noisyStatuses.get(200) ?? 0;
    const refused = noisyStatuses.get(429) ?? 0;
    console.log(
      `\nNoisy user: ${admitted + refused} requests in ${noisySeconds.toFixed(1)} s, ${admitted} answered 200 (${(admitted / noisySeconds).toFixed(1)}/s; budget ${requestBudgets.standard.ratePerSecond}/s, bursts of ${requestBudgets.standard.burst}), ${refused} answered 429` +
        ([...noisyStatuses.keys()].some((s) => s !== 200 && s !== 429)
          ? `; others: ${JSON.stringify([...noisyStatuses])}`
          : ''),
    );

    // The limiter alone, against the same DynamoDB Local: what it adds to a request.
    const meter = meteredClient(outputs);
    const budget = requestBudgets.standard;
    const limiter = createRateLimiter({ db: meter.db, tableName: outputs.TableName });
    const timedTake = async (principal: string) => {
      const started = performance.now();
      const capacity: Capacity = await meter.measure(() => limiter.take('standard', budget, principal));
      return { ms: performance.now() - started, capacity };
    };
    const steady: number[] = [];
    const steadyUnits: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      // A caller below its rate: a fresh principal each time, as an idle caller's item has passed.
      const { ms, capacity } = await timedTake(`bench:steady-${i}`);
      steady.push(ms);
      steadyUnits.push(capacity.write);
    }
    const burst: number[] = [];
    const burstUnits: number[] = [];
    for (let i = 0; i < budget.burst; i++) {
      const { ms, capacity } = await timedTake('bench:burst');
      burst.push(ms);
      burstUnits.push(capacity.write);
    }
    const fresh = createRateLimiter({ db: meter.db, tableName: outputs.TableName });
    const coldBurst = await meter.measure(() => fresh.take('standard', budget, 'bench:burst-elsewhere'));
    const coldBurstNext = await meter.measure(async () => {
      // A second environment that has not seen this caller's burst: its first try misses.
      await fresh.take('standard', budget, 'bench:burst-elsewhere');
      const other = createRateLimiter({ db: meter.db, tableName: outputs.TableName });
      await other.take('standard', budget, 'bench:burst-elsewhere');
    });
    meter.destroy();
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    console.log('\n| the limiter alone (one take, DynamoDB Local) | p50 ms | p95 ms | WRU per request | calls |');
    console.log('| --- | --- | --- | --- | --- |');
    console.log(
      `| a caller below its rate | ${percentile(steady, 50)} | ${percentile(steady, 95)} | ${mean(steadyUnits).toFixed(2)} | 1 |`,
    );
    console.log(
      `| a caller inside a burst this environment has seen | ${percentile(burst, 50)} | ${percentile(burst, 95)} | ${mean(burstUnits).toFixed(2)} | 1 |`,
    );
    console.log(
      `| two more requests of a burst, the second from an environment that has not seen it | — | — | ${coldBurstNext.write} (+ ${coldBurst.write} for the first) | ${coldBurstNext.calls} |`,
    );
    console.log(
      '\nA failed conditional write (the missed first try, a refusal) reports no capacity to the client; AWS bills it 1 WRU.',
    );
  });
}
