/**
 * GET /v1/docs (public): the API reference page (shared/app/reference-page.ts). The document is
 * the committed docs/openapi.json, bundled into the function (a unit test keeps it equal to what
 * the declarations generate), with this API's origin as its server.
 */
import openApiDocument from '../../../docs/openapi.json';
import { docsGet } from '../../../shared/app/reference-operations';
import { referenceDocument, referencePage, referenceSecurityHeaders } from '../../../shared/app/reference-page';
import { route } from '../../../shared/kit/http/api-handler';

export const handler = route(docsGet, async ({ origin }) => ({
  status: 200,
  text: referencePage(referenceDocument(openApiDocument, origin)),
  headers: {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-cache',
    ...referenceSecurityHeaders(origin),
  },
}));
