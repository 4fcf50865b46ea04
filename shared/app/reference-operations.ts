/**
 * The API reference page (GET /v1/docs) and its assets (GET /v1/docs/{asset}), declared once
 * (shared/kit/http/operation.ts). Their own module, like ./openapi-operation.ts, so their handlers
 * bundle these declarations and not every feature's; and their own functions, so Swagger UI (about
 * 2 MB) is bundled into the asset function only (test/unit/architecture/dependencies.test.ts).
 */
import { defineOperation, noParams } from '../kit/http/operation';
import * as z from '../kit/schema';

/** The files the page loads, all served by the asset function (nothing from a CDN). */
export const REFERENCE_ASSETS = ['swagger-ui.css', 'swagger-ui-bundle.js', 'reference.js'] as const;
export type ReferenceAsset = (typeof REFERENCE_ASSETS)[number];

// Public pages: a reader needs a few requests per visit, never the stage's whole rate.
const referenceThrottle = { ratePerSecond: 5, burst: 20 };

export const docsGet = defineOperation({
  function: 'docs-get',
  feature: 'docs',
  entry: 'functions/api/docs/get.ts',
  method: 'GET',
  path: '/v1/docs',
  auth: 'public',
  functionDescription: 'Serves the API reference page (Swagger UI over the OpenAPI document)',
  summary: 'The API reference in the browser',
  description:
    'An HTML page rendering this document with Swagger UI, this API as its server, and "Try it out" with a bearer token (Authorize). Its scripts and styles come from GET /v1/docs/{asset}; the page sends a strict Content-Security-Policy.',
  throttle: referenceThrottle,
  request: { query: noParams },
  response: { status: 200, description: 'The reference page', contentType: 'text/html; charset=utf-8' },
  examples: {
    response: '<!doctype html><html lang="en"><head><title>Moneta API reference</title>…</head><body>…</body></html>',
  },
});

export const docsAssetGet = defineOperation({
  function: 'docs-asset-get',
  feature: 'docs',
  entry: 'functions/api/docs/asset.ts',
  method: 'GET',
  path: '/v1/docs/{asset}',
  auth: 'public',
  functionDescription: "Serves the API reference page's scripts and styles (Swagger UI, bundled)",
  summary: 'A script or style sheet of the reference page',
  description: 'Swagger UI as published on npm, bundled into the function, and the script that starts it.',
  throttle: referenceThrottle,
  request: {
    query: noParams,
    path: z.lazily(() => z.strictObject({ asset: z.string() })),
  },
  response: { status: 200, description: 'The file', contentType: 'text/javascript; charset=utf-8' },
  examples: { response: '/* Swagger UI */' },
  problems: [{ status: 404, description: `No such file: the page loads ${REFERENCE_ASSETS.join(', ')}` }],
});
