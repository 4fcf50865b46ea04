/**
 * Statement import throughput on the local cloud: a generated CSV of BENCH_IMPORT_ROWS rows
 * (default 20,000; distinct payees and days, no ids, so every row takes the row-identity and
 * fuzzy-duplicate path) uploaded through its grant, started, and followed until completed. Prints
 * rows per second from start to completed, the chunk count, and whether the account balance equals
 * the file's sum. Everything else the local cloud runs meanwhile (the budget evaluator, the
 * insights aggregator and the audit logger hear every TransactionCreated) shares the same cores,
 * as it would share nothing on AWS: the figure is a floor. Figures only: nothing here asserts.
 */
import { api } from '../e2e/support/api-client';
import { createAccount, expectOk, getAccount, ledgerUser } from '../e2e/support/ledger';
import { sleep } from '../e2e/support/poll';
import { withLocalCloud } from './measure';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 20_000);

/**
 * A bank-style CSV: semicolons, decimal commas, day-first dates, in date order over ten months, as
 * a bank writes a statement (so a chunk of 200 rows spans a few days, and its fuzzy-duplicate
 * reads cover only those days' transactions).
 */
function generatedCsv(rows: number): { text: string; sum: number } {
  const lines = ['Datum;Empfänger;Verwendungszweck;Betrag'];
  let sum = 0;
  const start = Date.UTC(2026, 1, 1);
  for (let i = 0; i < rows; i++) {
    const day = new Date(start + Math.floor((i * 300) / rows) * 86_400_000);
    const date = `${String(day.getUTCDate()).padStart(2, '0')}.${String(day.getUTCMonth() + 1).padStart(2, '0')}.${day.getUTCFullYear()}`;
    const cents = i % 7 === 0 ? 150_000 + i : -(100 + ((i * 37) % 20_000));
    sum += cents;
    const amount = `${cents < 0 ? '-' : ''}${Math.floor(Math.abs(cents) / 100)},${String(Math.abs(cents) % 100).padStart(2, '0')}`;
    lines.push(`${date};Händler ${i % 997};Zahlung ${i};${amount}`);
  }
  return { text: `${lines.join('\r\n')}\r\n`, sum };
}

export async function measureImports(): Promise<void> {
  await withLocalCloud('imports', async () => {
    const user = await ledgerUser();
    const account = await createAccount(user, { name: 'Girokonto', currency: 'EUR' });
    const { text, sum } = generatedCsv(ROWS);
    const mapping = {
      delimiter: ';',
      decimalSeparator: ',',
      dateFormat: 'DD.MM.YYYY',
      columns: { date: 'Datum', payee: 'Empfänger', note: 'Verwendungszweck', amount: 'Betrag' },
    };
    const created = expectOk(
      await api.post('/v1/imports', { accountId: account.id, format: 'csv', mapping }, { token: user.token }),
      202,
      'create import',
    ).json;
    const form = new FormData();
    for (const [name, value] of Object.entries(created.upload.fields as Record<string, string>))
      form.append(name, value);
    form.append('file', new Blob([text], { type: 'text/csv' }), 'statement.csv');
    const upload = await fetch(created.upload.url, { method: 'POST', body: form });
    if (upload.status !== 204) throw new Error(`Upload answered ${upload.status}: ${await upload.text()}`);

    const started = performance.now();
    expectOk(await api.post(`/v1/imports/${created.id}/start`, undefined, { token: user.token }), 202, 'start');
    let view: { status: string; counts: Record<string, number>; progress: { processed: number } };
    let lastReport = started;
    for (;;) {
      view = expectOk(await api.get(`/v1/imports/${created.id}`, { token: user.token }), 200, 'get import').json;
      if (view.status === 'completed' || view.status === 'failed') break;
      if (performance.now() - lastReport > 30_000) {
        lastReport = performance.now();
        const seconds = (lastReport - started) / 1000;
        console.log(`  … ${view.progress.processed} rows after ${seconds.toFixed(0)} s`);
      }
      await sleep(500);
    }
    const seconds = (performance.now() - started) / 1000;
    const balance = (await getAccount(user, account.id)).balance.amount;
    console.log(
      `${ROWS} rows (${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB, uploaded through a grant): ${view.status} in ${seconds.toFixed(1)} s = ` +
        `${(ROWS / seconds).toFixed(0)} rows/s; ${Math.ceil(ROWS / 200)} chunks of 200`,
    );
    console.log(
      `counts ${JSON.stringify(view.counts)}; balance ${balance === sum ? 'equals' : 'DIFFERS FROM'} the file's sum (${sum})`,
    );
  });
}
