/**
 * The e2e reporter that makes "no skips on the local cloud" hold: a local run with a skipped e2e
 * test fails and names it; a run against another target's outputs file only counts its skips;
 * skips outside test/e2e are not its business.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type TestStatus = 'passed' | 'failed' | 'pending' | 'todo' | 'skipped' | 'disabled';
type Reporter = {
  onRunComplete: (contexts: unknown, results: unknown) => void;
  getLastError: () => Error | undefined;
};

const ZeroSkipsReporter = require('../../support/zero-skips-reporter.cjs') as new () => Reporter;

const results = (files: Record<string, TestStatus[]>) => ({
  testResults: Object.entries(files).map(([path, statuses]) => ({
    testFilePath: `/repo/${path}`,
    testResults: statuses.map((status, i) => ({ status, fullName: `test ${i + 1}` })),
  })),
});

function reporterFor(outputs: Record<string, string> | undefined): Reporter {
  const saved = process.env.E2E_OUTPUTS_FILE;
  if (outputs) {
    const file = join(mkdtempSync(join(tmpdir(), 'moneta-reporter-')), 'outputs.json');
    writeFileSync(file, JSON.stringify({ Moneta: outputs }));
    process.env.E2E_OUTPUTS_FILE = file;
  } else {
    delete process.env.E2E_OUTPUTS_FILE;
  }
  try {
    return new ZeroSkipsReporter();
  } finally {
    if (saved === undefined) delete process.env.E2E_OUTPUTS_FILE;
    else process.env.E2E_OUTPUTS_FILE = saved;
  }
}

const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
const writeErr = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
afterAll(() => {
  write.mockRestore();
  writeErr.mockRestore();
});

const DEPLOYED = { ApiUrl: 'https://api.example/', Region: 'eu-west-1' };
const LOCAL = { ...DEPLOYED, OutboxUrl: 'http://127.0.0.1:4000' };

test('a local-cloud run (no outputs file: the setup starts one) with a skipped e2e test fails, naming it', () => {
  const reporter = reporterFor(undefined);
  reporter.onRunComplete([], results({ 'test/e2e/a.test.ts': ['passed', 'pending'] }));
  expect(reporter.getLastError()?.message).toMatch(
    /1 test\(s\) skipped on the local cloud[\s\S]*test\/e2e\/a\.test\.ts: test 2/,
  );
});

test('an outputs file with the local outbox is the local cloud too: todo and skipped tests fail the run', () => {
  const reporter = reporterFor(LOCAL);
  reporter.onRunComplete([], results({ 'test/e2e/a.test.ts': ['todo', 'skipped', 'passed'] }));
  expect(reporter.getLastError()?.message).toMatch(/2 test\(s\) skipped on the local cloud/);
});

test('another target’s outputs file: skips are counted, not failures', () => {
  const reporter = reporterFor(DEPLOYED);
  reporter.onRunComplete([], results({ 'test/e2e/a.test.ts': ['pending', 'passed'] }));
  expect(reporter.getLastError()).toBeUndefined();
  expect(write).toHaveBeenCalledWith(expect.stringMatching(/1 test\(s\) skipped on this target/));
});

test('a local run without skips passes, and skips outside test/e2e are not counted', () => {
  const reporter = reporterFor(undefined);
  reporter.onRunComplete([], results({ 'test/e2e/a.test.ts': ['passed'], 'test/unit/b.test.ts': ['pending'] }));
  expect(reporter.getLastError()).toBeUndefined();
});
