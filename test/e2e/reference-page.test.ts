/**
 * The API reference page as a reader uses it, in a real headless browser: Debian's chromium driven
 * by playwright-core (`CHROMIUM_PATH`, default /usr/bin/chromium). GET /v1/docs lists every
 * operation of the contract, loads nothing from elsewhere, breaks none of its own
 * Content-Security-Policy, and "Try it out" with a token entered in Authorize answers 200.
 */
import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { routes } from '../../lib/catalog/routes';
import { ledgerUser } from './support/ledger';
import { stackOutputs } from './support/outputs';

jest.setTimeout(180_000);

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const docsUrl = `${stackOutputs().ApiUrl.replace(/\/$/, '')}/v1/docs`;

let browser: Browser;
let page: Page;
/** What the browser reported while the page ran: policy violations, failed or foreign requests. */
const troubles: string[] = [];

beforeAll(async () => {
  if (!existsSync(executablePath)) {
    throw new Error(`No chromium at ${executablePath}: apt-get install chromium, or set CHROMIUM_PATH`);
  }
  browser = await chromium.launch({
    executablePath,
    headless: true,
    // As root (CI containers) Chromium refuses to start sandboxed.
    args: ['--no-sandbox'],
  });
  page = await browser.newPage();
  const origin = new URL(docsUrl).origin;
  page.on('console', (message) => {
    if (message.type() === 'error') troubles.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => troubles.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol !== 'data:' && url.origin !== origin) troubles.push(`request elsewhere: ${request.url()}`);
  });
  page.on('requestfailed', (request) => troubles.push(`failed: ${request.url()}`));
  page.on('response', (response) => {
    if (response.status() >= 400) troubles.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  await page.goto(docsUrl);
  await page.waitForSelector('.opblock', { timeout: 60_000 });
});

/** What the functions run in the page use of the browser (the project compiles against Node's types). */
type PageElement = {
  getBoundingClientRect(): { top: number; bottom: number };
  querySelectorAll(selector: string): ArrayLike<PageElement>;
};
declare const document: {
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): ArrayLike<PageElement>;
};
declare const window: {
  innerHeight: number;
  scrollY: number;
  scrollTo(x: number, y: number): void;
  scrollBy(x: number, y: number): void;
};

/** Waits until the operations Swagger UI has drawn cover what the window shows of the list. */
async function drawnForThisScroll(): Promise<void> {
  await page.waitForFunction(() => {
    const list = document.querySelector('.operations-virtual__list');
    const items = list ? Array.from(list.querySelectorAll(':scope > [data-index]')) : [];
    const first = items[0]?.getBoundingClientRect();
    const last = items[items.length - 1]?.getBoundingClientRect();
    if (!list || !first || !last) return document.querySelectorAll('.opblock').length > 0;
    const bounds = list.getBoundingClientRect();
    return first.top <= Math.max(0, bounds.top) + 1 && last.bottom >= Math.min(window.innerHeight, bounds.bottom) - 1;
  });
}

/**
 * Scrolls the page top to bottom as a reader would, half a window at a time, calling `visit` once
 * each step is drawn, until `visit` answers true or the page ends. A contract of 100 operations or
 * more is drawn virtualised: only the operations near the window are in the page at any moment.
 */
async function scrollThrough(visit: () => Promise<boolean>): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  for (;;) {
    await drawnForThisScroll();
    if (await visit()) return;
    const moved = await page.evaluate(() => {
      const before = window.scrollY;
      window.scrollBy(0, Math.floor(window.innerHeight / 2));
      return window.scrollY !== before;
    });
    if (!moved) return;
  }
}

afterAll(async () => {
  await browser?.close();
});

test('lists every operation of the contract', async () => {
  const listed = new Set<string>();
  await scrollThrough(async () => {
    const drawn = await page.$$eval('.opblock', (blocks) =>
      blocks.map((block) => {
        const method = block.querySelector('.opblock-summary-method')?.textContent?.trim() ?? '';
        const path = block.querySelector('.opblock-summary-path')?.getAttribute('data-path') ?? '';
        return `${method} ${path}`;
      }),
    );
    for (const operation of drawn) listed.add(operation);
    return false;
  });
  const contract = routes.map((route) => `${route.method} ${route.path}`);
  expect([...listed].sort()).toEqual([...contract].sort());
});

test('"Try it out" with a token entered in Authorize answers 200', async () => {
  const user = await ledgerUser();
  await page.click('.auth-wrapper .authorize');
  await page.fill('.modal-ux input[type=text]', user.token);
  await page.click('.modal-ux .auth-btn-wrapper .authorize');
  await page.click('.modal-ux .btn-done');

  const operation = page.locator('#operations-me-me-get');
  await scrollThrough(async () => (await operation.count()) > 0);
  await operation.locator('.opblock-summary').first().click();
  await operation.locator('.try-out__btn').click();
  await operation.locator('.execute').click();
  const status = operation.locator('.live-responses-table .response .response-col_status').first();
  await status.waitFor({ timeout: 30_000 });
  expect((await status.textContent())?.trim()).toBe('200');
  const body = await operation
    .locator('.live-responses-table .response-col_description .microlight')
    .first()
    .textContent();
  expect(JSON.parse(body ?? '{}')).toEqual(expect.objectContaining({ email: user.email }));
});

test('loads nothing from elsewhere and breaks none of its Content-Security-Policy', () => {
  expect(troubles).toEqual([]);
});

test('shows no warning or error about the document', async () => {
  await page.evaluate(() => window.scrollTo(0, 0));
  expect(await page.locator('.errors-wrapper').allTextContents()).toEqual([]);
});
