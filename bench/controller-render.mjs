// Renders a controller-bench block again from its raw runs (e.g. after the renderer changed, or a run
// written with --no-write), and writes it into bench/RESULTS.md like controller-bench does.
//   node bench/controller-render.mjs bench/out/controller-bench.json [--no-write]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO } from './contenders.mjs';
import { renderControllerResults, writeControllerSection } from './controller-results.mjs';

const file = process.argv.slice(2).find((a) => !a.startsWith('--'));
if (!file) throw new Error('usage: node bench/controller-render.mjs RAW.json [--no-write]');
const { meta, runs } = JSON.parse(readFileSync(file, 'utf8'));
const markdown = renderControllerResults(meta, runs);
process.stdout.write(`${markdown}\n`);
if (!process.argv.includes('--no-write')) writeControllerSection(path.join(REPO, 'bench', 'RESULTS.md'), meta.section, markdown);
