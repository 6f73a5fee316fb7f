// Renders one "Fleet scan" block from the raw files of several fleet-bench runs (e.g. a run interrupted by
// a busy machine and its continuation), and writes it into bench/RESULTS.md like fleet-bench does.
//   node bench/fleet-merge.mjs bench/out/fleet-bench.json bench/out/fleet-bench-2.json [--no-write]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CONTENDERS, REPO } from './contenders.mjs';
import { renderResults, writeResultsSection } from './fleet-results.mjs';

const args = process.argv.slice(2);
const files = args.filter((a) => !a.startsWith('--'));
const docs = files.map((f) => JSON.parse(readFileSync(f, 'utf8')));
// Repetitions are numbered per file; renumber so every run keeps its own identity.
const runs = docs.flatMap((d, i) => d.runs.map((r) => ({ ...r, rep: r.rep + i * 100 })));
const ids = new Set(runs.map((r) => r.contender));
const meta = {
  ...docs[0].meta,
  date: docs.at(-1).meta.date,
  reps: `${docs.map((d) => d.meta.reps).join(' + ')} (${files.length} runs merged)`,
  command: docs.map((d) => d.meta.command).join('` then `') + '` and `node bench/fleet-merge.mjs ' + files.join(' '),
};
const markdown = renderResults(meta, runs, CONTENDERS.filter((c) => ids.has(c.id)));
process.stdout.write(`${markdown}\n`);
if (!args.includes('--no-write')) writeResultsSection(path.join(REPO, 'bench', 'RESULTS.md'), markdown);
