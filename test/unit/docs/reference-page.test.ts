/** The API reference page and its assets (functions/api/docs): what a browser receives. */
import { handler as assetHandler } from '../../../functions/api/docs/asset';
import { handler as pageHandler } from '../../../functions/api/docs/get';
import { buildOpenApiDocument } from '../../../shared/app/openapi';
import { REFERENCE_ASSETS } from '../../../shared/app/reference-operations';
import { httpEvent, lambdaContext } from '../support/http-event';

const origin = 'https://api.example.test';

async function get(
  handler: typeof pageHandler | typeof assetHandler,
  path: string,
  pathParameters?: Record<string, string>,
) {
  const result = await handler(
    httpEvent({
      method: 'GET',
      path,
      headers: { 'x-forwarded-proto': 'https' },
      ...(pathParameters ? { pathParameters } : {}),
    }),
    lambdaContext(),
  );
  const headers = Object.fromEntries(
    Object.entries(result.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)]),
  );
  return { status: result.statusCode, headers, body: String(result.body ?? '') };
}

/** The document the page embeds, from its JSON data block. */
function embeddedDocument(html: string) {
  const match = /<script type="application\/json" id="openapi-document">([^<]*)<\/script>/.exec(html);
  if (!match) throw new Error('no document in the page');
  return JSON.parse(match[1]!);
}

describe('GET /v1/docs', () => {
  it('is an HTML page with a strict policy: only its own scripts and styles, calls to this API only, no framing', async () => {
    const page = await get(pageHandler, '/v1/docs');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    const policy = page.headers['content-security-policy']!;
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain(`connect-src 'self' ${origin}`);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('unsafe-eval');
    // Every executable script is a file of its own; the only inline one is the JSON data block.
    const scripts = [...page.body.matchAll(/<script([^>]*)>([^<]*)<\/script>/g)];
    for (const [, attributes, content] of scripts) {
      if (attributes!.includes('type="application/json"')) continue;
      expect({ attributes, content }).toEqual({ attributes: expect.stringMatching(/ src="docs\//), content: '' });
    }
    // Nothing is loaded from elsewhere: every file the page links is one of this API's.
    for (const [, link] of page.body.matchAll(/ (?:src|href)="([^"]*)"/g)) expect(link).toMatch(/^(docs\/|data:,$)/);
  });

  it('embeds the whole document, with this API as its server and how to get a token', async () => {
    const document = embeddedDocument((await get(pageHandler, '/v1/docs')).body);
    const built = buildOpenApiDocument() as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths).sort()).toEqual(Object.keys(built.paths).sort());
    expect(document.servers).toEqual([{ url: origin, description: 'This API' }]);
    expect(document.info.description).toContain('POST /v1/auth/confirm');
    expect(document.info.description).toContain('outbox');
  });
});

describe('GET /v1/docs/{asset}', () => {
  it.each(REFERENCE_ASSETS)('serves %s from the function, cached, with the same policy', async (asset) => {
    const file = await get(assetHandler, `/v1/docs/${asset}`, { asset });
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toMatch(asset.endsWith('.css') ? /^text\/css/ : /^text\/javascript/);
    expect(file.headers['cache-control']).toBe('public, max-age=86400');
    expect(file.headers['content-security-policy']).toContain("default-src 'none'");
    expect(file.body.length).toBeGreaterThan(asset === 'reference.js' ? 100 : 100_000);
  });

  it('answers 404 problem+json for any other file', async () => {
    const missing = await get(assetHandler, '/v1/docs/index.html', { asset: 'index.html' });
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toBe('application/problem+json');
    expect(JSON.parse(missing.body).type).toBe('urn:moneta:problem:not-found');
  });
});
