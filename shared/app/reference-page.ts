/**
 * The API reference page: Swagger UI (swagger-ui-dist, bundled into the asset function: no CDN)
 * over the OpenAPI document, with this API as its server. The document travels in the page as a
 * JSON data block, which a Content-Security-Policy does not treat as script; the only scripts are
 * the bundled files, so the policy allows no inline script at all.
 */
import type { ReferenceAsset } from './reference-operations';

type OpenApiDocument = { info: { description?: string }; [key: string]: unknown };

/** The page's policy: its own files only, calls to this API only, no framing, no forms elsewhere. */
export function referenceContentSecurityPolicy(origin: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    // Swagger UI sets element styles from script (CSSOM), which style-src does not govern.
    "style-src 'self'",
    // Swagger UI's icons are SVG data URIs in its style sheet.
    "img-src 'self' data:",
    `connect-src 'self' ${origin}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Headers every reference response carries besides its content type. */
export function referenceSecurityHeaders(origin: string): Record<string, string> {
  return {
    'content-security-policy': referenceContentSecurityPolicy(origin),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  };
}

/** How to get a token from the page, shown above the operations. */
const gettingAToken =
  '\n\n**Try it with a token.** 1. `POST /v1/auth/signup` with your email and a password. 2. `POST /v1/auth/confirm` with the six-digit code emailed to you: ' +
  'on the local cloud (`npm start`) no email leaves the machine, and the code is in the mail outbox at http://127.0.0.1:4014 (the `outbox` URL the local cloud prints). ' +
  '3. `POST /v1/auth/login`: copy `accessToken` from the answer into **Authorize** (top right), and every "Try it out" sends it as a bearer token.';

/** The document as the page shows it: this API as its only server, and how to get a token. */
export function referenceDocument(document: OpenApiDocument, origin: string): OpenApiDocument {
  return {
    ...document,
    info: { ...document.info, description: `${document.info.description ?? ''}${gettingAToken}` },
    servers: [{ url: origin, description: 'This API' }],
  };
}

/** JSON that cannot end the element it sits in (`</script>`) nor open a comment. */
function jsonForHtml(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

const assetPath = (asset: ReferenceAsset) => `docs/${asset}`;

/**
 * The page. Asset links are relative to /v1/docs (`docs/<file>` is /v1/docs/<file>), so the page
 * works under any base path.
 */
export function referencePage(document: OpenApiDocument): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Moneta API reference</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${assetPath('swagger-ui.css')}">
</head>
<body>
<div id="reference"></div>
<script type="application/json" id="openapi-document">${jsonForHtml(document)}</script>
<script src="${assetPath('swagger-ui-bundle.js')}"></script>
<script src="${assetPath('reference.js')}"></script>
</body>
</html>
`;
}

/** Starts Swagger UI on the document in the page (served as /v1/docs/reference.js: no inline script). */
export const referenceScript = `(function () {
  var spec = JSON.parse(document.getElementById('openapi-document').textContent);
  window.ui = SwaggerUIBundle({
    spec: spec,
    dom_id: '#reference',
    deepLinking: true,
    persistAuthorization: false,
    tryItOutEnabled: false,
    displayOperationId: true,
    defaultModelsExpandDepth: 0,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout'
  });
})();
`;
