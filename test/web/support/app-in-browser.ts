import type { Page } from 'playwright-core';
import { startApp, type AppEnv, type RunningApp } from './app-process';
import { launchBrowser, type Browser } from './browser';

export interface AppInBrowser {
  app: RunningApp;
  browser: Browser;
  page: Page;
}

/**
 * Starts the app as `npm start` does, a browser and one page in it: a spec's `beforeAll`
 * (`({ app, browser, page } = await openAppInBrowser())`, with 240 s for the first build and start).
 * `env` adds settings to the app's process (see `startApp`).
 */
export async function openAppInBrowser(env?: AppEnv): Promise<AppInBrowser> {
  const app = await startApp(undefined, env);
  let browser: Browser | undefined;
  try {
    browser = await launchBrowser();
    return { app, browser, page: await browser.newPage() };
  } catch (e) {
    await closeAppInBrowser({ app, browser });
    throw e;
  }
}

/** A spec's `afterAll`: closes the browser, then stops the app (either may be missing if `beforeAll` failed). */
export async function closeAppInBrowser({ app, browser }: { app?: RunningApp; browser?: Browser }): Promise<void> {
  await browser?.close();
  await app?.stop();
}
