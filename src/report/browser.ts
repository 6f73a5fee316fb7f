// One way to start a browser: Debian's Chromium (or FLEET_SCAN_CHROMIUM), headless, with a fresh profile,
// driven by playwright-core. The PDF report and the HTML report's browser tests both start it here.
import { constants } from 'node:fs';
import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

// Without the background-networking flags Chromium phones home at start, which a closed network refuses.
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
] as const;

const LAUNCH_TIMEOUT_MS = 60_000;

export interface Browser {
  readonly context: BrowserContext;
  /** Closes the browser and removes its profile folder. */
  close(): Promise<void>;
}

export type LaunchResult = { ok: true; browser: Browser } | { ok: false; message: string };

/** Which Chromium to start: FLEET_SCAN_CHROMIUM when set, else Debian's. */
export function chromiumPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.FLEET_SCAN_CHROMIUM || CHROMIUM_PATH;
}

/** Starts headless Chromium with a profile of its own; a missing browser is a one-line message, not a throw. */
export async function launchBrowser(executablePath = chromiumPath()): Promise<LaunchResult> {
  try {
    await access(executablePath, constants.X_OK);
  } catch {
    return { ok: false, message: `no Chromium at ${executablePath} (install Debian's chromium, or set FLEET_SCAN_CHROMIUM)` };
  }
  const profile = await mkdtemp(path.join(tmpdir(), 'fleet-scan-chromium-'));
  try {
    // Loaded here, not at start-up: only --pdf and the browser tests need it.
    const { chromium } = await import('playwright-core');
    const context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      args: [...CHROMIUM_ARGS],
      timeout: LAUNCH_TIMEOUT_MS,
      offline: true,
    });
    const close = async () => {
      await context.close().catch(() => undefined);
      await rm(profile, { recursive: true, force: true });
    };
    return { ok: true, browser: { context, close } };
  } catch (error) {
    await rm(profile, { recursive: true, force: true });
    const line = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    return { ok: false, message: `Chromium at ${executablePath} did not start: ${line}` };
  }
}

export interface ReportPage {
  readonly page: Page;
  /** Every request the page made other than for its own file; each was refused. */
  readonly refused: string[];
}

/** Opens a report file in a new page, refusing (and recording) every request but the file itself. */
export async function openReportFile(browser: Browser, file: string): Promise<ReportPage> {
  const own = pathToFileURL(path.resolve(file)).href;
  const page = await browser.context.newPage();
  const refused: string[] = [];
  page.on('request', (request) => {
    if (request.url() !== own) refused.push(request.url());
  });
  await page.route('**/*', (route) => (route.request().url() === own ? route.continue() : route.abort('blockedbyclient')));
  await page.goto(own, { waitUntil: 'load' });
  return { page, refused };
}
