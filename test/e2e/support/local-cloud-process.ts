/**
 * Starts and stops the local cloud as a child process for the e2e suite: free ports, readiness,
 * the tail of its output when start-up fails, and a teardown that leaves no process (DynamoDB
 * Local's JVM included) behind.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, join } from 'node:path';

import { PORTS_PER_CLOUD } from '../../../lib/local/ports';

/**
 * Platform delays (Lambda's retry waits, the consumer retry window of a day) run 2000× faster,
 * so "fails for longer than the platform retries" takes seconds (docs/local-cloud.md).
 */
export const E2E_TIME_SCALE = 0.0005;
const READY_LINE = 'Moneta local cloud is ready';
// Start-up bundles every function with esbuild first: on a loaded two-core machine that alone can take
// minutes. The limit only catches a start that hangs; nothing waits on it to be fast.
const START_TIMEOUT_MS = 600_000;
const STOP_GRACE_MS = 10_000;
const TAIL_LINES = 200;

export type LocalCloud = {
  child: ChildProcess;
  basePort: number;
  outputsFile: string;
  /** Last lines the cloud printed (stdout and stderr interleaved), for failure reports. */
  tail: () => string;
};

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** A base port whose next PORTS_PER_CLOUD ports are all free (random start avoids parallel runs colliding). */
async function findFreeBasePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 20_000 + Math.floor(Math.random() * 30_000);
    const checks = await Promise.all(Array.from({ length: PORTS_PER_CLOUD }, (_, i) => portIsFree(base + i)));
    if (checks.every(Boolean)) return base;
  }
  throw new Error(`No ${PORTS_PER_CLOUD} consecutive free ports found`);
}

export async function startLocalCloud(repoRoot: string, workDir: string): Promise<LocalCloud> {
  const basePort = await findFreeBasePort();
  const outputsFile = join(workDir, 'outputs.json');
  const tsx = join(repoRoot, 'node_modules', '.bin', 'tsx');
  const child = spawn(
    tsx,
    [
      'bin/local-cloud.ts',
      '--in-memory',
      '--port',
      String(basePort),
      '--outputs-file',
      outputsFile,
      '--time-scale',
      String(E2E_TIME_SCALE),
    ],
    // Its own process group, so teardown can signal the cloud and everything it spawned at once.
    {
      cwd: repoRoot,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      // tsx's shebang is `env node`: the pinned Node 22 in node_modules/.bin must come first on PATH.
      env: { ...process.env, PATH: `${join(repoRoot, 'node_modules', '.bin')}${delimiter}${process.env.PATH ?? ''}` },
    },
  );

  const lines: string[] = [];
  let ready = false;
  let onReady: () => void = () => {};
  const readyPromise = new Promise<void>((resolve) => {
    onReady = resolve;
  });
  const collect = (stream: NodeJS.ReadableStream | null) => {
    let partial = '';
    // Keep draining after start-up too: a full pipe would block the cloud.
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      const parts = (partial + chunk).split('\n');
      partial = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        if (lines.length > TAIL_LINES) lines.shift();
        if (!ready && line.includes(READY_LINE)) {
          ready = true;
          onReady();
        }
      }
    });
  };
  collect(child.stdout);
  collect(child.stderr);
  const tail = () => lines.join('\n');

  const exited = new Promise<never>((_, reject) => {
    child.once('error', (error) => reject(new Error(`Local cloud could not start: ${error.message}`)));
    child.once('exit', (code, signal) =>
      reject(new Error(`Local cloud exited before it was ready (code ${code}, signal ${signal})`)),
    );
  });
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`Local cloud not ready after ${START_TIMEOUT_MS / 1000} s`)),
      START_TIMEOUT_MS,
    );
  });
  try {
    await Promise.race([readyPromise, exited, timedOut]);
    if (!existsSync(outputsFile)) throw new Error(`Local cloud is ready but wrote no ${outputsFile}`);
  } catch (error) {
    process.stderr.write(`\n--- last ${TAIL_LINES} lines of the local cloud ---\n${tail()}\n---\n`);
    await stopLocalCloud(child);
    throw error;
  } finally {
    clearTimeout(timer);
  }
  // The exit rejection is expected once teardown stops the cloud; nobody awaits it after start-up.
  exited.catch(() => {});
  return { child, basePort, outputsFile, tail };
}

/** Linux: every descendant pid of `root`, read from /proc (empty elsewhere). */
function descendants(root: number): number[] {
  if (!existsSync('/proc')) return [];
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // Field 4 of /proc/<pid>/stat is the parent pid; the command name (field 2) may hold spaces.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parentOf.set(Number(entry), Number(fields[1]));
    } catch {
      // The process ended while we looked.
    }
  }
  const found: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const parent = queue.shift()!;
    for (const [pid, ppid] of parentOf) {
      if (ppid === parent && !found.includes(pid)) {
        found.push(pid);
        queue.push(pid);
      }
    }
  }
  return found;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // Already gone.
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * SIGTERM to the cloud's process group, SIGKILL after STOP_GRACE_MS. Descendants are listed first,
 * by pid, so one that left the group (a JVM started in its own session) is ended too.
 */
export async function stopLocalCloud(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  const family = [pid, ...descendants(pid)];
  signal(-pid, 'SIGTERM');
  for (const member of family) signal(member, 'SIGTERM');
  const deadline = Date.now() + STOP_GRACE_MS;
  while (Date.now() < deadline && family.some(isAlive)) await sleep(100);
  const survivors = family.filter(isAlive);
  if (survivors.length > 0) {
    process.stderr.write(`Local cloud did not stop in ${STOP_GRACE_MS / 1000} s; killing ${survivors.join(', ')}\n`);
    signal(-pid, 'SIGKILL');
    for (const member of survivors) signal(member, 'SIGKILL');
  }
}
