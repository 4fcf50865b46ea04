/** How an export's file is named and typed, wherever it is served (download link, email attachment). */
import type { ExportFormat } from './items';

export const contentTypes: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

/** The file name a download or an attachment is saved under (ASCII: dates and the extension only). */
export const exportFileName = (job: { from: string; to: string; format: ExportFormat }) =>
  `transactions-${job.from}-to-${job.to}.${job.format}`;
