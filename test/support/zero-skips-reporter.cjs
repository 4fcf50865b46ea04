/**
 * Fails an e2e run on the local cloud that skipped or left a test to do: there every test can run,
 * so a skip there is a test that silently stopped testing. Against another target (an outputs file
 * without the local cloud's OutboxUrl) skips are expected, each printed with its reason by
 * test/e2e/support/targets.ts, and only counted here.
 *
 * Which target: decided when jest starts, before the e2e global setup runs. No E2E_OUTPUTS_FILE
 * means the setup starts a local cloud; a given file is local when it has the local cloud's outbox.
 */
const { readFileSync } = require('node:fs');

const E2E_FILE = /[\\/]test[\\/]e2e[\\/]/;

function targetIsLocalCloud() {
  const file = process.env.E2E_OUTPUTS_FILE;
  if (!file) return true;
  try {
    const outputs = Object.values(JSON.parse(readFileSync(file, 'utf8')))[0] ?? {};
    return typeof outputs.OutboxUrl === 'string' && outputs.OutboxUrl !== '';
  } catch {
    return false; // global setup reports an unreadable file itself
  }
}

class ZeroSkipsReporter {
  constructor() {
    this.local = targetIsLocalCloud();
    this.error = undefined;
  }

  onRunComplete(_contexts, results) {
    const skipped = [];
    for (const file of results.testResults) {
      if (!E2E_FILE.test(file.testFilePath)) continue;
      for (const test of file.testResults) {
        if (
          test.status === 'pending' ||
          test.status === 'todo' ||
          test.status === 'skipped' ||
          test.status === 'disabled'
        ) {
          skipped.push(`${file.testFilePath.replace(/^.*[\\/]test[\\/]e2e[\\/]/, 'test/e2e/')}: ${test.fullName}`);
        }
      }
    }
    if (skipped.length === 0) return;
    if (!this.local) {
      process.stdout.write(`e2e: ${skipped.length} test(s) skipped on this target (reasons printed above)\n`);
      return;
    }
    this.error = new Error(
      `e2e: ${skipped.length} test(s) skipped on the local cloud, where every test must run:\n  ${skipped.join('\n  ')}`,
    );
    process.stderr.write(`\n${this.error.message}\n`);
  }

  getLastError() {
    return this.error;
  }
}

module.exports = ZeroSkipsReporter;
