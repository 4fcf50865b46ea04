/**
 * The local Secrets Manager: GetSecretValue and PutSecretValue behind the SDK's AWS JSON 1.1
 * protocol (AWS_ENDPOINT_URL_SECRETS_MANAGER), for the secrets the stack would create. Secrets are
 * the stack's: none are created at runtime. Values live in memory only (a restart starts from the
 * values given, as a fresh deploy would), and are never logged.
 *
 * HTTP API:
 *   POST /  (X-Amz-Target: secretsmanager.<Operation>)  GetSecretValue, PutSecretValue
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RunningService } from './contracts';
import { closeServer, isRecord, listen, readJson, sendJson } from './http';
import { LOCAL_ACCOUNT_ID, LOCAL_REGION } from './ports';

const AMZ_JSON = 'application/x-amz-json-1.1';

type Secret = { name: string; arn: string; value: string; versionId: string; createdAt: number };

export async function startSecretsManager(opts: {
  port: number;
  /** The stack's secrets by name, with their first value. */
  secrets: Record<string, string>;
}): Promise<RunningService & { arnOf(name: string): string }> {
  const arnOf = (name: string) => `arn:aws:secretsmanager:${LOCAL_REGION}:${LOCAL_ACCOUNT_ID}:secret:${name}-AbCdEf`;
  const secrets = new Map<string, Secret>(
    Object.entries(opts.secrets).map(([name, value]) => [
      name,
      { name, arn: arnOf(name), value, versionId: randomUUID(), createdAt: Date.now() / 1000 },
    ]),
  );
  const find = (id: unknown) =>
    typeof id === 'string'
      ? [...secrets.values()].find((secret) => secret.name === id || secret.arn === id)
      : undefined;

  const server = createServer(async (req, res) => {
    const fail = (status: number, type: string, message: string) =>
      sendJson(res, status, { __type: type, message }, AMZ_JSON);
    try {
      const target = String(req.headers['x-amz-target'] ?? '');
      const input = await readJson(req, { emptyAs: {} });
      if (!isRecord(input)) return fail(400, 'SerializationException', 'The request body is not JSON');
      const secret = find(input.SecretId);
      if (target === 'secretsmanager.GetSecretValue' || target === 'secretsmanager.PutSecretValue') {
        if (!secret) return fail(400, 'ResourceNotFoundException', "Secrets Manager can't find the specified secret.");
      }
      if (target === 'secretsmanager.GetSecretValue') {
        return sendJson(
          res,
          200,
          {
            ARN: secret!.arn,
            Name: secret!.name,
            SecretString: secret!.value,
            VersionId: secret!.versionId,
            VersionStages: ['AWSCURRENT'],
            CreatedDate: secret!.createdAt,
          },
          AMZ_JSON,
        );
      }
      if (target === 'secretsmanager.PutSecretValue') {
        if (typeof input.SecretString !== 'string' || input.SecretString === '') {
          return fail(400, 'InvalidParameterException', 'You must provide either SecretString or SecretBinary.');
        }
        secret!.value = input.SecretString;
        secret!.versionId = randomUUID();
        secret!.createdAt = Date.now() / 1000;
        return sendJson(
          res,
          200,
          { ARN: secret!.arn, Name: secret!.name, VersionId: secret!.versionId, VersionStages: ['AWSCURRENT'] },
          AMZ_JSON,
        );
      }
      return fail(400, 'UnknownOperationException', `The local Secrets Manager does not answer ${target || 'this'}`);
    } catch {
      if (!res.headersSent) fail(500, 'InternalServiceError', 'The local Secrets Manager failed');
    }
  });
  await listen(server, opts.port);
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, arnOf, stop: () => closeServer(server) };
}
