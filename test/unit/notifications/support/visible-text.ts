/**
 * The text a mail client shows for an HTML body: the <body> without tags, entities decoded,
 * whitespace folded. Lets a test assert on what the reader sees in either body.
 */
const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

export function visibleText(html: string): string {
  const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html;
  return body
    .replace(/<div style="display: none;">[\s\S]*?<\/div>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(amp|lt|gt|quot|#39);/g, (entity) => entities[entity] ?? entity)
    .replace(/\s+/g, ' ')
    .trim();
}

/** Both bodies as read: the plain text with whitespace folded, and the HTML's visible text. */
export function readBodies(email: { html: string; text: string }): string[] {
  return [email.text.replace(/\s+/g, ' '), visibleText(email.html)];
}
