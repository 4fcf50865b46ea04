/**
 * GET /v1/docs/{asset} (public): the reference page's scripts and styles. Swagger UI's files are
 * bundled into this function as text (esbuild's `with { type: 'text' }`), so the page loads
 * nothing from elsewhere and works offline; no other function bundles them.
 */

import swaggerUiCss from 'swagger-ui-dist/swagger-ui.css' with { type: 'text' };
import swaggerUiBundle from 'swagger-ui-dist/swagger-ui-bundle.js' with { type: 'text' };
import { docsAssetGet, type ReferenceAsset } from '../../../shared/app/reference-operations';
import { referenceScript, referenceSecurityHeaders } from '../../../shared/app/reference-page';
import { route } from '../../../shared/kit/http/api-handler';
import { NotFound } from '../../../shared/kit/http/problems';

const assets: Record<ReferenceAsset, { text: string; contentType: string }> = {
  'swagger-ui.css': { text: swaggerUiCss, contentType: 'text/css; charset=utf-8' },
  'swagger-ui-bundle.js': { text: swaggerUiBundle, contentType: 'text/javascript; charset=utf-8' },
  'reference.js': { text: referenceScript, contentType: 'text/javascript; charset=utf-8' },
};

export const handler = route(docsAssetGet, async ({ path, origin }) => {
  const asset = Object.hasOwn(assets, path.asset) ? assets[path.asset as ReferenceAsset] : undefined;
  if (!asset) throw new NotFound('file');
  return {
    status: 200,
    text: asset.text,
    headers: {
      'content-type': asset.contentType,
      // The files change only with a deployment; a day's caching spares a reader's reloads.
      'cache-control': 'public, max-age=86400',
      ...referenceSecurityHeaders(origin),
    },
  };
});
