/**
 * The stack names `index.handler` for every function; this checks that each entry's bundle really
 * exports `handler`, bundled the way NodejsFunction bundles it. A missing entry fails here too.
 */
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { bundlingDefaults } from '../../lib/catalog/bundling';
import { functions } from '../../lib/catalog/functions';
import { repoRoot } from '../../lib/constructs/moneta-function';

async function exportsOf(entry: string): Promise<string[]> {
  const result = await build({
    entryPoints: [resolve(repoRoot, entry)],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'node',
    logLevel: 'silent',
    external: ['@aws-sdk/*'],
    loader: { ...bundlingDefaults.loader },
    outdir: 'out',
  });
  return Object.values(result.metafile.outputs).flatMap((output) => output.exports);
}

describe('function entries', () => {
  it.each(functions)('$entry exports handler', async (spec) => {
    await expect(exportsOf(spec.entry)).resolves.toContain('handler');
  });
});
