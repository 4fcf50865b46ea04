/**
 * How every function is bundled, for the stack (NodejsFunction) and the local cloud (esbuild)
 * alike: ESM for Node 22, minified, with source maps and names kept for readable stack traces.
 */
const NODE_TARGET = 'node22';

/** ESM bundles still meet CommonJS dependencies that call require(); give them one. */
const ESM_REQUIRE_BANNER =
  "import { createRequire as __monetaCreateRequire } from 'node:module'; const require = __monetaCreateRequire(import.meta.url);";

export const bundlingDefaults = {
  format: 'esm',
  target: NODE_TARGET,
  minify: true,
  sourcemap: true,
  /**
   * Maps name files and lines for stack traces without embedding every source file: that halves
   * cdk.out (the SDK's sources were ~4 MB of each map) and the map Node parses at the first error.
   */
  sourcesContent: false,
  keepNames: true,
  mainFields: ['module', 'main'],
  banner: ESM_REQUIRE_BANNER,
  /** Reference data (the ECB snapshot) is bundled as text, so a function needs no file system. */
  loader: { '.csv': 'text' },
} as const;
