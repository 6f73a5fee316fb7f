// The report's one stylesheet: readable on a phone, printable on A4/Letter landscape, no web fonts.
export const REPORT_CSS = `
:root { --fail: #b3261e; --warn: #8a5a00; --ok: #1e7b34; --unseen: #6b3fa0; --muted: #5f6368; --line: #d9dce1; --band: #f4f6f8; --link: #1a56c4; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", Arial, sans-serif; color: #1f2328; background: #fff; }
main { max-width: 1200px; margin: 0 auto; padding: 16px; }
h1 { font-size: 1.25rem; margin: 0 0 4px; }
h2 { font-size: 1.1rem; margin: 28px 0 8px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
h3 { font-size: 1rem; margin: 16px 0 4px; }
a { color: var(--link); }
.meta, .note { color: var(--muted); font-size: 0.9rem; margin: 2px 0; }
.alert { color: var(--fail); font-weight: 600; }
.verdict { font-size: 1.3rem; font-weight: 650; margin: 12px 0; padding: 12px 14px; border-left: 6px solid var(--ok); background: var(--band); }
.verdict.failing { border-color: var(--fail); }
.verdict.unseen { border-color: var(--unseen); }
.tiles { display: flex; flex-wrap: wrap; gap: 10px; margin: 8px 0 4px; }
.tile { flex: 1 1 150px; border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; }
.tile b { display: block; font-size: 1.6rem; line-height: 1.2; }
.tile.ready b { color: var(--ok); } .tile.failing b { color: var(--fail); } .tile.unseen b { color: var(--unseen); } .tile.new b { color: var(--warn); }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 4px 24px; }
.grid.wide { grid-template-columns: repeat(auto-fit, minmax(440px, 1fr)); }
.grid > * { min-width: 0; }
.nowrap { white-space: nowrap; }
.scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
th, td { text-align: left; vertical-align: top; padding: 5px 8px; border-bottom: 1px solid var(--line); }
th { background: var(--band); font-weight: 600; white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
th button { all: unset; cursor: pointer; }
th button::after { content: " \\2195"; color: var(--muted); font-size: 0.8em; }
th[aria-sort="ascending"] button::after { content: " \\2191"; color: inherit; }
th[aria-sort="descending"] button::after { content: " \\2193"; color: inherit; }
th button:focus-visible { outline: 2px solid var(--link); }
.bar { width: 120px; height: 12px; vertical-align: middle; }
.bar .track { fill: var(--band); stroke: var(--line); } .bar .fill { fill: var(--ok); } .bar .fill.fail { fill: var(--fail); }
.status { font-weight: 600; white-space: nowrap; }
.s-fail, .s-timeout, .s-unreachable, .s-error { color: var(--fail); }
.s-warn { color: var(--warn); } .s-pass, .s-ok { color: var(--ok); } .s-not-run, .s-skipped, .s-waived { color: var(--muted); }
.s-unreachable, .s-timeout { color: var(--unseen); }
.ctl { font-family: ui-monospace, Consolas, monospace; font-size: 0.85em; color: var(--fail); background: #fdecea; border-radius: 3px; padding: 0 2px; }
ul.evidence { margin: 0; padding-left: 1.1em; font-family: ui-monospace, Consolas, "Liberation Mono", monospace; font-size: 0.8rem; overflow-wrap: anywhere; }
.filters { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin: 6px 0; }
.filters input, .filters select { font: inherit; padding: 4px 6px; border: 1px solid var(--line); border-radius: 4px; max-width: 100%; }
.filters input[type="search"] { flex: 1 1 220px; }
.filters output { color: var(--muted); font-size: 0.85rem; }
.check { border-top: 1px solid var(--line); padding: 4px 0 8px; }
.check p { margin: 4px 0; }
.chart { width: 100%; max-width: 760px; height: auto; }
.chart .axis { stroke: var(--muted); stroke-width: 1; } .chart .grid-line { stroke: var(--line); stroke-width: 1; }
.chart .ready-line { fill: none; stroke: var(--ok); stroke-width: 2.5; } .chart .ready-dot { fill: var(--ok); }
.chart .new-bar { fill: var(--fail); opacity: 0.75; }
.chart text { font-size: 11px; fill: var(--muted); }
.legend { font-size: 0.85rem; color: var(--muted); }
.legend .ready { color: var(--ok); font-weight: 700; } .legend .new { color: var(--fail); font-weight: 700; }
@media (max-width: 600px) {
  main { padding: 10px; }
  .verdict { font-size: 1.1rem; }
  th, td { padding: 4px 5px; }
  th { white-space: normal; }
  .bar { width: 48px; }
  .grid, .grid.wide { grid-template-columns: 1fr; }
}
@media print {
  @page { size: landscape; margin: 12mm; }
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  .filters, .no-print { display: none !important; }
  tr[hidden] { display: table-row !important; }
  tr, .check, .tile { break-inside: avoid; }
  h2 { break-after: avoid; }
  .scroll { overflow: visible; }
  .grid:not(.wide) { grid-template-columns: 1fr; }
  .bar { width: 70px; }
  th { white-space: normal; }
  th button::after { content: none; }
  a { color: inherit; }
  .verdict, .tile, th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
