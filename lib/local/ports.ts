/**
 * Where each emulated service listens: fixed offsets from one base port, so a second `npm start`
 * (and the e2e suite) finds everything at the same addresses. Everything binds to loopback only:
 * the local cloud has no authentication of its own beyond Cognito tokens.
 */
import { createServer } from 'node:net';

export const LOOPBACK = '127.0.0.1';
/** The account and region every local ARN, event envelope and SDK client uses. */
export const LOCAL_ACCOUNT_ID = '000000000000';
export const LOCAL_REGION = 'eu-west-1';
export const DEFAULT_BASE_PORT = 4010;

type LocalPorts = {
  api: number;
  cognito: number;
  dynamodb: number;
  eventBridge: number;
  outbox: number;
  sqs: number;
  lambda: number;
  ecb: number;
  scheduler: number;
  s3: number;
  stripe: number;
  secretsManager: number;
  ssm: number;
};

const OFFSETS: LocalPorts = {
  api: 0,
  cognito: 1,
  dynamodb: 2,
  eventBridge: 3,
  outbox: 4,
  sqs: 5,
  lambda: 6,
  ecb: 7,
  scheduler: 8,
  s3: 9,
  stripe: 10,
  secretsManager: 11,
  ssm: 12,
};
/** How many consecutive ports one local cloud takes. */
export const PORTS_PER_CLOUD = Object.keys(OFFSETS).length;

export function portsFrom(base: number): LocalPorts {
  if (!Number.isInteger(base) || base < 1024 || base > 65536 - PORTS_PER_CLOUD) {
    throw new Error(`Base port must be an integer between 1024 and ${65536 - PORTS_PER_CLOUD}, got ${base}`);
  }
  return {
    api: base + OFFSETS.api,
    cognito: base + OFFSETS.cognito,
    dynamodb: base + OFFSETS.dynamodb,
    eventBridge: base + OFFSETS.eventBridge,
    outbox: base + OFFSETS.outbox,
    sqs: base + OFFSETS.sqs,
    lambda: base + OFFSETS.lambda,
    ecb: base + OFFSETS.ecb,
    scheduler: base + OFFSETS.scheduler,
    s3: base + OFFSETS.s3,
    stripe: base + OFFSETS.stripe,
    secretsManager: base + OFFSETS.secretsManager,
    ssm: base + OFFSETS.ssm,
  };
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, LOOPBACK, () => probe.close(() => resolve(true)));
  });
}

/**
 * Fails before anything starts when a port is taken (typically: another local cloud still runs),
 * instead of half-starting and failing on the fourth service with an obscure EADDRINUSE.
 */
export async function assertPortsFree(ports: LocalPorts): Promise<void> {
  const entries = Object.entries(ports) as [keyof LocalPorts, number][];
  const taken = [];
  for (const [name, port] of entries) {
    if (!(await isFree(port))) taken.push(`${name} (${port})`);
  }
  if (taken.length > 0) {
    throw new Error(
      `Port(s) already in use on ${LOOPBACK}: ${taken.join(', ')}. Is another local cloud running? Use --port <base> to move.`,
    );
  }
}

export function localUrl(port: number): string {
  return `http://${LOOPBACK}:${port}`;
}
