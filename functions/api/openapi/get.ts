/**
 * GET /v1/openapi.json (public): the OpenAPI 3.1 document of this API. It is the committed
 * docs/openapi.json, bundled into the function, so serving it costs no generation and no zod at
 * run time; a unit test keeps that file equal to what the route table and the schemas generate.
 */
import openApiDocument from '../../../docs/openapi.json';
import { openapiGet } from '../../../shared/app/openapi-operation';
import { route } from '../../../shared/kit/http/api-handler';

export const handler = route(openapiGet, async () => ({
  status: 200,
  body: openApiDocument,
  // The document only changes with a deployment.
  headers: { 'cache-control': 'public, max-age=300' },
}));
