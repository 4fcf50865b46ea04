/**
 * The shape every email template produces, and the one renderer that turns it into the HTML and
 * plain-text bodies. Templates describe content as blocks of text; only this file writes markup,
 * and it escapes every piece of text on the way, so a template cannot forget to.
 */
import { escapeHtml } from './escape-html';

/** A run of text inside a paragraph: plain, an API path/field shown as code, or a link (its URL shown in text). */
type Inline = string | { code: string } | { link: string };
/** `facts`: the numbers of an alert as label/value rows (a table in HTML, `Label: value` lines in text). */
type Block = { paragraph: Inline[] } | { list: Inline[][] } | { facts: [label: string, value: string][] };

export type EmailContent = {
  subject: string;
  /** First line shown by mail clients next to the subject. */
  preheader: string;
  blocks: Block[];
  /** Why the reader got this email; shown small at the bottom. */
  footer: string;
};

/** A file sent along with the email (SES raw content). */
export type Attachment = { filename: string; contentType: string; content: Buffer };

export type RenderedEmail = { subject: string; html: string; text: string; attachments?: Attachment[] };

function partHtml(part: Inline): string {
  if (typeof part === 'string') return escapeHtml(part);
  if ('code' in part) return `<code>${escapeHtml(part.code)}</code>`;
  return `<a href="${escapeHtml(part.link)}">${escapeHtml(part.link)}</a>`;
}

const inlineHtml = (parts: Inline[]) => parts.map(partHtml).join('');

const inlineText = (parts: Inline[]) =>
  parts.map((part) => (typeof part === 'string' ? part : 'code' in part ? part.code : part.link)).join('');

function blockHtml(block: Block): string {
  if ('paragraph' in block) return `<p>${inlineHtml(block.paragraph)}</p>`;
  if ('facts' in block) {
    const rows = block.facts.map(
      ([label, value]) =>
        `<tr><th style="text-align: left; padding-right: 1em;">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`,
    );
    return `<table>${rows.join('')}</table>`;
  }
  return `<ul>${block.list.map((item) => `<li>${inlineHtml(item)}</li>`).join('')}</ul>`;
}

function blockText(block: Block): string {
  if ('paragraph' in block) return inlineText(block.paragraph);
  if ('facts' in block) return block.facts.map(([label, value]) => `${label}: ${value}`).join('\n');
  return block.list.map((item) => `- ${inlineText(item)}`).join('\n');
}

export function renderEmail(content: EmailContent): RenderedEmail {
  const html = [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeHtml(content.subject)}</title></head>`,
    '<body style="font-family: sans-serif; line-height: 1.5; color: #1f2933;">',
    `<div style="display: none;">${escapeHtml(content.preheader)}</div>`,
    ...content.blocks.map(blockHtml),
    `<hr><p style="font-size: small; color: #616e7c;">${escapeHtml(content.footer)}</p>`,
    '</body></html>',
  ].join('\n');
  const text = [...content.blocks.map(blockText), '--', content.footer].join('\n\n');
  return { subject: content.subject, html, text: `${text}\n` };
}
