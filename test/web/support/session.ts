import { expect } from '@jest/globals';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '@app/config';

/** The demo users `npm start` loads, one per role (libs/auth user-seeder). */
export const DEMO = {
  admin: 'admin@demo.scorecards.dev',
  recruiter: 'recruiter@demo.scorecards.dev',
  hiring_manager: 'manager@demo.scorecards.dev',
  interviewer: 'interviewer@demo.scorecards.dev',
} as const;
export type DemoRole = keyof typeof DEMO;

/** Signs in through the sign-in form and waits for the app's navigation. */
export async function signInAs(page: Page, baseUrl: string, role: DemoRole): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('Work email').fill(DEMO[role]);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  expect(page.url()).not.toContain('/sign-in');
}

/** A bearer token for API calls made beside the browser (e.g. another user's change). */
export async function apiToken(baseUrl: string, role: DemoRole): Promise<string> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: DEMO[role], password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`login as ${role} failed: ${res.status}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

/** Signs in a user made by the test (not a demo one) through the sign-in form. */
export async function signInWith(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel('Work email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
}
