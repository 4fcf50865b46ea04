/**
 * The local SES v2: functions' SendEmail calls (through the real SDK, AWS_ENDPOINT_URL_SESV2) and
 * Cognito's code emails land here instead of in someone's inbox. Mail is kept newest first, on
 * disk when a data directory is given, and shown by a small web page.
 *
 * HTTP API (the e2e suite depends on it):
 *   POST   /v2/email/outbound-emails   SES v2 SendEmail → { MessageId }
 *   GET    /api/messages?to=<address>  → { messages: OutboxMail[] } newest first
 *   GET    /api/messages/<id>          → OutboxMail
 *   DELETE /api/messages               forget every mail
 *   PUT    /api/outage { enabled }     while enabled SendEmail answers 503, so retries can be tested
 *   GET    /                           the browser UI
 */
import { randomUUID } from 'node:crypto';
import { appendFile, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Outbox, OutboxMail, UsageMeter } from './contracts';
import { isRecord, listen, readJson, readJsonLines, sendJson } from './http';
import { parseMime } from './mime';

/** SES v2 refuses messages over 40 MB; a local cap keeps a runaway caller from eating memory. */

export async function startSesOutbox(opts: {
  port: number;
  dataDir?: string;
  /** Told of every SendEmail accepted (the cost benchmark); none: nothing is counted. */
  onSent?: UsageMeter['emailSent'];
}): Promise<Outbox> {
  const file = opts.dataDir ? join(opts.dataDir, 'messages.jsonl') : undefined;
  // Oldest first in memory (append order); the API reverses.
  const mails: OutboxMail[] = file ? await readJsonLines<OutboxMail>(opts.dataDir!, file) : [];
  let outage = false;

  async function deliver(mail: Omit<OutboxMail, 'id' | 'receivedAt'>): Promise<OutboxMail> {
    const stored: OutboxMail = { id: newMessageId(), receivedAt: new Date().toISOString(), ...mail };
    mails.push(stored);
    if (file) await appendFile(file, `${JSON.stringify(stored)}\n`);
    return stored;
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sesError(res, 500, 'InternalFailure', 'Local outbox failed');
      console.error('[outbox] request failed:', error instanceof Error ? error.message : error);
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://outbox');
    const route = `${req.method} ${url.pathname.replace(/\/+$/, '') || '/'}`;
    if (route === 'POST /v2/email/outbound-emails') {
      if (outage) {
        // The SDK treats 503 as transient and retries; callers then see a ServiceUnavailable error.
        return sesError(res, 503, 'ServiceUnavailable', 'Local outbox outage is enabled (PUT /api/outage)');
      }
      const body = await readJson(req, { emptyAs: {} });
      const parsed = parseSendEmail(body);
      if ('error' in parsed) return sesError(res, 400, 'BadRequestException', parsed.error);
      const stored = await deliver(parsed.mail);
      opts.onSent?.({ recipients: stored.to.length });
      return sendJson(res, 200, { MessageId: stored.id });
    }
    if (route === 'GET /api/messages') {
      const to = url.searchParams.get('to')?.toLowerCase();
      const messages = mails.filter((m) => !to || m.to.some((address) => address.toLowerCase() === to)).reverse();
      return sendJson(res, 200, { messages });
    }
    if (req.method === 'GET' && url.pathname.startsWith('/api/messages/')) {
      const id = decodeURIComponent(url.pathname.slice('/api/messages/'.length));
      const mail = mails.find((m) => m.id === id);
      return mail ? sendJson(res, 200, mail) : sendJson(res, 404, { message: 'No such message' });
    }
    if (route === 'DELETE /api/messages') {
      mails.length = 0;
      if (file) await writeFile(file, '');
      res.writeHead(204).end();
      return;
    }
    if (route === 'PUT /api/outage') {
      const body = await readJson(req, { emptyAs: {} });
      const enabled = isRecord(body) ? body.enabled : undefined;
      if (typeof enabled !== 'boolean') return sendJson(res, 400, { message: 'Send { "enabled": true | false }' });
      outage = enabled;
      return sendJson(res, 200, { enabled: outage });
    }
    if (route === 'GET /') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(OUTBOX_PAGE);
      return;
    }
    sendJson(res, 404, { message: `No route for ${req.method} ${url.pathname}` });
  }

  await listen(server, opts.port);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    deliver,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

type ParsedSend = { mail: Omit<OutboxMail, 'id' | 'receivedAt'> } | { error: string };

/** The subset of SES v2 SendEmail Moneta uses: Simple or Raw content, To/Cc/Bcc, configuration set, tags. */
function parseSendEmail(body: unknown): ParsedSend {
  if (!isRecord(body)) return { error: 'Request body must be a JSON object' };
  const from = body.FromEmailAddress;
  if (typeof from !== 'string' || !from.includes('@')) return { error: 'FromEmailAddress is required' };
  const destination = isRecord(body.Destination) ? body.Destination : {};
  const to = ['ToAddresses', 'CcAddresses', 'BccAddresses'].flatMap((k) => stringList(destination[k]));
  if (to.length === 0) return { error: 'Destination needs at least one address' };
  const content = isRecord(body.Content) ? body.Content : {};
  const tagsOf = () => {
    const tags: Record<string, string> = {};
    for (const tag of Array.isArray(body.EmailTags) ? body.EmailTags : []) {
      if (isRecord(tag) && typeof tag.Name === 'string' && typeof tag.Value === 'string') tags[tag.Name] = tag.Value;
    }
    return tags;
  };
  if (isRecord(content.Raw)) {
    // The SDK sends the message's bytes base64-encoded in the JSON body.
    if (typeof content.Raw.Data !== 'string') return { error: 'Content.Raw.Data is required' };
    const raw = Buffer.from(content.Raw.Data, 'base64');
    const parsed = parseMime(raw);
    if (parsed.subject === undefined) return { error: 'The raw message has no Subject header' };
    if (parsed.text === undefined && parsed.html === undefined)
      return { error: 'The raw message has no text or HTML part' };
    const tags = tagsOf();
    return {
      mail: {
        from,
        to,
        subject: parsed.subject,
        ...(parsed.text !== undefined && { text: parsed.text }),
        ...(parsed.html !== undefined && { html: parsed.html }),
        via: 'ses',
        ...(typeof body.ConfigurationSetName === 'string' && { configurationSet: body.ConfigurationSetName }),
        ...(Object.keys(tags).length > 0 && { tags }),
        attachments: parsed.attachments.map((file) => ({
          filename: file.filename,
          contentType: file.contentType,
          size: file.content.length,
          contentBase64: file.content.toString('base64'),
        })),
        raw: raw.toString('base64'),
      },
    };
  }
  if (!isRecord(content.Simple)) return { error: 'Content needs Simple or Raw' };
  const subject = dataOf(content.Simple.Subject);
  if (subject === undefined) return { error: 'Content.Simple.Subject.Data is required' };
  const parts = isRecord(content.Simple.Body) ? content.Simple.Body : {};
  const text = dataOf(parts.Text);
  const html = dataOf(parts.Html);
  if (text === undefined && html === undefined) return { error: 'Content.Simple.Body needs Text or Html' };
  const tags: Record<string, string> = {};
  for (const tag of Array.isArray(body.EmailTags) ? body.EmailTags : []) {
    if (isRecord(tag) && typeof tag.Name === 'string' && typeof tag.Value === 'string') tags[tag.Name] = tag.Value;
  }
  return {
    mail: {
      from,
      to,
      subject,
      ...(text !== undefined && { text }),
      ...(html !== undefined && { html }),
      via: 'ses',
      ...(typeof body.ConfigurationSetName === 'string' && { configurationSet: body.ConfigurationSetName }),
      ...(Object.keys(tags).length > 0 && { tags }),
    },
  };
}

function dataOf(content: unknown): string | undefined {
  return isRecord(content) && typeof content.Data === 'string' ? content.Data : undefined;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Shaped like SES's own ids (opaque, unique); never derived from the mail's content. */
function newMessageId(): string {
  return `0100${Date.now().toString(16)}-${randomUUID()}-000000`;
}

/** SES v2 is a REST-JSON API: the error code travels in x-amzn-ErrorType, the text in `message`. */
function sesError(res: ServerResponse, status: number, code: string, message: string): void {
  res
    .writeHead(status, { 'content-type': 'application/json', 'x-amzn-ErrorType': code })
    .end(JSON.stringify({ message }));
}

// The page renders mail with textContent and a sandboxed iframe (no scripts, no same-origin), so a
// mail's HTML can never run code in the outbox page.
const OUTBOX_PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Moneta local outbox</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 0; display: grid; grid-template-columns: 24rem 1fr; height: 100vh; }
  #list { border-right: 1px solid #ddd; overflow-y: auto; margin: 0; padding: 0; list-style: none; }
  #list li { padding: .6rem .8rem; border-bottom: 1px solid #eee; cursor: pointer; }
  #list li.selected { background: #eef4ff; }
  #list .meta { color: #666; font-size: .8rem; }
  main { display: flex; flex-direction: column; overflow: hidden; }
  header { padding: .8rem; border-bottom: 1px solid #ddd; }
  nav button { margin-right: .4rem; }
  iframe { flex: 1; border: 0; width: 100%; }
  pre { flex: 1; margin: 0; padding: .8rem; overflow: auto; white-space: pre-wrap; }
  .empty { padding: 1rem; color: #666; }
</style>
</head>
<body>
<ul id="list"></ul>
<main>
  <header><h2 id="subject">Moneta local outbox</h2><div id="meta" class="meta"></div>
    <nav><button id="show-html">HTML</button><button id="show-text">Text</button></nav></header>
  <iframe id="html" sandbox="" title="HTML body"></iframe>
  <pre id="text" hidden></pre>
</main>
<script>
  let selected = null;
  let view = 'html';
  const $ = (id) => document.getElementById(id);
  function show(mail) {
    selected = mail.id;
    $('subject').textContent = mail.subject;
    $('meta').textContent = 'From ' + mail.from + ' to ' + mail.to.join(', ') + ' · ' + mail.receivedAt + ' · via ' + mail.via;
    $('html').srcdoc = mail.html ?? '';
    $('text').textContent = mail.text ?? '';
    if (!mail.html) view = 'text';
    render();
  }
  function render() {
    $('html').hidden = view !== 'html';
    $('text').hidden = view !== 'text';
  }
  $('show-html').onclick = () => { view = 'html'; render(); };
  $('show-text').onclick = () => { view = 'text'; render(); };
  async function refresh() {
    const { messages } = await (await fetch('/api/messages')).json();
    const list = $('list');
    list.replaceChildren();
    if (messages.length === 0) {
      const li = document.createElement('li');
      li.className = 'empty';
      li.textContent = 'No mail yet.';
      list.append(li);
    }
    for (const mail of messages) {
      const li = document.createElement('li');
      if (mail.id === selected) li.className = 'selected';
      const subject = document.createElement('div');
      subject.textContent = mail.subject;
      const meta = document.createElement('div');
      meta.className = 'meta';
      meta.textContent = mail.to.join(', ') + ' · ' + new Date(mail.receivedAt).toLocaleString();
      li.append(subject, meta);
      li.onclick = () => { show(mail); refresh(); };
      list.append(li);
    }
  }
  refresh();
  setInterval(refresh, 3000);
</script>
</body>
</html>
`;
