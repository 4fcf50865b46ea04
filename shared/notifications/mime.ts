/**
 * A MIME message (RFC 2045/2046/2047) for SES v2 SendEmail's Raw content: the only way to send an
 * attachment. multipart/mixed of a multipart/alternative (text, HTML) and the files, every part
 * base64 in 76-character lines, the subject as an RFC 2047 encoded word. Only what Moneta sends
 * (ASCII file names, UTF-8 bodies); SES adds Message-ID and Date.
 */
import { randomUUID } from 'node:crypto';
import type { RenderedEmail } from './templates/email';

const CRLF = '\r\n';

function base64Lines(content: Buffer): string {
  return (content.toString('base64').match(/.{1,76}/g) ?? []).join(CRLF);
}

/** An RFC 2047 encoded word, so any UTF-8 subject survives a 7-bit header. */
const encodedWord = (text: string) => `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;

/** A header parameter value: quotes and control characters cannot break out of it. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const quoted = (value: string) => `"${value.replace(/["\\\u0000-\u001f\u007f-\uffff]/g, '_')}"`;

export function mimeMessage(email: RenderedEmail & { from: string; to: string }): Buffer {
  const mixed = `mixed-${randomUUID()}`;
  const alternative = `alt-${randomUUID()}`;
  const lines = [
    `From: ${email.from}`,
    `To: ${email.to}`,
    `Subject: ${encodedWord(email.subject)}`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${mixed}"`,
    '',
    `--${mixed}`,
    `Content-Type: multipart/alternative; boundary="${alternative}"`,
    '',
    `--${alternative}`,
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(Buffer.from(email.text, 'utf8')),
    `--${alternative}`,
    'Content-Type: text/html; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(Buffer.from(email.html, 'utf8')),
    `--${alternative}--`,
  ];
  for (const file of email.attachments ?? []) {
    lines.push(
      `--${mixed}`,
      `Content-Type: ${file.contentType}; name=${quoted(file.filename)}`,
      `Content-Disposition: attachment; filename=${quoted(file.filename)}`,
      'Content-Transfer-Encoding: base64',
      '',
      base64Lines(file.content),
    );
  }
  lines.push(`--${mixed}--`, '');
  return Buffer.from(lines.join(CRLF), 'utf8');
}
