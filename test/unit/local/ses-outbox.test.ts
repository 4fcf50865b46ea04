import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import type { Outbox, OutboxMail } from '../../../lib/local/contracts';
import { startSesOutbox } from '../../../lib/local/ses-outbox';
import { mimeMessage } from '../../../shared/notifications/mime';

const sendTo = (to: string, subject = 'Welcome to Moneta') =>
  new SendEmailCommand({
    FromEmailAddress: 'no-reply@moneta.local',
    Destination: { ToAddresses: [to] },
    Content: {
      Simple: {
        Subject: { Data: subject },
        Body: { Text: { Data: 'Hello in text' }, Html: { Data: '<p>Hello in <b>HTML</b></p>' } },
      },
    },
    ConfigurationSetName: 'moneta',
    EmailTags: [{ Name: 'kind', Value: 'welcome' }],
  });

function clientFor(outbox: Outbox, maxAttempts = 3) {
  return new SESv2Client({
    endpoint: outbox.url,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts,
  });
}

async function messages(outbox: Outbox, to?: string): Promise<OutboxMail[]> {
  const query = to ? `?to=${encodeURIComponent(to)}` : '';
  const response = await fetch(`${outbox.url}/api/messages${query}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { messages: OutboxMail[] }).messages;
}

describe('local SES v2 outbox', () => {
  let dir: string;
  let outbox: Outbox;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'outbox-test-'));
    outbox = await startSesOutbox({ port: 0, dataDir: dir });
  });
  afterEach(async () => {
    await outbox.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps a raw MIME message faithfully: subject, both bodies and the attachment bytes', async () => {
    const ses = clientFor(outbox);
    const file = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0x10, 0x80, 0x0d, 0x0a]);
    const raw = mimeMessage({
      from: 'no-reply@moneta.local',
      to: 'ada@example.com',
      subject: 'Your Moneta export is ready — €',
      text: 'Download it from https://api.example/v1/exports/1/download',
      html: '<p>Download <a href="https://api.example/v1/exports/1/download">it</a></p>',
      attachments: [{ filename: 'transactions.xlsx', contentType: 'application/vnd.ms-excel', content: file }],
    });
    const { MessageId } = await ses.send(
      new SendEmailCommand({
        FromEmailAddress: 'no-reply@moneta.local',
        Destination: { ToAddresses: ['ada@example.com'] },
        Content: { Raw: { Data: raw } },
        EmailTags: [{ Name: 'kind', Value: 'exportReady' }],
      }),
    );

    const [mail] = await messages(outbox, 'ada@example.com');
    expect(mail).toMatchObject({
      id: MessageId,
      subject: 'Your Moneta export is ready — €',
      text: 'Download it from https://api.example/v1/exports/1/download',
      html: '<p>Download <a href="https://api.example/v1/exports/1/download">it</a></p>',
      tags: { kind: 'exportReady' },
      attachments: [
        {
          filename: 'transactions.xlsx',
          contentType: 'application/vnd.ms-excel',
          size: file.length,
          contentBase64: file.toString('base64'),
        },
      ],
    });
    expect(Buffer.from(mail!.raw!, 'base64')).toEqual(raw);
  });

  it("captures the SDK's SendEmail with every part of the mail", async () => {
    const ses = clientFor(outbox);
    const { MessageId } = await ses.send(sendTo('ada@example.com'));
    expect(MessageId).toEqual(expect.any(String));

    const [mail] = await messages(outbox, 'ada@example.com');
    expect(mail).toEqual({
      id: MessageId,
      receivedAt: expect.any(String),
      from: 'no-reply@moneta.local',
      to: ['ada@example.com'],
      subject: 'Welcome to Moneta',
      text: 'Hello in text',
      html: '<p>Hello in <b>HTML</b></p>',
      via: 'ses',
      configurationSet: 'moneta',
      tags: { kind: 'welcome' },
    });
  });

  it('lists newest first, filters by recipient (any case) and forgets on DELETE', async () => {
    const ses = clientFor(outbox);
    await ses.send(sendTo('ada@example.com', 'first'));
    await ses.send(sendTo('bob@example.com', 'other'));
    await ses.send(sendTo('ada@example.com', 'second'));

    expect((await messages(outbox, 'ADA@example.com')).map((m) => m.subject)).toEqual(['second', 'first']);
    expect(await messages(outbox)).toHaveLength(3);

    expect((await fetch(`${outbox.url}/api/messages`, { method: 'DELETE' })).status).toBe(204);
    expect(await messages(outbox)).toEqual([]);
  });

  it('refuses a mail without recipients with a 400, and stores nothing', async () => {
    const ses = clientFor(outbox);
    await expect(
      ses.send(
        new SendEmailCommand({
          FromEmailAddress: 'no-reply@moneta.local',
          Destination: { ToAddresses: [] },
          Content: { Simple: { Subject: { Data: 's' }, Body: { Text: { Data: 't' } } } },
        }),
      ),
    ).rejects.toMatchObject({ name: 'BadRequestException', $metadata: { httpStatusCode: 400 } });
    expect(await messages(outbox)).toEqual([]);
  });

  it('answers 503 during an outage (the SDK retries), and accepts mail again after it', async () => {
    const put = (enabled: boolean) =>
      fetch(`${outbox.url}/api/outage`, { method: 'PUT', body: JSON.stringify({ enabled }) });
    expect((await put(true)).status).toBe(200);

    await expect(clientFor(outbox, 2).send(sendTo('ada@example.com'))).rejects.toMatchObject({
      $metadata: { httpStatusCode: 503, attempts: 2 },
    });
    expect(await messages(outbox)).toEqual([]);

    await put(false);
    await clientFor(outbox).send(sendTo('ada@example.com'));
    expect(await messages(outbox)).toHaveLength(1);
  });

  it('keeps mail across a restart with the same data directory', async () => {
    await clientFor(outbox).send(sendTo('ada@example.com'));
    await outbox.deliver({
      from: 'x@moneta.local',
      to: ['ada@example.com'],
      subject: 'code',
      text: '123456',
      via: 'cognito',
    });
    await outbox.stop();

    outbox = await startSesOutbox({ port: 0, dataDir: dir });
    const kept = await messages(outbox, 'ada@example.com');
    expect(kept.map((m) => m.via)).toEqual(['cognito', 'ses']);
  });

  it('serves a browser page that shows mail HTML only in a sandboxed iframe', async () => {
    const response = await fetch(`${outbox.url}/`);
    expect(response.headers.get('content-type')).toContain('text/html');
    const page = await response.text();
    expect(page).toContain('sandbox=""');
    expect(page).toContain('/api/messages');
    expect(page).toMatch(/setInterval\(refresh, \d+\)/);
  });
});
