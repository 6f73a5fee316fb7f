import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH, chromiumPath, launchBrowser, openReportFile, type Browser } from '../../src/report/browser.js';

let dir: string;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'fleet-scan-browser-'));
  const launched = await launchBrowser();
  if (!launched.ok) throw new Error(launched.message);
  browser = launched.browser;
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('launchBrowser', () => {
  it("starts Debian's Chromium unless FLEET_SCAN_CHROMIUM names another", () => {
    expect(chromiumPath({})).toBe(CHROMIUM_PATH);
    expect(chromiumPath({ FLEET_SCAN_CHROMIUM: '/opt/chrome/chrome' })).toBe('/opt/chrome/chrome');
  });

  it('keeps Chromium from calling home, which a closed network refuses', () => {
    expect(CHROMIUM_ARGS).toEqual(expect.arrayContaining(['--headless', '--disable-background-networking', '--disable-component-update', '--disable-sync']));
  });

  it('says in one line when there is no browser to start', async () => {
    const launched = await launchBrowser(path.join(dir, 'no-such-chromium'));
    expect(launched).toEqual({ ok: false, message: `no Chromium at ${path.join(dir, 'no-such-chromium')} (install Debian's chromium, or set FLEET_SCAN_CHROMIUM)` });
  });
});

describe('openReportFile', () => {
  it('loads the file and refuses and records every other request', async () => {
    const file = path.join(dir, 'page.html');
    writeFileSync(file, '<!doctype html><title>t</title><p id="p">here</p><img src="http://127.0.0.1:9/pixel.png"><link rel="stylesheet" href="other.css">');
    const opened = await openReportFile(browser, file);
    expect(await opened.page.locator('#p').innerText()).toBe('here');
    expect(opened.refused.sort()).toEqual(['http://127.0.0.1:9/pixel.png', new URL('other.css', `file://${file}`).href].sort());
    await opened.page.close();
  });
});
