// The document around the sections. Its Content-Security-Policy allows nothing to load and only this
// page's own stylesheet and script (by hash) to apply: even a string that slipped past escaping could not
// run a script or reach the network.
import { createHash } from 'node:crypto';
import { h, Markup } from './markup.js';
import { REPORT_SCRIPT } from './script.js';
import { REPORT_CSS } from './styles.js';

const hashOf = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The policy the page carries: no request of any kind, only the page's own style and script. */
export const REPORT_CSP = [
  "default-src 'none'",
  `style-src ${hashOf(REPORT_CSS)}`,
  `script-src ${hashOf(REPORT_SCRIPT)}`,
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** The head of the page, up to and including the opening of its main element. */
export function pageStart(title: string): Markup {
  return h`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="fleet-scan">
<title>${title}</title>
<link rel="icon" href="data:,">
<style>${new Markup(REPORT_CSS)}</style>
</head>
<body>
<main>
`;
}

/** The end of the page: the script, then the closing tags. */
export function pageEnd(): Markup {
  return h`</main>
<script>${new Markup(REPORT_SCRIPT)}</script>
</body>
</html>
`;
}
