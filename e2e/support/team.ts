/**
 * Team-mode e2e helpers (issue 18). playwright.config.ts starts a second server with sign-in on
 * (E2E_TEAM_PORT, its own SQLite file): these open contexts on it and drive the first-run and
 * sign-in pages the way a person does.
 */
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';

export interface TeamUser {
  name: string;
  email: string;
  password: string;
}

/** The team server's origin (the default baseURL is the solo server). */
export function teamBaseURL(): string {
  const port = process.env.E2E_TEAM_PORT;
  if (!port) throw new Error('E2E_TEAM_PORT is not set: run through playwright.config.ts, which starts the team server');
  return `http://127.0.0.1:${port}`;
}

/** A fresh browser context on the team server: its own cookies, so its own person (or nobody). */
export function teamContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ baseURL: teamBaseURL() });
}

/** First run: /setup creates the first owner and signs them in (only possible once per server). */
export async function setupOwner(page: Page, owner: TeamUser): Promise<void> {
  await page.goto('/setup');
  await page.getByLabel('Name', { exact: true }).fill(owner.name);
  await page.getByLabel('Email', { exact: true }).fill(owner.email);
  await page.getByLabel('Password', { exact: true }).fill(owner.password);
  await page.getByRole('button', { name: 'Create owner account' }).click();
  await expect(page).not.toHaveURL(/\/setup/, { timeout: 20_000 });
  await expectSignedIn(page, owner);
}

/** Signs in on /sign-in with email and password. */
export async function signIn(page: Page, user: TeamUser): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email', { exact: true }).fill(user.email);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).not.toHaveURL(/\/sign-in/, { timeout: 20_000 });
  await expectSignedIn(page, user);
}

/** The session the server sees for this context's cookies is `user`'s. */
export async function expectSignedIn(page: Page, user: TeamUser): Promise<void> {
  await expect
    .poll(async () => ((await (await page.request.get('/api/session')).json()) as { user: { email: string } | null }).user?.email, { timeout: 10_000 })
    .toBe(user.email);
}

/**
 * Opens an invite link in `page` (a context with nobody signed in), creates the account the invite
 * is for, accepts, and waits for the project to open. Returns the project's id.
 */
export async function acceptInviteAsNewUser(page: Page, inviteUrl: string, user: TeamUser): Promise<string> {
  await page.goto(inviteUrl);
  await expect(page.getByTestId('invite-for')).toHaveText(user.email);
  await page.getByLabel('Name', { exact: true }).fill(user.name);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('button', { name: 'Accept' }).click();
  await expect(page).toHaveURL(/\/projects\/[^/]+$/, { timeout: 20_000 });
  await expect(page.getByTestId('canvas')).toBeVisible();
  return decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
}
