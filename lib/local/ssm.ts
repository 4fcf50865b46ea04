/**
 * The local Systems Manager Parameter Store: GetParameter, PutParameter and DeleteParameter behind
 * the SDK's AWS JSON 1.1 protocol (AWS_ENDPOINT_URL_SSM), with the errors AWS documents for them
 * (`ParameterNotFound`, `ParameterAlreadyExists` when a put does not overwrite, `ValidationException`).
 * The stack's parameters are created at start by the code that creates them on AWS (the webhook key
 * ring's custom resource, functions/ops/create-webhook-keys.ts). Values live in memory only (a
 * restart starts empty, as a fresh deploy would), and are never logged.
 *
 * A SecureString is kept encrypted under a key of this process (AES-256-GCM) and answered as that
 * ciphertext, base64, unless the request asks `WithDecryption`, as AWS answers it.
 *
 * HTTP API:
 *   POST /  (X-Amz-Target: AmazonSSM.<Operation>)  GetParameter, PutParameter, DeleteParameter
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RunningService } from './contracts';
import { closeServer, isRecord, listen, readJson, sendJson } from './http';
import { LOCAL_ACCOUNT_ID, LOCAL_REGION } from './ports';

const AMZ_JSON = 'application/x-amz-json-1.1';
const OPERATIONS = ['AmazonSSM.GetParameter', 'AmazonSSM.PutParameter', 'AmazonSSM.DeleteParameter'];
const TYPES = ['String', 'StringList', 'SecureString'] as const;
type ParameterType = (typeof TYPES)[number];
/** A standard-tier parameter's largest value (AWS: 4 KB). */
const STANDARD_MAX_VALUE = 4096;
/** What AWS accepts as a parameter name: letters, digits, `.-_` and `/` levels, at most 1011 characters. */
const NAME = /^\/?[A-Za-z0-9_.\-/]{1,1011}$/;

type Parameter = {
  name: string;
  type: ParameterType;
  /** Plain for String and StringList; the sealed value (iv, ciphertext, tag) for SecureString. */
  stored: string;
  version: number;
  lastModified: number;
};

export async function startSsm(opts: { port: number }): Promise<RunningService & { arnOf(name: string): string }> {
  const arnOf = (name: string) =>
    `arn:aws:ssm:${LOCAL_REGION}:${LOCAL_ACCOUNT_ID}:parameter${name.startsWith('/') ? '' : '/'}${name}`;
  const parameters = new Map<string, Parameter>();
  // Stands in for the KMS key: SecureStrings are not held in the clear, even in memory.
  const key = randomBytes(32);
  const encrypt = (plain: string) => {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64');
  };
  const decrypt = (sealed: string) => {
    const raw = Buffer.from(sealed, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(raw.length - 16));
    return Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]).toString('utf8');
  };
  // GetParameter takes a name or an ARN.
  const nameOf = (id: string) => {
    const prefix = arnOf('');
    return id.startsWith(prefix) ? `/${id.slice(prefix.length)}` : id;
  };
  const find = (id: string) => parameters.get(nameOf(id)) ?? parameters.get(nameOf(id).replace(/^\//, ''));

  const server = createServer(async (req, res) => {
    const fail = (type: string, message?: string) =>
      sendJson(res, 400, { __type: type, ...(message === undefined ? {} : { message }) }, AMZ_JSON);
    try {
      const target = String(req.headers['x-amz-target'] ?? '');
      const input = await readJson(req, { emptyAs: {} });
      if (!isRecord(input)) return fail('SerializationException', 'The request body is not JSON');
      if (!OPERATIONS.includes(target)) {
        return fail('UnknownOperationException', `The local Parameter Store does not answer ${target || 'this'}`);
      }
      if (typeof input.Name !== 'string' || input.Name === '') {
        return fail(
          'ValidationException',
          "1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null",
        );
      }
      const name = input.Name;

      if (target === 'AmazonSSM.GetParameter') {
        const parameter = find(name);
        // AWS answers this one without a message.
        if (!parameter) return fail('ParameterNotFound');
        const value =
          parameter.type === 'SecureString' && input.WithDecryption === true
            ? decrypt(parameter.stored)
            : parameter.stored;
        return sendJson(
          res,
          200,
          {
            Parameter: {
              Name: parameter.name,
              Type: parameter.type,
              Value: value,
              Version: parameter.version,
              LastModifiedDate: parameter.lastModified,
              ARN: arnOf(parameter.name),
              DataType: 'text',
            },
          },
          AMZ_JSON,
        );
      }

      if (target === 'AmazonSSM.PutParameter') {
        if (!NAME.test(name)) {
          return fail(
            'ValidationException',
            'Parameter name: can\'t be prefixed with "aws" or "ssm" (case-insensitive). It must use only letters, numbers, or the following symbols: . (period), - (hyphen), _ (underscore). Special characters are not allowed. All sub-paths, if specified, must use the forward slash symbol "/". Valid example: /get/parameters2-/by1./path0_.',
          );
        }
        if (typeof input.Value !== 'string' || input.Value === '') {
          return fail(
            'ValidationException',
            "1 validation error detected: Value null at 'value' failed to satisfy constraint: Member must not be null",
          );
        }
        if (input.Tier !== undefined && input.Tier !== 'Standard') {
          return fail('ValidationException', 'The local Parameter Store keeps standard-tier parameters only.');
        }
        if (input.Value.length > STANDARD_MAX_VALUE) {
          return fail(
            'ValidationException',
            'Standard tier parameters support a maximum parameter value of 4096 characters. To create a larger parameter value, upgrade the parameter to use the advanced-parameter tier.',
          );
        }
        const existing = find(name);
        if (existing && input.Overwrite !== true) {
          return fail(
            'ParameterAlreadyExists',
            'The parameter already exists. To overwrite this value, set the overwrite option in the request to true.',
          );
        }
        const type = (input.Type ?? existing?.type) as ParameterType | undefined;
        if (!type || !TYPES.includes(type)) {
          return fail('ValidationException', 'A parameter type is required when you create a parameter.');
        }
        const parameter: Parameter = {
          name: existing?.name ?? name,
          type,
          stored: type === 'SecureString' ? encrypt(input.Value) : input.Value,
          version: (existing?.version ?? 0) + 1,
          lastModified: Date.now() / 1000,
        };
        parameters.set(parameter.name, parameter);
        return sendJson(res, 200, { Version: parameter.version, Tier: 'Standard' }, AMZ_JSON);
      }

      if (target === 'AmazonSSM.DeleteParameter') {
        const parameter = find(name);
        if (!parameter) return fail('ParameterNotFound');
        parameters.delete(parameter.name);
        return sendJson(res, 200, {}, AMZ_JSON);
      }

      throw new Error(`No answer for ${target}`);
    } catch {
      if (!res.headersSent)
        sendJson(res, 500, { __type: 'InternalServerError', message: 'The local Parameter Store failed' }, AMZ_JSON);
    }
  });
  await listen(server, opts.port);
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, arnOf, stop: () => closeServer(server) };
}
