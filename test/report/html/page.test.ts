import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { pageEnd, pageStart, REPORT_CSP } from '../../../src/report/html/page.js';
import { REPORT_SCRIPT } from '../../../src/report/html/script.js';
import { REPORT_CSS } from '../../../src/report/html/styles.js';

const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('page', () => {
  it('allows no request and only its own stylesheet and script, by hash', () => {
    expect(REPORT_CSP).toContain("default-src 'none'");
    expect(REPORT_CSP).toContain(`style-src ${sha(REPORT_CSS)}`);
    expect(REPORT_CSP).toContain(`script-src ${sha(REPORT_SCRIPT)}`);
    expect(REPORT_CSP).not.toContain('unsafe');
  });

  it('carries the policy before any style or script, and the exact texts the hashes were made from', () => {
    const start = pageStart('Report <x>').text;
    expect(start.indexOf('Content-Security-Policy')).toBeLessThan(start.indexOf('<style>'));
    expect(start).toContain(`<style>${REPORT_CSS}</style>`);
    expect(start).toContain('<title>Report &lt;x&gt;</title>');
    expect(pageEnd().text).toContain(`<script>${REPORT_SCRIPT}</script>`);
  });

  it('scales to a phone screen', () => {
    expect(pageStart('x').text).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
  });
});
