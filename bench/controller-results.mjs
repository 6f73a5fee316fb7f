// Turns the controller benchmark's runs into tables and goal verdicts (bench/controller-bench.mjs).
import { loadNow, machineLine, median, spread } from './bench-env.mjs';
import { PWSH } from './contenders.mjs';
import { replaceSection } from './results-section.mjs';

const MB = 2 ** 20;
const SECTIONS = {
  controller: { heading: '## The controller\'s own limit: canned targets', tag: 'controller-bench' },
  winrm: { heading: '## WinRM against ssh-exec on the controller', tag: 'winrm-bench' },
};
const mark = (ok) => (ok === undefined ? 'not measured' : ok ? '**met**' : '**MISSED**');
const pct = (x) => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(0)} %`;

/** Figures of one contender at one size and concurrency, over its valid runs. */
export function controllerSummary(runs, id, n, c) {
  const all = runs.filter((r) => r.contender === id && r.n === n && r.concurrency === c);
  const ok = all.filter((r) => r.valid);
  if (ok.length === 0) return { runs: all.length, valid: 0 };
  return {
    runs: all.length, valid: ok.length,
    wall: ok.map((r) => r.wallMs / 1000),
    perMinute: ok.map((r) => n / (r.wallMs / 60_000)),
    cpuPerHost: ok.map((r) => r.controllerCpu / n),
    rss: ok.map((r) => r.controllerPeakRss / MB),
    pss: ok.map((r) => r.controllerPeakPss / MB),
    worker: ok.map((r) => r.controllerPeakByName?.dotnet ?? 0),
    remotePerHost: ok.map((r) => r.remoteCpu / n),
    load: ok.map((r) => r.load1),
  };
}

function table(runs, meta, n, c) {
  const ids = [...new Set(runs.filter((r) => r.n === n && r.concurrency === c).map((r) => r.contender))];
  const floor = controllerSummary(runs, 'floor', n, c);
  const lines = [
    `### ${n.toLocaleString('en-US')} hosts, concurrency ${c}`,
    '',
    '| contender | valid runs | wall, s | hosts per minute | controller CPU-s per host | × floor CPU | peak RSS sum, MB (PSS) | of which pwsh worker, MB | target CPU-s per host | load at start |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const id of ids) {
    const s = controllerSummary(runs, id, n, c);
    if (s.valid === 0) {
      lines.push(`| ${meta.labels[id] ?? id} | 0 of ${s.runs} | – | – | – | – | – | – | – | – |`);
      continue;
    }
    const ratio = floor.valid ? median(s.cpuPerHost) / median(floor.cpuPerHost) : NaN;
    lines.push(`| ${meta.labels[id] ?? id} | ${s.valid} of ${s.runs} | ${spread(s.wall, 1)} | ${spread(s.perMinute, 0)} | ${spread(s.cpuPerHost, 4)} | ${id === 'floor' ? '1.00' : Number.isFinite(ratio) ? ratio.toFixed(2) : '–'} | ${spread(s.rss, 0)} (${spread(s.pss, 0)}) | ${id === 'floor' ? '–' : spread(s.worker, 0)} | ${spread(s.remotePerHost, 4)} | ${spread(s.load, 1)} |`);
  }
  return lines.join('\n');
}

function goals(runs, blocks) {
  const out = [];
  for (const { n, c } of blocks) {
    const floor = controllerSummary(runs, 'floor', n, c);
    for (const id of ['ssh-exec', 'winrm']) {
      const s = controllerSummary(runs, id, n, c);
      if (!s.valid || !floor.valid) continue;
      const r = median(s.cpuPerHost) / median(floor.cpuPerHost);
      out.push(`- ${n} hosts, concurrency ${c}: \`${id}\` controller CPU per host ≤ 1.5 × the floor's: ${r.toFixed(2)} × → ${mark(r <= 1.5)}`);
    }
  }
  const sizes = [...new Set(blocks.map((b) => b.n))].sort((a, b) => a - b);
  const cs = [...new Set(blocks.map((b) => b.c))];
  if (sizes.length >= 2) {
    const [small, big] = [sizes[0], sizes.at(-1)];
    for (const c of cs) {
      for (const id of ['ssh-exec', 'winrm', 'ssh']) {
        const a = controllerSummary(runs, id, small, c);
        const b = controllerSummary(runs, id, big, c);
        if (!a.valid || !b.valid) continue;
        for (const [what, key] of [['RSS sum', 'rss'], ['PSS sum', 'pss'], ['pwsh worker RSS', 'worker']]) {
          const g = median(b[key]) / median(a[key]) - 1;
          if (!Number.isFinite(g)) continue;
          out.push(`- \`${id}\`, concurrency ${c}: peak controller ${what} at ${big} hosts within +10 % of ${small}: ${Math.round(median(b[key]))} vs ${Math.round(median(a[key]))} MB, ${pct(g)} → ${mark(g <= 0.1)}`);
        }
      }
    }
  }
  return out;
}

/** winrm against ssh-exec in each block (issue 13): the ratios of their controller CPU and memory per host. */
function winrmAgainstSshExec(runs, blocks) {
  const out = [];
  for (const { n, c } of blocks) {
    const w = controllerSummary(runs, 'winrm', n, c);
    const e = controllerSummary(runs, 'ssh-exec', n, c);
    if (!w.valid || !e.valid) continue;
    const r = (key) => (median(w[key]) / median(e[key])).toFixed(2);
    out.push(`- ${n} hosts, concurrency ${c}: \`winrm\` costs the controller ${r('cpuPerHost')} × the CPU per host of \`ssh-exec\` (${median(w.cpuPerHost).toFixed(4)} against ${median(e.cpuPerHost).toFixed(4)} CPU-s), ${r('rss')} × its peak RSS sum and ${r('pss')} × its PSS sum (${Math.round(median(w.pss))} against ${Math.round(median(e.pss))} MB).`);
  }
  return out;
}

/** What an admin sizing a controller asks, from the largest measured block of each transport. */
function sizing(runs, blocks) {
  const out = [];
  for (const id of ['ssh-exec', 'winrm', 'ssh']) {
    const mine = blocks.filter((b) => controllerSummary(runs, id, b.n, b.c).valid);
    if (mine.length === 0) continue;
    const cpu = median(mine.flatMap((b) => controllerSummary(runs, id, b.n, b.c).cpuPerHost));
    // Memory per concurrent host from one fleet size measured at two concurrencies (the smallest such size).
    const sizesAt = (n) => new Set(mine.filter((b) => b.n === n).map((b) => b.c)).size;
    const n0 = Math.min(...mine.map((b) => b.n).filter((n) => sizesAt(n) >= 2));
    const byC = new Map();
    for (const b of mine.filter((x) => x.n === n0)) byC.set(b.c, controllerSummary(runs, id, b.n, b.c).pss);
    const cs = [...byC.keys()].sort((a, b) => a - b);
    let perSlot = '';
    if (cs.length >= 2) {
      const lo = median(byC.get(cs[0]));
      const hi = median(byC.get(cs.at(-1)));
      perSlot = `, about ${((hi - lo) / (cs.at(-1) - cs[0])).toFixed(1)} MB PSS per concurrent host (${n0} hosts at concurrency ${cs[0]} → ${cs.at(-1)}: ${Math.round(lo)} → ${Math.round(hi)} MB)`;
    }
    out.push(`- \`${id}\`: ${cpu.toFixed(4)} controller CPU-s per host, so one core scans about ${Math.round(60 / cpu).toLocaleString('en-US')} hosts per minute when the network and the targets keep up${perSlot}.`);
  }
  return out;
}

export function renderControllerResults(meta, runs) {
  const { tag } = SECTIONS[meta.section] ?? SECTIONS.controller;
  const blocks = [...new Map(runs.map((r) => [`${r.n}/${r.concurrency}`, { n: r.n, c: r.concurrency }])).values()]
    .sort((a, b) => a.n - b.n || a.c - b.c);
  const invalid = runs.filter((r) => !r.valid);
  return [
    `<!-- ${tag}:begin (generated by bench/controller-bench.mjs) -->`,
    '',
    `Measured ${meta.date.slice(0, 16).replace('T', ' ')} UTC on ${machineLine(PWSH)}; load average ${spread(runs.map((r) => r.load1), 1)} at the start of the runs (median (min–max)), ${loadNow().toFixed(1)} at the end; ${meta.reps} run(s) per contender, size and concurrency, order rotated every round; figures are median (min–max) over the runs.`,
    `Canned targets answer with a captured healthy MARS report (${meta.canned.checks} checks, ${meta.canned.bytes} bytes of JSON); fleet-scan writes the workbook and the JSON and runs the two fleet checks in its pwsh worker, as a real scan does. "Target CPU" is what the canned targets' daemons reaped (sessions, scripts): the part that is not the controller's.`,
    '',
    'Reproduce: `npm run bench -- --only ' + (meta.section === 'winrm' ? 'winrm' : 'controller') + '` or, after `npm run build`: `' + meta.command + '`.',
    '',
    ...blocks.flatMap((b) => [table(runs, meta, b.n, b.c), '']),
    ...(meta.section === 'winrm'
      ? ['### winrm against ssh-exec', '', ...winrmAgainstSshExec(runs, blocks), '']
      : ['### Goals', '', ...goals(runs, blocks), '', '### winrm against ssh-exec', '', ...winrmAgainstSshExec(runs, blocks), '']),
    '### Sizing a controller',
    '',
    ...sizing(runs, blocks),
    '',
    invalid.length ? `Invalid runs (not in the figures): ${invalid.map((r) => `${r.contender} n=${r.n} c=${r.concurrency} rep ${r.rep}: ${r.detail}`).join('; ')}` : 'Every run scanned every host.',
    '',
    `<!-- ${tag}:end -->`,
  ].join('\n');
}

export function writeControllerSection(file, section, markdown) {
  const { heading, tag } = SECTIONS[section] ?? SECTIONS.controller;
  replaceSection(file, { begin: `<!-- ${tag}:begin (generated by bench/controller-bench.mjs) -->`, end: `<!-- ${tag}:end -->`, heading }, markdown);
}
