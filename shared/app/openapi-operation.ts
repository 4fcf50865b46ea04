/**
 * GET /v1/openapi.json, declared once (shared/kit/http/operation.ts). Its own module, not in
 * ./operations.ts, so its handler bundles this declaration and not every feature's.
 */
import { defineOperation, noParams } from '../kit/http/operation';

export const openapiGet = defineOperation({
  function: 'openapi-get',
  feature: 'docs',
  entry: 'functions/api/openapi/get.ts',
  method: 'GET',
  path: '/v1/openapi.json',
  auth: 'public',
  functionDescription: 'Serves the OpenAPI 3.1 document',
  summary: 'This document',
  request: { query: noParams },
  response: { status: 200, description: 'The OpenAPI 3.1 document' },
});
