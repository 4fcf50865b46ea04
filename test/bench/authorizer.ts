/**
 * The Lambda authorizer (local cloud): what it adds to a request, and what one instance sustains.
 * Printed:
 * - GET /v1/me over HTTP, one request at a time, p50/p95, with the authorizer's answer cached (the
 *   gateway keeps it 5 s per Authorization header) and uncached. An uncached request is made by
 *   sending the same access token under an Authorization header the cache has not seen
 *   (`Bearer` followed by one more space each time): API Gateway's cache key is the header's value,
 *   so each such request invokes the authorizer, exactly as a fresh token or an expired cache does;
 * - the same for a signed-out access token, which the authorizer refuses and the route's function
 *   answers with its 401 problem before anything else (no budget, no read);
 * - the authorizer's own work, run in this process against the same issuer and DynamoDB Local
 *   (aws-jwt-verify's signature check + one strongly consistent GetItem for a session; one GetItem,
 *   and at most one UpdateItem a minute, for a personal API token): p50/p95 per authorization,
 *   read units and calls per authorization (exact), and authorizations per second of one
 *   instance, sequential and uncached (a Lambda environment runs one invocation at a time).
 */
import { createAccessTokenVerifier } from '../../shared/sessions/access-tokens';
import { createAuthorizer } from '../../shared/sessions/authorize';
import { createSessionStore } from '../../shared/sessions/store';
import { api } from '../e2e/support/api-client';
import { stackOutputs } from '../e2e/support/outputs';
import { createConfirmedUser } from '../e2e/support/users';
import { type Capacity, meteredClient, percentile, withLocalCloud } from './measure';

const SAMPLES = Number(process.env.BENCH_AUTHORIZER_SAMPLES ?? 100);
const CACHE_TTL_MS = 5000;
/** Two requests (three when the cached answer is renewed) every 250 ms: 12/s at most. */
const PAIR_INTERVAL_MS = 250;

async function timedGet(path: string, authorization: string, expected = 200): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${stackOutputs().ApiUrl}${path}`, { headers: { authorization } });
  await response.arrayBuffer();
  const ms = performance.now() - started;
  if (response.status !== expected) throw new Error(`GET ${path} answered ${response.status}`);
  return ms;
}

const row = (what: string, samples: number[], extra = '') =>
  `| ${what} | ${percentile(samples, 50)} | ${percentile(samples, 95)} | ${samples.length} |${extra}`;

export async function measureAuthorizer(): Promise<void> {
  await withLocalCloud('authorizer', async (outputs) => {
    const user = await createConfirmedUser();
    const accessToken = user.tokens.accessToken;
    const bearer = `Bearer ${accessToken}`;
    for (let i = 0; i < 5; i++) await timedGet('/v1/me', bearer); // warm the function and the authorizer

    // Alternately, so a varying load on the machine weighs on both alike:
    // cached: the answer for `bearer` is at most CACHE_TTL_MS old (renewed, unmeasured, before it lapses);
    // uncached: a header value the gateway's cache has never seen, so the authorizer runs every time.
    const cached: number[] = [];
    const uncached: number[] = [];
    let primedAt = 0;
    let pairStarted = 0;
    while (cached.length < SAMPLES) {
      // Paced below the caller's request budget (20/s): a 429 would end the run, and is not what is measured.
      const wait = pairStarted + PAIR_INTERVAL_MS - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      pairStarted = performance.now();
      if (performance.now() - primedAt > CACHE_TTL_MS - 1000) {
        await timedGet('/v1/me', bearer);
        primedAt = performance.now();
      }
      cached.push(await timedGet('/v1/me', bearer));
      uncached.push(await timedGet('/v1/me', `Bearer${' '.repeat(uncached.length + 2)}${accessToken}`));
    }

    console.log('| GET /v1/me over HTTP, one at a time | p50 ms | p95 ms | samples |');
    console.log('| --- | --- | --- | --- |');
    console.log(row('authorizer answer cached (same Authorization header within 5 s)', cached));
    console.log(row('authorizer invoked (a header the cache has not seen)', uncached));
    console.log(
      `\nWhat an authorizer invocation adds over HTTP: ${(percentile(uncached, 50) - percentile(cached, 50)).toFixed(1)} ms at p50, ${(percentile(uncached, 95) - percentile(cached, 95)).toFixed(1)} ms at p95.`,
    );

    // A refused token: signed out, so the authorizer refuses it and the route's function answers 401.
    const signedOut = await createConfirmedUser();
    const refusedBearer = `Bearer ${signedOut.tokens.accessToken}`;
    const loggedOut = await api.post(
      '/v1/auth/logout',
      { refreshToken: signedOut.tokens.refreshToken },
      { token: signedOut.tokens.accessToken },
    );
    if (loggedOut.status !== 204) throw new Error(`POST /v1/auth/logout answered ${loggedOut.status}`);
    await new Promise((resolve) => setTimeout(resolve, CACHE_TTL_MS + 500)); // the accepted answer lapses
    for (let i = 0; i < 5; i++) await timedGet('/v1/me', refusedBearer, 401);
    const refusedCached: number[] = [];
    const refusedUncached: number[] = [];
    pairStarted = 0;
    primedAt = performance.now();
    while (refusedCached.length < SAMPLES) {
      const wait = pairStarted + PAIR_INTERVAL_MS - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      pairStarted = performance.now();
      if (performance.now() - primedAt > CACHE_TTL_MS - 1000) {
        await timedGet('/v1/me', refusedBearer, 401);
        primedAt = performance.now();
      }
      refusedCached.push(await timedGet('/v1/me', refusedBearer, 401));
      refusedUncached.push(
        await timedGet('/v1/me', `Bearer${' '.repeat(refusedUncached.length + 2)}${signedOut.tokens.accessToken}`, 401),
      );
    }
    console.log('\n| GET /v1/me with a signed-out token (401 problem from the route) | p50 ms | p95 ms | samples |');
    console.log('| --- | --- | --- | --- |');
    console.log(row('authorizer refusal cached', refusedCached));
    console.log(row('authorizer invoked', refusedUncached));

    // The authorizer alone, in this process: the same code the function runs, against the same issuer and table.
    const meter = meteredClient(outputs);
    const issuer = String(JSON.parse(Buffer.from(accessToken.split('.')[1]!, 'base64url').toString('utf8')).iss);
    const authorize = createAuthorizer({
      verifyAccessToken: createAccessTokenVerifier({ issuer, clientId: outputs.UserPoolClientId }),
      store: createSessionStore({ db: meter.db, tableName: outputs.TableName }),
    });
    const created = await api.post(
      '/v1/tokens',
      { name: 'bench', scopes: ['read'], password: user.password },
      { token: accessToken },
    );
    if (created.status !== 201) throw new Error(`POST /v1/tokens answered ${created.status}`);
    const apiToken = String(created.json.token);

    const run = async (credential: string) => {
      const event = { type: 'REQUEST', identitySource: [`Bearer ${credential}`] };
      for (let i = 0; i < 5; i++) await authorize(event); // JWKS fetched, code warm
      const samples: number[] = [];
      const units: Capacity[] = [];
      const started = performance.now();
      for (let i = 0; i < SAMPLES; i++) {
        const at = performance.now();
        let allowed = false;
        units.push(
          await meter.measure(async () => {
            allowed = !('refused' in (await authorize(event)).context);
          }),
        );
        samples.push(performance.now() - at);
        if (!allowed) throw new Error('the authorizer refused the bench credential');
      }
      const perSecond = SAMPLES / ((performance.now() - started) / 1000);
      const sum = (key: keyof Capacity) => units.reduce((total, unit) => total + unit[key], 0) / units.length;
      return { samples, perSecond, read: sum('read'), write: sum('write'), calls: sum('calls') };
    };
    const session = await run(accessToken);
    const token = await run(apiToken);
    meter.destroy();
    // The signature check alone (CPU only): what an instance could do if DynamoDB answered at once.
    const verify = createAccessTokenVerifier({ issuer, clientId: outputs.UserPoolClientId });
    const verifySamples: number[] = [];
    const verifyStarted = performance.now();
    for (let i = 0; i < SAMPLES; i++) {
      const at = performance.now();
      await verify(accessToken);
      verifySamples.push(performance.now() - at);
    }
    const verifyPerSecond = SAMPLES / ((performance.now() - verifyStarted) / 1000);

    console.log(
      '\n| the authorizer alone (in process, warm, uncached) | p50 ms | p95 ms | samples | authorizations/s (one instance, sequential) | RRU per authorization | WRU per authorization | DynamoDB calls |',
    );
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
    const line = (what: string, r: Awaited<ReturnType<typeof run>>) =>
      row(
        what,
        r.samples,
        ` ${r.perSecond.toFixed(0)} | ${r.read.toFixed(2)} | ${r.write.toFixed(2)} | ${r.calls.toFixed(2)} |`,
      );
    console.log(line('Cognito access token (JWT verified, session state read)', session));
    console.log(line('personal API token (found by hash; last use written at most once a minute)', token));
    console.log(
      row(
        'the JWT check alone (aws-jwt-verify, RS256, keys cached)',
        verifySamples,
        ` ${verifyPerSecond.toFixed(0)} | 0 | 0 | 0 |`,
      ),
    );
    console.log(
      '\nThe session state is read with ConsistentRead (1 RRU for an item under 4 KB; an eventually consistent read would be 0.5).',
    );
  });
}
