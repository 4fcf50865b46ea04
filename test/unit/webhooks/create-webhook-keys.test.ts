import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  DeleteParameterCommand,
  ParameterAlreadyExists,
  ParameterNotFound,
  PutParameterCommand,
  SSMClient,
} from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { handler } from '../../../functions/ops/create-webhook-keys';
import { keyRingFrom } from '../../../shared/webhooks/secret-box';
import { lambdaContext } from '../support/http-event';

const ssm = mockClient(SSMClient);
const NAME = '/moneta/MonetaTest/webhook-keys';

const run = (event: Record<string, unknown> = {}) => handler(event as never, lambdaContext('create-webhook-keys'));

/** CloudFormation's side of a custom resource: the presigned URL that takes the answer. */
let cloudFormation: Server;
let answers: Record<string, unknown>[];
let responseUrl: string;

beforeAll(async () => {
  cloudFormation = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      answers.push(JSON.parse(body));
      res.end();
    });
  });
  await new Promise<void>((resolve) => cloudFormation.listen(0, '127.0.0.1', resolve));
  responseUrl = `http://127.0.0.1:${(cloudFormation.address() as AddressInfo).port}/answer`;
});
afterAll(() => new Promise((resolve) => cloudFormation.close(resolve)));

beforeEach(() => {
  ssm.reset();
  answers = [];
});

const customResource = (requestType: string, extra: Record<string, unknown> = {}) => ({
  RequestType: requestType,
  ResponseURL: responseUrl,
  StackId: 'arn:aws:cloudformation:eu-west-1:123456789012:stack/MonetaTest/1',
  RequestId: 'request-1',
  LogicalResourceId: 'WebhookKeysRing',
  ResourceProperties: { ParameterName: NAME, Tier: 'Standard', RemovalPolicy: 'retain' },
  ...extra,
});

describe('create-webhook-keys', () => {
  test('creates a standard SecureString holding a usable ring with fresh material, never overwriting', async () => {
    ssm.on(PutParameterCommand).resolves({ Version: 1, Tier: 'Standard' });

    await expect(run(customResource('Create'))).resolves.toMatchObject({
      PhysicalResourceId: NAME,
      outcome: 'created',
    });
    await run({});

    const puts = ssm.commandCalls(PutParameterCommand).map((call) => call.args[0].input);
    expect(puts).toHaveLength(2);
    expect(puts[0]).toMatchObject({ Name: NAME, Type: 'SecureString', Tier: 'Standard', Overwrite: false });
    expect(puts[0]).not.toHaveProperty('KeyId'); // the AWS-managed key, alias/aws/ssm
    const ring = JSON.parse(puts[0]!.Value!);
    expect(ring.current).toBe('k1');
    expect(ring.k1.length).toBeGreaterThanOrEqual(32);
    expect(keyRingFrom(puts[0]!.Value!).current).toBe('k1');
    // Each creation draws its own material.
    expect(JSON.parse(puts[1]!.Value!).k1).not.toBe(ring.k1);
    // The material is in the parameter only: not in CloudFormation's answer.
    expect(answers).toEqual([expect.objectContaining({ Status: 'SUCCESS', PhysicalResourceId: NAME, Data: {} })]);
    expect(JSON.stringify(answers)).not.toContain(ring.k1);
  });

  test('keeps a parameter that exists (a redeploy, an upgrade that copied the old ring in): success', async () => {
    ssm
      .on(PutParameterCommand)
      .rejects(new ParameterAlreadyExists({ $metadata: {}, message: 'The parameter already exists.' }));

    await expect(run(customResource('Create'))).resolves.toMatchObject({ outcome: 'kept' });
    expect(answers).toEqual([expect.objectContaining({ Status: 'SUCCESS', PhysicalResourceId: NAME })]);
    expect(ssm.commandCalls(DeleteParameterCommand)).toHaveLength(0);
  });

  test('an update changes nothing', async () => {
    await expect(run(customResource('Update', { PhysicalResourceId: NAME }))).resolves.toMatchObject({
      outcome: 'kept',
    });
    expect(ssm.calls()).toHaveLength(0);
    expect(answers).toEqual([expect.objectContaining({ Status: 'SUCCESS', PhysicalResourceId: NAME })]);
  });

  test('a delete keeps the parameter under the default removal policy', async () => {
    await expect(run(customResource('Delete', { PhysicalResourceId: NAME }))).resolves.toMatchObject({
      outcome: 'retained',
    });
    expect(ssm.calls()).toHaveLength(0);
    expect(answers).toEqual([expect.objectContaining({ Status: 'SUCCESS' })]);
  });

  test('a delete with RemovalPolicy destroy deletes it, and a parameter already gone is no failure', async () => {
    const destroy = (physicalResourceId: string) =>
      customResource('Delete', {
        PhysicalResourceId: physicalResourceId,
        ResourceProperties: { ParameterName: NAME, Tier: 'Standard', RemovalPolicy: 'destroy' },
      });
    ssm
      .on(DeleteParameterCommand)
      .resolvesOnce({})
      .rejects(new ParameterNotFound({ $metadata: {}, message: '' }));

    await expect(run(destroy(NAME))).resolves.toMatchObject({ outcome: 'deleted' });
    await expect(run(destroy(NAME))).resolves.toMatchObject({ outcome: 'deleted' });
    expect(ssm.commandCalls(DeleteParameterCommand).map((call) => call.args[0].input)).toEqual([
      { Name: NAME },
      { Name: NAME },
    ]);
    expect(answers.map((answer) => answer.Status)).toEqual(['SUCCESS', 'SUCCESS']);

    // The rollback of a create that failed stands for no parameter: one that was there stays.
    await run(destroy('webhook-keys-not-created'));
    expect(ssm.commandCalls(DeleteParameterCommand)).toHaveLength(2);
  });

  test('a failed put answers FAILED, so the deployment stops instead of running without a ring', async () => {
    ssm.on(PutParameterCommand).rejects(new Error('AccessDenied'));

    await expect(run(customResource('Create'))).rejects.toThrow('AccessDenied');
    expect(answers).toEqual([
      expect.objectContaining({ Status: 'FAILED', PhysicalResourceId: 'webhook-keys-not-created' }),
    ]);
  });
});
