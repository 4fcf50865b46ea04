/**
 * DynamoDB Local: the real AWS server (Java) bundled in amplify-dynamodb-simulator, and the
 * Moneta table created from the same definition the stack uses (keys, GSIs, stream, TTL).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import {
  type AttributeDefinition,
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  ListTablesCommand,
  ResourceInUseException,
  ResourceNotFoundException,
  type TableDescription,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { tableDefinition } from '../../shared/kit/dynamodb/table-definition';
import type { RunningService } from './contracts';

/** Local servers ignore credentials and region, but the SDK insists on having some. */
export const LOCAL_CLIENT_CONFIG = {
  region: 'eu-west-1',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
} as const;

const STARTUP_TIMEOUT_MS = 60_000;

function emulatorDir(): string {
  // Resolved through the package, not a path relative to this file, so it works from tsx and jest.
  const require = createRequire(resolve('package.json'));
  return join(dirname(require.resolve('amplify-dynamodb-simulator/package.json')), 'emulator');
}

export async function startDynamoDbLocal(opts: { port: number; dataDir?: string }): Promise<RunningService> {
  const dir = emulatorDir();
  const storage = opts.dataDir ? ['-dbPath', resolve(opts.dataDir)] : ['-inMemory'];
  if (opts.dataDir) await mkdir(opts.dataDir, { recursive: true });
  const child = spawn(
    'java',
    [
      `-Djava.library.path=${join(dir, 'DynamoDBLocal_lib')}`,
      '-jar',
      join(dir, 'DynamoDBLocal.jar'),
      '-sharedDb',
      '-disableTelemetry',
      '-port',
      String(opts.port),
      ...storage,
    ],
    // Attached (not detached) so it shares our process group and dies with a Ctrl-C.
    { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const remember = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', remember);
  child.stderr?.on('data', remember);

  // If our process exits for any reason, the Java server must not outlive it.
  const killOnExit = () => child.kill('SIGKILL');
  process.on('exit', killOnExit);

  const url = `http://127.0.0.1:${opts.port}`;
  try {
    await waitUntilAnswering(url, child, () => output);
  } catch (error) {
    child.kill('SIGKILL');
    process.off('exit', killOnExit);
    throw error;
  }
  return {
    url,
    stop: async () => {
      process.off('exit', killOnExit);
      await terminate(child);
    },
  };
}

async function waitUntilAnswering(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const client = new DynamoDBClient({ ...LOCAL_CLIENT_CONFIG, endpoint: url, maxAttempts: 1 });
  let exited: string | undefined;
  child.once('exit', (code, signal) => {
    exited = `exited with ${code ?? signal}`;
  });
  child.once('error', (error) => {
    exited = `could not start: ${error.message} (is Java 17+ installed?)`;
  });
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  try {
    while (Date.now() < deadline) {
      if (exited) throw new Error(`DynamoDB Local ${exited}\n${output()}`);
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    throw new Error(`DynamoDB Local did not answer on ${url} within ${STARTUP_TIMEOUT_MS / 1000}s\n${output()}`);
  } finally {
    client.destroy();
  }
}

function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(force);
      done();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Creates the table as the stack does. A table kept from an earlier run keeps its data; an index
 * added to the definition since is added to it, as a deploy would.
 */
export async function ensureTable(endpoint: string, tableName: string): Promise<void> {
  const client = new DynamoDBClient({ ...LOCAL_CLIENT_CONFIG, endpoint });
  try {
    const existing = await describe(client, tableName);
    if (existing) await addMissingIndexes(client, existing);
    else await createTable(client, tableName);
    const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
    if (ttl.TimeToLiveDescription?.TimeToLiveStatus !== 'ENABLED') {
      await client.send(
        new UpdateTimeToLiveCommand({
          TableName: tableName,
          TimeToLiveSpecification: { AttributeName: tableDefinition.ttlAttribute, Enabled: true },
        }),
      );
    }
  } finally {
    client.destroy();
  }
}

async function describe(client: DynamoDBClient, tableName: string): Promise<TableDescription | undefined> {
  try {
    return (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw error;
  }
}

const stringAttribute = (name: string): AttributeDefinition => ({ AttributeName: name, AttributeType: 'S' });

function indexSpec(gsi: (typeof tableDefinition.globalSecondaryIndexes)[number]) {
  return {
    IndexName: gsi.indexName,
    KeySchema: [
      { AttributeName: gsi.partitionKey, KeyType: 'HASH' as const },
      { AttributeName: gsi.sortKey, KeyType: 'RANGE' as const },
    ],
    Projection: { ProjectionType: 'ALL' as const },
  };
}

async function addMissingIndexes(client: DynamoDBClient, table: TableDescription): Promise<void> {
  const present = new Set((table.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName));
  // One index per UpdateTable call, and the next only once that one is built: DynamoDB refuses a
  // second index creation while one is in progress (LimitExceededException).
  for (const gsi of tableDefinition.globalSecondaryIndexes.filter((g) => !present.has(g.indexName))) {
    await client.send(
      new UpdateTableCommand({
        TableName: table.TableName,
        AttributeDefinitions: [stringAttribute(gsi.partitionKey), stringAttribute(gsi.sortKey)],
        GlobalSecondaryIndexUpdates: [{ Create: indexSpec(gsi) }],
      }),
    );
    await untilIndexActive(client, table.TableName as string, gsi.indexName);
  }
}

/** How long a local index may take to build (a loaded machine, a table kept with many items). */
const INDEX_BUILD_TIMEOUT_MS = 120_000;

async function untilIndexActive(client: DynamoDBClient, tableName: string, indexName: string): Promise<void> {
  const deadline = Date.now() + INDEX_BUILD_TIMEOUT_MS;
  for (;;) {
    const index = (await describe(client, tableName))?.GlobalSecondaryIndexes?.find((i) => i.IndexName === indexName);
    if (index?.IndexStatus === 'ACTIVE') return;
    if (Date.now() > deadline)
      throw new Error(
        `Index ${indexName} of ${tableName} still ${index?.IndexStatus} after ${INDEX_BUILD_TIMEOUT_MS} ms`,
      );
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function createTable(client: DynamoDBClient, tableName: string): Promise<void> {
  const def = tableDefinition;
  const keyAttributes = [
    def.partitionKey,
    def.sortKey,
    ...def.globalSecondaryIndexes.flatMap((gsi) => [gsi.partitionKey, gsi.sortKey]),
  ];
  const attributeDefinitions = [...new Set(keyAttributes)].map(stringAttribute);
  try {
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: attributeDefinitions,
        KeySchema: [
          { AttributeName: def.partitionKey, KeyType: 'HASH' },
          { AttributeName: def.sortKey, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: def.globalSecondaryIndexes.map(indexSpec),
        StreamSpecification: { StreamEnabled: true, StreamViewType: def.streamView },
      }),
    );
  } catch (error) {
    // Another process created it between our describe and create: same definition, fine.
    if (!(error instanceof ResourceInUseException)) throw error;
  }
}
