/**
 * Jest global setup of the e2e project. With E2E_OUTPUTS_FILE set, the suite targets that
 * deployment as it is. Otherwise it starts the local cloud (in memory, on free ports) and points
 * the suite at the outputs file the cloud writes.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PORTS_PER_CLOUD } from '../../../lib/local/ports';
import { type LocalCloud, startLocalCloud } from './local-cloud-process';
import { OUTPUTS_FILE_VARIABLE, parseOutputsFile } from './outputs';

/** Global setup and teardown share one process; this is how the teardown finds the child. */
export type E2eGlobals = { __monetaLocalCloud?: LocalCloud };

export default async function globalSetup(_globalConfig: unknown, projectConfig: { rootDir: string }) {
  const given = process.env[OUTPUTS_FILE_VARIABLE];
  if (given) {
    const outputs = parseOutputsFile(given);
    process.stdout.write(`\ne2e: targeting ${outputs.ApiUrl} from ${given}\n`);
    return;
  }
  const workDir = mkdtempSync(join(tmpdir(), 'moneta-e2e-'));
  const started = Date.now();
  const cloud = await startLocalCloud(projectConfig.rootDir, workDir);
  (globalThis as E2eGlobals).__monetaLocalCloud = cloud;
  // Test workers are forked after global setup, so they inherit this variable.
  process.env[OUTPUTS_FILE_VARIABLE] = cloud.outputsFile;
  const outputs = parseOutputsFile(cloud.outputsFile);
  process.stdout.write(
    `\ne2e: local cloud ready on ports ${cloud.basePort}-${cloud.basePort + PORTS_PER_CLOUD - 1} in ${Date.now() - started} ms (${outputs.ApiUrl})\n`,
  );
}
