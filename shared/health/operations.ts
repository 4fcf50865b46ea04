/** The health route, declared once (shared/kit/http/operation.ts). */
import { defineOperation, noParams } from '../kit/http/operation';
import { healthView } from './views';

export const healthGet = defineOperation({
  function: 'health-get',
  feature: 'health',
  entry: 'functions/api/health/get.ts',
  method: 'GET',
  path: '/v1/health',
  auth: 'public',
  functionDescription: 'Reports whether the table and the event bus answer, and the release',
  summary: 'Whether this deployment can serve: its table and event bus answer, and which release it runs',
  description:
    '200 when every dependency answered, 503 with the same body when one did not. Answers are reused for 5 seconds; no user data, no configuration detail beyond the release.',
  grants: { table: 'read', describeBus: true },
  // Anyone may call it: a monitor needs a few calls a minute, never the stage's whole rate.
  throttle: { ratePerSecond: 2, burst: 10 },
  request: { query: noParams },
  response: { status: 200, description: 'Healthy', schema: () => healthView() },
  problems: [{ status: 503, description: 'A dependency did not answer (the body says which)' }],
});

export const healthOperations = [healthGet] as const;
