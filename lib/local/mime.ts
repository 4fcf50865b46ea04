/**
 * Reads the MIME messages SES v2 SendEmail takes as Raw content (RFC 2045/2046/2047), enough for
 * the local outbox to show them and the e2e suite to check them: headers (folded lines, encoded
 * words), nested multiparts, base64 and quoted-printable bodies, and attachments.
 */

export type ParsedMime = {
  from?: string;
  to: string[];
  subject?: string;
  text?: string;
  html?: string;
  attachments: { filename: string; contentType: string; content: Buffer }[];
};

type Part = { headers: Map<string, string>; body: string };

function splitPart(source: string): Part {
  const normalised = source.replace(/\r\n/g, '\n');
  const end = normalised.indexOf('\n\n');
  const head = end === -1 ? normalised : normalised.slice(0, end);
  const body = end === -1 ? '' : normalised.slice(end + 2);
  const headers = new Map<string, string>();
  // Folded header lines continue with whitespace (RFC 5322 §2.2.3).
  for (const line of head.replace(/\n[ \t]+/g, ' ').split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

/** `text/html; charset=UTF-8; name="a b.csv"` → the value and its parameters. */
function headerParameters(value: string): { value: string; params: Map<string, string> } {
  const [first, ...rest] = value.split(';');
  const params = new Map<string, string>();
  for (const param of rest) {
    const eq = param.indexOf('=');
    if (eq === -1) continue;
    params.set(
      param.slice(0, eq).trim().toLowerCase(),
      param
        .slice(eq + 1)
        .trim()
        .replace(/^"(.*)"$/, '$1'),
    );
  }
  return { value: (first ?? '').trim().toLowerCase(), params };
}

/** RFC 2047 encoded words (`=?UTF-8?B?…?=`, `=?UTF-8?Q?…?=`). */
function decodeWords(text: string): string {
  return text.replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, _charset: string, encoding: string, data: string) =>
    encoding.toUpperCase() === 'B'
      ? Buffer.from(data, 'base64').toString('utf8')
      : Buffer.from(
          data
            .replace(/_/g, ' ')
            .replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
          'latin1',
        ).toString('utf8'),
  );
}

function decodeBody(part: Part): Buffer {
  const encoding = (part.headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  if (encoding === 'base64') return Buffer.from(part.body.replace(/\s+/g, ''), 'base64');
  if (encoding === 'quoted-printable') {
    const soft = part.body.replace(/=\n/g, '');
    return Buffer.from(
      soft.replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))),
      'latin1',
    );
  }
  return Buffer.from(part.body, 'utf8');
}

function walk(part: Part, out: ParsedMime): void {
  const type = headerParameters(part.headers.get('content-type') ?? 'text/plain');
  const disposition = headerParameters(part.headers.get('content-disposition') ?? '');
  if (type.value.startsWith('multipart/')) {
    const boundary = type.params.get('boundary');
    if (!boundary) return;
    const sections = part.body.split(`--${boundary}`);
    // Before the first boundary is the preamble; after the closing `--boundary--` the epilogue.
    for (const section of sections.slice(1)) {
      if (section.startsWith('--')) break;
      walk(splitPart(section.replace(/^\n/, '')), out);
    }
    return;
  }
  const filename = disposition.params.get('filename') ?? type.params.get('name');
  if (disposition.value === 'attachment' || filename) {
    out.attachments.push({
      filename: decodeWords(filename ?? 'attachment'),
      contentType: type.value,
      content: decodeBody(part),
    });
    return;
  }
  const text = decodeBody(part).toString('utf8').replace(/\n$/, '');
  if (type.value === 'text/html' && out.html === undefined) out.html = text;
  else if (type.value === 'text/plain' && out.text === undefined) out.text = text;
}

export function parseMime(raw: Buffer): ParsedMime {
  const root = splitPart(raw.toString('utf8'));
  const out: ParsedMime = { to: [], attachments: [] };
  const from = root.headers.get('from');
  if (from) out.from = from;
  const subject = root.headers.get('subject');
  if (subject !== undefined) out.subject = decodeWords(subject);
  for (const header of ['to', 'cc']) {
    const value = root.headers.get(header);
    if (value)
      out.to.push(
        ...value
          .split(',')
          .map((address) => address.trim())
          .filter(Boolean),
      );
  }
  walk(root, out);
  return out;
}
