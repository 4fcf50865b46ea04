/**
 * An export's file is ready (kind `exportReady`). The email links to the API's download route,
 * which signs a fresh short-lived link for the signed-in user; a link straight to the file would
 * be a bearer credential in an inbox, and one signed by a function dies with its session.
 */
import type { ExportReadyFact } from '../../exports/public';
import { type Attachment, type EmailContent, type RenderedEmail, renderEmail } from './email';
import { formatDay } from './format';
import { alertFooter } from './settings-footer';

const formatNames = { xlsx: 'Excel workbook', csv: 'CSV file' } as const;

export function exportReadyEmail(
  fact: ExportReadyFact,
  options: { appName: string; apiUrl: string; attachment?: Attachment },
): RenderedEmail {
  const what = formatNames[fact.format];
  const range = `${formatDay(fact.from)} to ${formatDay(fact.to)}`;
  const url = `${options.apiUrl}/v1/exports/${fact.exportId}/download`;
  const rows = `${fact.rows.toLocaleString('en-US')} transaction${fact.rows === 1 ? '' : 's'}`;
  const content: EmailContent = {
    subject: `Your ${options.appName} export is ready`,
    preheader: `${what} of your transactions from ${range}.`,
    blocks: [
      { paragraph: [`Your ${what} of transactions from ${range} is ready: ${rows}.`] },
      {
        paragraph: [
          options.attachment ? 'It is attached to this email. ' : '',
          'Download it (signed in as you) from ',
          { link: url },
          ' — the file is kept for 7 days.',
        ],
      },
    ],
    footer: alertFooter(options.appName, 'export emails', 'exportReady'),
  };
  return { ...renderEmail(content), ...(options.attachment ? { attachments: [options.attachment] } : {}) };
}
