/**
 * Reads the local cloud's SES outbox (`GET <OutboxUrl>/api/messages?to=…`, newest first), where
 * the welcome mail and Cognito's confirmation and reset codes arrive.
 */

import { stackOutputs } from './outputs';
import { eventually } from './poll';

export type Mail = {
  id: string;
  receivedAt: string;
  from: string;
  to: string[];
  subject: string;
  text?: string;
  html?: string;
  via: 'ses' | 'cognito';
  /** Files of a raw message, as the outbox decoded them. */
  attachments?: { filename: string; contentType: string; size: number; contentBase64: string }[];
};

function outboxUrl(): string {
  const url = stackOutputs().OutboxUrl;
  if (!url) throw new Error('This target has no OutboxUrl: mailbox tests run against the local cloud only');
  return url;
}

/** Every mail sent to `address`, newest first. */
export async function mailsTo(address: string): Promise<Mail[]> {
  const response = await fetch(`${outboxUrl()}/api/messages?to=${encodeURIComponent(address)}`);
  if (!response.ok) throw new Error(`Outbox answered HTTP ${response.status}`);
  const body = (await response.json()) as { messages: Mail[] };
  return body.messages;
}

type MailFilter = {
  via?: Mail['via'] /** Ids of mails already seen: wait for a new one. */;
  notIn?: Set<string>;
};

const matches = (mail: Mail, filter: MailFilter) =>
  (filter.via === undefined || mail.via === filter.via) && !filter.notIn?.has(mail.id);

/** The ids of the mails `address` has now, so a later wait can insist on a new one. */
export async function seenMailIds(address: string): Promise<Set<string>> {
  return new Set((await mailsTo(address)).map((mail) => mail.id));
}

/** The newest mail to `address` that matches, once it arrives (≤ 15 s). */
export function waitForMail(address: string, filter: MailFilter = {}, intervalMs = 100): Promise<Mail> {
  return eventually(
    `a ${filter.via ?? ''} mail to ${address}`,
    async () => (await mailsTo(address)).find((mail) => matches(mail, filter)),
    { intervalMs },
  );
}

/** The 6-digit code in a Cognito mail. */
export function codeIn(mail: Mail): string {
  const match = /\b(\d{6})\b/.exec(`${mail.text ?? ''} ${mail.html ?? ''}`);
  if (!match?.[1]) throw new Error(`No 6-digit code in the mail "${mail.subject}"`);
  return match[1];
}

/** Waits for a new Cognito code mail to `address` and returns its code. */
export async function waitForCode(address: string, notIn: Set<string> = new Set()): Promise<string> {
  return codeIn(await waitForMail(address, { via: 'cognito', notIn }));
}
