// Every flag of every command given invalid values (wrong types, out of range, empty, huge, unicode,
// line breaks, shell and PowerShell metacharacters) through the built CLI: exit 2, exactly one line on
// stderr naming the flag, no stack trace, nothing on stdout, nothing written. Needs `npm run build`.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { expectRefused, inBatches, runInEmptyDir, type BadRun } from './helpers/bad-input-cli.js';

const inputs = mkdtempSync(path.join(tmpdir(), 'fs-bad-flags-'));
afterAll(() => rmSync(inputs, { recursive: true, force: true }));
const file = (name: string, text: string): string => {
  const at = path.join(inputs, name);
  writeFileSync(at, text);
  return at;
};
// One host nobody listens for: no case below may get as far as trying it.
const INV = file('inv.json', JSON.stringify({ hosts: [{ name: 'fs01', address: '127.0.181.250', transport: 'ssh-exec', cloud: 'public', tags: ['files'] }] }));
const CSV = file('inv.csv', 'name,cloud\nfs01,public\n');
const RUN = file('run.json', '{"schema":"fleet-scan/run@2"}');
const A_FOLDER = path.join(inputs, 'a-folder');
mkdirSync(A_FOLDER);
const LONG_NAME = path.join(inputs, 'x'.repeat(300));

const NUMBERS = ['0', '-1', '1.5', 'abc', '1e309', '', '９'];
const DURATIONS = ['0', '-5', 'abc', '', '1e309', '5x', '1 s', 'ünï'];
const HOSTILE = ['host; rm -rf /', '$(touch /tmp/fs-pwned)', '`id`', "a'b\"c", 'a\nb', '\u202Eevil', 'x'.repeat(5000)];

type Case = [title: string, args: string[], names: RegExp];
const scan = (...args: string[]): string[] => ['scan', '-i', INV, ...args];

const CASES: Case[] = [
  ...NUMBERS.map((v): Case => [`scan --concurrency ${JSON.stringify(v)}`, scan('--concurrency', v), /--concurrency: must be a whole number from 1 to 1024/]),
  ['scan --concurrency 1025', scan('--concurrency', '1025'), /--concurrency: /],
  ...DURATIONS.map((v): Case => [`scan --deadline ${JSON.stringify(v)}`, scan('--deadline', v), /--deadline: must be a duration/]),
  ...DURATIONS.map((v): Case => [`scan --connect-timeout ${JSON.stringify(v)}`, scan('--connect-timeout', v), /--connect-timeout: must be a duration/]),
  ...['nope', 'mars-clock-skew;rm -rf /', '$(id)', '', ' , ', ...HOSTILE].map((v): Case => [`scan --checks ${JSON.stringify(v).slice(0, 40)}`, scan('--checks', v), /--checks: /]),
  ...['', ' ', 'nobody', ...HOSTILE].map((v): Case => [`scan --host ${JSON.stringify(v).slice(0, 40)}`, scan('--host', v), /--host: /]),
  ...['', 'nosuchtag', ...HOSTILE].map((v): Case => [`scan --tags ${JSON.stringify(v).slice(0, 40)}`, scan('--tags', v), /--tags: /]),
  ...['', '  ', LONG_NAME].map((v): Case => [`scan --out-dir ${JSON.stringify(v).slice(0, 40)}`, scan('--out-dir', v), /--out-dir: /]),
  ...['', LONG_NAME].map((v): Case => [`scan --log ${JSON.stringify(v).slice(0, 40)}`, scan('--log', v), /--log: /]),
  ...(['xlsx', 'json', 'junit', 'html', 'pdf'] as const).flatMap((flag) => ['', LONG_NAME, A_FOLDER].map((v): Case => [`scan --${flag} ${JSON.stringify(v).slice(0, 40)}`, scan(`--${flag}`, v), new RegExp(`--${flag}: `)])),
  ...['', LONG_NAME, A_FOLDER].map((v): Case => [`scan --history ${JSON.stringify(v).slice(0, 40)}`, scan('--history', v), /--history: /]),
  ...['a4 ', 'A3', '', 'letter;id'].map((v): Case => [`scan --paper ${JSON.stringify(v)}`, scan('--paper', v), /Argument: paper, Given: /]),
  ...['sometimes', '', 'NEW'].map((v): Case => [`scan --fail-on ${JSON.stringify(v)}`, scan('--fail-on', v), /Argument: fail-on, Given: /]),
  ...NUMBERS.map((v): Case => [`scan --top ${JSON.stringify(v)}`, scan('--top', v), /--top: must be a whole number/]),
  ...['', 'no-such-run', ...HOSTILE].map((v): Case => [`scan --resume ${JSON.stringify(v).slice(0, 40)}`, ['scan', '--resume', v], /--resume: /]),
  ...['0/4', '5/4', '1/0', 'a/b', '', '1/4/2', ...HOSTILE].map((v): Case => [`scan --shard ${JSON.stringify(v).slice(0, 40)}`, scan('--shard', v, '--run-id', 'r1'), /--shard: /]),
  ...NUMBERS.map((v): Case => [`scan --shards ${JSON.stringify(v)}`, scan('--shards', v, '--run-id', 'r1'), /--shards: /]),
  ...['', '-paris', 'paris/nord', ...HOSTILE].map((v): Case => [`scan --site ${JSON.stringify(v).slice(0, 40)}`, scan(`--site=${v}`, '--run-id', 'r1'), /--site: /]),
  ...['', '-r', '../r', ...HOSTILE].map((v): Case => [`scan --run-id ${JSON.stringify(v).slice(0, 40)}`, scan(`--run-id=${v}`), /--run-id: /]),
  ...['', path.join(inputs, 'none.csv'), A_FOLDER, ...HOSTILE.slice(0, 3)].map((v): Case => [`scan --waivers ${JSON.stringify(v).slice(0, 40)}`, scan('--waivers', v), /waivers|none\.csv|a-folder|rm -rf|touch|id`/]),
  ['scan --defaults with a JSON inventory', scan('--defaults', INV), /--defaults is for \.csv and \.txt inventories/],
  ...['', path.join(inputs, 'none.json'), A_FOLDER].map((v): Case => [`scan --defaults ${JSON.stringify(v).slice(0, 40)}`, ['scan', '-i', CSV, '--defaults', v], /--defaults|none\.json|a-folder/]),
  ...['', 'nopack', '../../etc', ...HOSTILE].map((v): Case => [`scan --pack ${JSON.stringify(v).slice(0, 40)}`, scan('--pack', v), /--pack: /]),
  ...['', path.join(inputs, 'none.json'), A_FOLDER, path.join(inputs, 'inv.yaml'), ...HOSTILE.slice(0, 3)].map((v): Case => [`scan -i ${JSON.stringify(v).slice(0, 40)}`, ['scan', '-i', v], /-i FILE|none\.json|a-folder|inv\.yaml|unknown inventory format|rm -rf|touch|id`/]),
  ['scan with an unknown flag', scan('--deadlnie', '9s'), /Unknown argument: deadlnie/],

  ...['', path.join(inputs, 'none.json'), A_FOLDER, RUN].map((v): Case => [`merge ${JSON.stringify(v).slice(0, 40)}`, ['merge', v], /none\.json|a-folder|run\.json|merge: /]),
  ...['', path.join(inputs, 'none.json'), RUN].map((v): Case => [`report ${JSON.stringify(v).slice(0, 40)} --junit x.xml`, ['report', v, '--junit', 'x.xml'], /none\.json|run\.json|report: /]),
  ['report with nothing to write', ['report', RUN], /report: say what to write/],
  ...['A3', ''].map((v): Case => [`report --paper ${JSON.stringify(v)}`, ['report', RUN, '--pdf', 'x.pdf', '--paper', v], /Argument: paper, Given: /]),
  ...['', 'nopack', ...HOSTILE.slice(0, 4)].map((v): Case => [`checks --pack ${JSON.stringify(v).slice(0, 40)}`, ['checks', '--pack', v], /--pack: /]),
  ...['', path.join(inputs, 'none.json'), A_FOLDER, ...HOSTILE.slice(0, 3)].map((v): Case => [`inventory check ${JSON.stringify(v).slice(0, 40)}`, ['inventory', 'check', v], /none\.json|a-folder|unknown inventory format|rm -rf|touch|id`|inventory check: /]),
  ...['', 'nopack'].map((v): Case => [`inventory check --pack ${JSON.stringify(v)}`, ['inventory', 'check', INV, '--pack', v], /--pack: /]),
  ...NUMBERS.concat(['251']).map((v): Case => [`lab up --hosts ${JSON.stringify(v)}`, ['lab', 'up', '--hosts', v, '--dir', 'lab'], /--hosts: /]),
  ...['tcp', '', 'SSH'].map((v): Case => [`lab up --transport ${JSON.stringify(v)}`, ['lab', 'up', '--transport', v, '--dir', 'lab'], /Argument: transport, Given: /]),
  ...['', '10.0.0', '127.0.0.1', '127.0.300', ...HOSTILE.slice(0, 3)].map((v): Case => [`lab up --base ${JSON.stringify(v).slice(0, 40)}`, ['lab', 'up', '--hosts', '1', '--base', v, '--dir', 'lab'], /--base: /]),
  ...['', path.join(inputs, 'no-states')].map((v): Case => [`lab up --states ${JSON.stringify(v).slice(0, 40)}`, ['lab', 'up', '--states', v, '--dir', 'lab'], /--states: /]),
  ['lab down --dir ""', ['lab', 'down', '--dir', ''], /--dir: /],
  ...['0', '-1', 'abc', ''].map((v): Case => [`history --limit ${JSON.stringify(v)}`, ['history', '--limit', v], /--limit: /]),
  ...['', path.join(inputs, 'none.sqlite')].map((v): Case => [`history --history ${JSON.stringify(v).slice(0, 40)}`, ['history', '--history', v], /--history: |history .*: no history yet/]),
  ...['', 'abc', '-3d', '0', '1e309', ...HOSTILE.slice(0, 3)].map((v): Case => [`history prune --keep ${JSON.stringify(v).slice(0, 40)}`, ['history', 'prune', `--keep=${v}`, '--history', INV], /--keep: /]),
  ...['', 'no-such-run'].map((v): Case => [`diff ${JSON.stringify(v)} --history (not a history)`, ['diff', v, '--history', path.join(inputs, 'none.sqlite')], /no history yet|diff: |--history: /]),
];

describe('every flag refuses bad values in one line naming it, and writes nothing', () => {
  let runs: BadRun[] = [];
  // All cases start at once, a few at a time, before the assertions: each is a node start-up.
  beforeAll(async () => {
    runs = await inBatches(CASES, ([, args]) => runInEmptyDir(args));
  }, 900_000);

  CASES.forEach(([title, , names], i) => {
    it(`${title}: exit 2, one line naming it`, () => {
      expectRefused(runs[i]!, names);
    });
  });
});
