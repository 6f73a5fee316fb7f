// Benchmark (not a test): time and peak memory of writing the reports of a 10,000-host run.
//
// Build and run (from the repository root):
//   npx tsc --strict --module nodenext --moduleResolution nodenext --target es2022 --lib es2023 --types node \
//     --skipLibCheck --esModuleInterop --rootDir . --outDir bench/out/build bench/report-10k.ts
//   node bench/out/build/bench/report-10k.js
//
// Each scenario runs in its own child process so its peak RSS is its own. Prints a markdown table and
// replaces the "Report stage: 10,000 hosts" section of bench/RESULTS.md.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeRunJson } from '../src/report/json.js';
import { writeJunit } from '../src/report/junit.js';
import { writeWorkbook } from '../src/report/xlsx/write-workbook.js';
import { syntheticRun } from '../test/helpers/synthetic-run.js';

const OUT = 'bench/out';
const RESULTS = 'bench/RESULTS.md';
const SECTION = '## Report stage: 10,000 hosts';
const COMMAND =
  'npx tsc --strict --module nodenext --moduleResolution nodenext --target es2022 --lib es2023 --types node --skipLibCheck ' +
  '--esModuleInterop --rootDir . --outDir bench/out/build bench/report-10k.ts && node bench/out/build/bench/report-10k.js';

interface Scenario {
  name: string;
  hosts: number;
  write: ('xlsx' | 'json' | 'junit')[];
}

const SCENARIOS: Scenario[] = [
  { name: 'build the run record only (memory floor)', hosts: 10_000, write: [] },
  { name: 'workbook + JSON, 1,000 hosts (baseline)', hosts: 1_000, write: ['xlsx', 'json'] },
  { name: 'workbook + JSON, 10,000 hosts', hosts: 10_000, write: ['xlsx', 'json'] },
  { name: 'JUnit, 10,000 hosts', hosts: 10_000, write: ['junit'] },
];

interface Measurement {
  ms: number;
  maxRssMb: number;
  bytes: number;
}

async function runScenario(index: number): Promise<Measurement> {
  const scenario = SCENARIOS[index]!;
  const record = syntheticRun({ hosts: scenario.hosts, checks: 30 });
  const base = join(OUT, `report-bench-${scenario.hosts}`);
  const started = performance.now();
  let bytes = 0;
  for (const kind of scenario.write) {
    const file = `${base}.${kind === 'junit' ? 'junit.xml' : kind}`;
    if (kind === 'xlsx') await writeWorkbook(record, file);
    if (kind === 'json') await writeRunJson(record, file);
    if (kind === 'junit') await writeJunit(record, file);
    bytes += statSync(file).size;
  }
  const ms = performance.now() - started;
  return { ms, maxRssMb: process.resourceUsage().maxRSS / 1024, bytes };
}

function table(rows: [Scenario, Measurement][]): string {
  const lines = ['| scenario | wall time | peak RSS | output size |', '| --- | ---: | ---: | ---: |'];
  for (const [s, m] of rows) {
    const time = s.write.length === 0 ? '–' : `${(m.ms / 1000).toFixed(1)} s`;
    const size = m.bytes === 0 ? '–' : `${(m.bytes / 1024 / 1024).toFixed(1)} MB`;
    lines.push(`| ${s.name} | ${time} | ${Math.round(m.maxRssMb)} MB | ${size} |`);
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const child = process.argv[2];
  if (child !== undefined) {
    process.stdout.write(JSON.stringify(await runScenario(Number(child))));
    return;
  }
  mkdirSync(OUT, { recursive: true });
  const self = fileURLToPath(import.meta.url);
  const rows: [Scenario, Measurement][] = [];
  for (const [i, scenario] of SCENARIOS.entries()) {
    const result = spawnSync(process.execPath, [self, String(i)], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`scenario "${scenario.name}" failed: ${result.stderr.split('\n')[0]}`);
    rows.push([scenario, JSON.parse(result.stdout) as Measurement]);
    console.error(`done: ${scenario.name}`);
  }
  const main10k = rows[2]![1];
  const verdict =
    `Targets (10,000 hosts, workbook + JSON): under 30 s -> ${main10k.ms < 30_000 ? 'met' : 'MISSED'}, ` +
    `under 500 MB peak RSS -> ${main10k.maxRssMb < 500 ? 'met' : 'MISSED'}.`;
  const machine = `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${Math.round(totalmem() / 1024 ** 3)} GB RAM, Node ${process.version}`;
  const section = [
    SECTION,
    '',
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machine}; the machine is shared with other work, so times vary.`,
    'Synthetic run: 30 MARS checks per host, about 3 % unreachable and 1 % timed-out hosts (`test/helpers/synthetic-run.ts`).',
    'Each scenario runs in a fresh child process; peak RSS is `process.resourceUsage().maxRSS` of that process and includes',
    'building the run record in memory (first row).',
    '',
    table(rows),
    '',
    verdict,
    '',
    'Reproduce from the repository root:',
    '',
    '```sh',
    COMMAND,
    '```',
    '',
  ].join('\n');
  console.log(section);

  const previous = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : '# Benchmark results\n';
  const start = previous.indexOf(SECTION);
  let next: string;
  if (start < 0) {
    next = `${previous.trimEnd()}\n\n${section}`;
  } else {
    const after = previous.indexOf('\n## ', start + SECTION.length);
    next = previous.slice(0, start) + section + (after < 0 ? '' : `\n${previous.slice(after + 1)}`);
  }
  writeFileSync(RESULTS, next);
}

await main();
