import {
  GetSecretValueCommand,
  PutSecretValueCommand,
  ResourceNotFoundException,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import type { RunningService } from '../../../lib/local/contracts';
import { startSecretsManager } from '../../../lib/local/secrets-manager';

describe('local Secrets Manager', () => {
  let service: RunningService;
  let client: SecretsManagerClient;

  beforeEach(async () => {
    service = await startSecretsManager({ port: 0, secrets: { 'moneta/stripe': '{"secretKey":"sk_test_a"}' } });
    client = new SecretsManagerClient({
      endpoint: service.url,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
  });
  afterEach(() => service.stop());

  it('serves the value the stack gave, and the value a deployer puts afterwards', async () => {
    const first = await client.send(new GetSecretValueCommand({ SecretId: 'moneta/stripe' }));
    expect(first.SecretString).toBe('{"secretKey":"sk_test_a"}');

    const put = await client.send(
      new PutSecretValueCommand({ SecretId: first.ARN, SecretString: '{"secretKey":"sk_test_b"}' }),
    );
    expect(put.VersionId).not.toBe(first.VersionId);
    const second = await client.send(new GetSecretValueCommand({ SecretId: 'moneta/stripe' }));
    expect(second.SecretString).toBe('{"secretKey":"sk_test_b"}');
  });

  it('answers ResourceNotFoundException for a secret the stack does not have', async () => {
    await expect(client.send(new GetSecretValueCommand({ SecretId: 'other' }))).rejects.toBeInstanceOf(
      ResourceNotFoundException,
    );
  });
});
