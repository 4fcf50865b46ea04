/**
 * GET /v1/openapi.json (public): the OpenAPI 3.1 document of this API. It is the committed
 * docs/openapi.json, bundled into the function, so serving it costs no generation and no zod at
 * run time; a unit test keeps that file equal to what the route table and the schemas generate.
 *
 * The one route not built on shared/http/api-handler: that wrapper imports the profile store, and
 * with it the whole DynamoDB client and zod (~450 KiB this function never runs). The same
 * Powertools middlewares and the same problem+json for what it refuses (any query parameter).
 */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import openApiDocument from '../../../docs/openapi.json';
import type { HttpApiEvent, HttpApiResult } from '../../../shared/kit/http/api-handler';
import { PROBLEM_CONTENT_TYPE, problemBody, ValidationFailed } from '../../../shared/kit/http/problems';
import { logger, metrics } from '../../../shared/kit/observability';

/** What publicRoute({ query: noParams }) answers to a query parameter: 400, each one "not a known field". */
function unknownQueryParameters(event: HttpApiEvent, names: string[]): HttpApiResult {
  const problem = new ValidationFailed(names.map((field) => ({ in: 'query', field, message: 'is not a known field' })));
  logger.info('Request refused', { status: problem.status, problem: problem.slug });
  return {
    statusCode: problem.status,
    headers: { 'content-type': PROBLEM_CONTENT_TYPE },
    body: JSON.stringify(problemBody(problem, event.rawPath ?? '', event.requestContext?.requestId ?? 'unknown')),
  };
}

/** Serialised on the first request, then reused by the execution environment. */
let documentBody: string | undefined;

export const handler = middy<HttpApiEvent, HttpApiResult>()
  .use(injectLambdaContext(logger, { clearState: true }))
  .use(logMetrics(metrics))
  .handler(async (event) => {
    const unknown = Object.keys(event.queryStringParameters ?? {});
    if (unknown.length > 0) return unknownQueryParameters(event, unknown);
    documentBody ??= JSON.stringify(openApiDocument);
    return {
      statusCode: 200,
      // The document only changes with a deployment.
      headers: { 'content-type': 'application/json', 'cache-control': 'public, max-age=300' },
      body: documentBody,
    };
  });
