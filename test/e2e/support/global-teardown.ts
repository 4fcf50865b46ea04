/** Jest global teardown of the e2e project: stops the local cloud global-setup started, if any. */
import type { E2eGlobals } from './global-setup';
import { stopLocalCloud } from './local-cloud-process';

export default async function globalTeardown() {
  const cloud = (globalThis as E2eGlobals).__monetaLocalCloud;
  if (!cloud) return;
  const started = Date.now();
  await stopLocalCloud(cloud.child);
  process.stdout.write(`e2e: local cloud stopped in ${Date.now() - started} ms\n`);
  (globalThis as E2eGlobals).__monetaLocalCloud = undefined;
}
