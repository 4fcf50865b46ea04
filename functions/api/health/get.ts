/** GET /v1/health (public): whether the table and the bus answer this function (shared/health/check.ts). */
import { version } from '../../../package.json';
import { createHealthCheck, HEALTH_CACHE_MS } from '../../../shared/health/check';
import { healthGet } from '../../../shared/health/operations';
import { eventBridgeClient } from '../../../shared/kit/aws/clients';
import { documentClient } from '../../../shared/kit/aws/document-client';
import { requireEnv } from '../../../shared/kit/config';
import { route } from '../../../shared/kit/http/api-handler';

const health = createHealthCheck({
  db: documentClient(),
  tableName: requireEnv('TABLE_NAME'),
  events: eventBridgeClient(),
  busName: requireEnv('EVENT_BUS_NAME'),
  release: version,
});

export const handler = route(healthGet, async () => {
  const current = await health.current();
  return {
    status: current.status === 'ok' ? 200 : 503,
    body: current,
    headers: { 'cache-control': `public, max-age=${HEALTH_CACHE_MS / 1000}` },
  };
});
