import {
  DeleteParameterCommand,
  GetParameterCommand,
  ParameterAlreadyExists,
  ParameterNotFound,
  PutParameterCommand,
  SSMClient,
} from '@aws-sdk/client-ssm';
import type { RunningService } from '../../../lib/local/contracts';
import { startSsm } from '../../../lib/local/ssm';

const NAME = '/moneta/Moneta/webhook-keys';
const RING = '{"current":"k1","k1":"material-of-at-least-thirty-two-characters"}';

describe('local Parameter Store', () => {
  let service: RunningService & { arnOf(name: string): string };
  let client: SSMClient;

  beforeEach(async () => {
    service = await startSsm({ port: 0 });
    client = new SSMClient({
      endpoint: service.url,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
  });
  afterEach(() => service.stop());

  const put = (value: string, overwrite?: boolean) =>
    client.send(
      new PutParameterCommand({
        Name: NAME,
        Value: value,
        Type: 'SecureString',
        Tier: 'Standard',
        ...(overwrite === undefined ? {} : { Overwrite: overwrite }),
      }),
    );

  it('answers a SecureString decrypted only when asked WithDecryption, by name or by ARN', async () => {
    expect(await put(RING)).toMatchObject({ Version: 1, Tier: 'Standard' });

    const decrypted = await client.send(new GetParameterCommand({ Name: NAME, WithDecryption: true }));
    expect(decrypted.Parameter).toMatchObject({ Name: NAME, Type: 'SecureString', Value: RING, Version: 1 });
    expect(decrypted.Parameter?.ARN).toBe(service.arnOf(NAME));

    const encrypted = await client.send(new GetParameterCommand({ Name: NAME }));
    expect(encrypted.Parameter?.Type).toBe('SecureString');
    expect(encrypted.Parameter?.Value).not.toContain('material');
    expect(encrypted.Parameter?.Value).toMatch(/^[A-Za-z0-9+/]+=*$/);

    const byArn = await client.send(new GetParameterCommand({ Name: service.arnOf(NAME), WithDecryption: true }));
    expect(byArn.Parameter?.Value).toBe(RING);
  });

  it('answers ParameterNotFound for a parameter that does not exist, to a read and a delete', async () => {
    await expect(client.send(new GetParameterCommand({ Name: NAME, WithDecryption: true }))).rejects.toBeInstanceOf(
      ParameterNotFound,
    );
    await expect(client.send(new DeleteParameterCommand({ Name: NAME }))).rejects.toBeInstanceOf(ParameterNotFound);
  });

  it('keeps an existing value unless the put overwrites, and counts versions', async () => {
    await put(RING);
    await expect(put('{"other":"value"}')).rejects.toBeInstanceOf(ParameterAlreadyExists);
    await expect(put('{"other":"value"}', false)).rejects.toBeInstanceOf(ParameterAlreadyExists);
    const kept = await client.send(new GetParameterCommand({ Name: NAME, WithDecryption: true }));
    expect(kept.Parameter).toMatchObject({ Value: RING, Version: 1 });

    expect(await put('{"other":"value"}', true)).toMatchObject({ Version: 2 });
    const replaced = await client.send(new GetParameterCommand({ Name: NAME, WithDecryption: true }));
    expect(replaced.Parameter).toMatchObject({ Value: '{"other":"value"}', Version: 2 });
  });

  it('answers a String as stored, deletes, and refuses what AWS refuses', async () => {
    await client.send(new PutParameterCommand({ Name: 'plain', Value: 'visible', Type: 'String' }));
    const plain = await client.send(new GetParameterCommand({ Name: 'plain' }));
    expect(plain.Parameter).toMatchObject({ Type: 'String', Value: 'visible' });

    await client.send(new DeleteParameterCommand({ Name: 'plain' }));
    await expect(client.send(new GetParameterCommand({ Name: 'plain' }))).rejects.toBeInstanceOf(ParameterNotFound);

    // No type on a new parameter, a value beyond the standard tier's 4 KB.
    await expect(client.send(new PutParameterCommand({ Name: 'untyped', Value: 'x' }))).rejects.toMatchObject({
      name: 'ValidationException',
    });
    await expect(put('x'.repeat(4097))).rejects.toMatchObject({ name: 'ValidationException' });
  });
});
