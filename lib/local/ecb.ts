/**
 * The ECB's reference-rate files, as https://www.ecb.europa.eu/stats/eurofxref/ serves them, for
 * the rates feed to fetch locally:
 *
 *   GET /stats/eurofxref/eurofxref-daily.xml     the newest published day
 *   GET /stats/eurofxref/eurofxref-hist-90d.xml  the days of the last 90 calendar days, newest first
 *
 * It starts with the bundled snapshot's days; tests (or a person) publish more and break it:
 *
 *   PUT /api/days/<YYYY-MM-DD>  { "rates": { "USD": "1.1684", … } }   publishes a day
 *   PUT /api/mode  { "mode": "ok" | "outage" | "malformed" }  outage: 503 for every file (as a
 *                  server in trouble answers); malformed: the files are cut off mid-element
 *   GET /api/requests  how many files were asked for (a breaker that is open asks for none)
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EurReferenceRates } from '../../shared/kit/money/conversion';
import type { RunningService } from './contracts';
import { closeServer, isRecord, listen, readJson, sendJson } from './http';

const FILES = '/stats/eurofxref/';
const NINETY_DAYS_MS = 90 * 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const RATE = /^\d+(\.\d+)?$/;

type Mode = 'ok' | 'outage' | 'malformed';

export type LocalEcb = RunningService & { url: string; filesUrl: string };

/** Days in the ECB's XML format (single-quoted attributes, tab-indented, newest first, as the daily file). */
export function formatEcbXml(days: readonly EurReferenceRates[]): string {
  const body = [...days]
    .sort((a, b) => (a.date < b.date ? 1 : -1))
    .map(
      (day) =>
        `\t\t<Cube time='${day.date}'>\n${Object.entries(day.rates)
          .map(([currency, rate]) => `\t\t\t<Cube currency='${currency}' rate='${rate}'/>\n`)
          .join('')}\t\t</Cube>\n`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
\t<gesmes:subject>Reference rates</gesmes:subject>
\t<gesmes:Sender>
\t\t<gesmes:name>European Central Bank</gesmes:name>
\t</gesmes:Sender>
\t<Cube>
${body}\t</Cube>
</gesmes:Envelope>
`;
}

export async function startLocalEcb(opts: { port: number; days: readonly EurReferenceRates[] }): Promise<LocalEcb> {
  const published = new Map(opts.days.map((day) => [day.date, day]));
  let mode: Mode = 'ok';
  let requests = 0;

  const newestFirst = () => [...published.values()].sort((a, b) => (a.date < b.date ? 1 : -1));
  const fileBody = (file: string): string | undefined => {
    const days = newestFirst();
    const newest = days[0];
    if (!newest) return undefined;
    if (file === 'eurofxref-daily.xml') return formatEcbXml([newest]);
    if (file === 'eurofxref-hist-90d.xml') {
      const since = Date.parse(`${newest.date}T00:00:00Z`) - NINETY_DAYS_MS;
      return formatEcbXml(days.filter((day) => Date.parse(`${day.date}T00:00:00Z`) > since));
    }
    return undefined;
  };

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'GET' && url.pathname.startsWith(FILES)) {
      requests++;
      if (mode === 'outage') return sendJson(res, 503, { message: 'Service Unavailable' });
      const body = fileBody(url.pathname.slice(FILES.length));
      if (body === undefined) return sendJson(res, 404, { message: 'Not Found' });
      const text = mode === 'malformed' ? body.slice(0, Math.floor(body.length / 2)) : body;
      return res.writeHead(200, { 'content-type': 'text/xml' }).end(text);
    }
    const day = /^\/api\/days\/(.+)$/.exec(url.pathname)?.[1];
    if (req.method === 'PUT' && day !== undefined) {
      const asked = await readJson(req);
      const rates = isRecord(asked) ? asked.rates : undefined;
      const valid =
        DATE.test(day) &&
        isRecord(rates) &&
        Object.values(rates).length > 0 &&
        Object.values(rates).every((rate) => typeof rate === 'string' && RATE.test(rate));
      if (!valid)
        return sendJson(res, 400, { message: 'Send PUT /api/days/YYYY-MM-DD { "rates": { "USD": "1.17" } }' });
      published.set(day, { date: day, rates: rates as Record<string, string> });
      return sendJson(res, 200, { date: day });
    }
    if (req.method === 'PUT' && url.pathname === '/api/mode') {
      const asked = await readJson(req);
      const next = isRecord(asked) ? asked.mode : undefined;
      if (next !== 'ok' && next !== 'outage' && next !== 'malformed') {
        return sendJson(res, 400, { message: 'Send { "mode": "ok" | "outage" | "malformed" }' });
      }
      mode = next;
      return sendJson(res, 200, { mode });
    }
    if (req.method === 'GET' && url.pathname === '/api/requests') return sendJson(res, 200, { requests });
    sendJson(res, 404, { message: `No route for ${req.method} ${url.pathname}` });
  });

  await listen(server, opts.port);
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;
  return {
    url: base,
    filesUrl: `${base}${FILES}`,
    stop: () => closeServer(server),
  };
}
