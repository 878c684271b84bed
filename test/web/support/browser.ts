import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

const root = join(__dirname, '../../..');
export const SCREENSHOTS = join(root, 'test-output', 'screenshots');

/** Debian's Chromium (`apt-get install -y chromium`; .ci/run installs it). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-quic',
  '--no-first-run',
  '--disable-sync',
];

export interface Browser {
  /** The first page's context (a browser profile): its cookies, storage and the tabs it opens. */
  context: BrowserContext;
  /**
   * A new tab; its uncaught errors and console errors are collected for `assertNoPageErrors`. The
   * first is in `context`; each later one gets a profile of its own, since a sign-in belongs to the
   * browser (its refresh cookie), so two users side by side need two profiles. A second tab of the
   * same profile is `newPage` of `page.context()`.
   */
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

const pageErrors = new WeakMap<Page, string[]>();

const CONTEXT_OPTIONS = { viewport: { width: 1360, height: 900 }, locale: 'en-GB', timezoneId: 'UTC' };

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
  const open = async () => {
    const c = await browser.newContext(CONTEXT_OPTIONS);
    c.setDefaultTimeout(15_000);
    return c;
  };
  const context = await open();
  let used = false;
  return {
    context,
    async newPage(viewport) {
      const page = await (used ? await open() : context).newPage();
      used = true;
      if (viewport) await page.setViewportSize(viewport);
      watchErrors(page);
      return page;
    },
    async close() {
      await browser.close();
    },
  };
}

/** Collects a tab's uncaught errors and console errors for `assertNoPageErrors`. */
export function watchErrors(page: Page): void {
  const errors: string[] = [];
  pageErrors.set(page, errors);
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  page.on('console', (m) => {
    // 4xx answers the page handles (a 409, a 422, a refused refresh) are logged by Chromium as "Failed to load resource"
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(`console: ${m.text()}`);
  });
}

/** Fails on any uncaught exception or console error (a CSP violation, a React warning). */
export function assertNoPageErrors(page: Page): void {
  const errors = pageErrors.get(page) ?? [];
  if (errors.length) throw new Error(`the page reported errors:\n${errors.join('\n')}`);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  // from the top, so the sticky navigation is where a person first sees it
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  return path;
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[]; failureSummary?: string }>;
}

/** Runs axe-core on the page as it is now; fails on serious or critical violations. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  // evaluated through the DevTools protocol, so the app's Content-Security-Policy stays as it is
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  // judge the settled page: a button half-way through its 0.12 s colour transition has colours of neither state
  await page
    .waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'), undefined, {
      timeout: 5000,
    })
    .catch(() => undefined);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: unknown[] }> } })
      .axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  });
  const bad = (violations as AxeViolation[]).filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (bad.length) {
    const text = bad
      .map(
        (v) =>
          `- [${v.impact}] ${v.id}: ${v.help}\n${v.nodes
            .slice(0, 5)
            .map((n) => `    ${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`)
            .join('\n')}`,
      )
      .join('\n');
    throw new Error(`axe-core found serious or critical problems on ${label}:\n${text}`);
  }
}

/** A page visit's checks in one call: no serious axe violation, a screenshot, no page errors. */
export async function checkPage(page: Page, name: string): Promise<void> {
  await expectAccessible(page, name);
  await screenshot(page, name);
  assertNoPageErrors(page);
}
