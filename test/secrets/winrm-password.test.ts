// A canary WinRM password, given the two supported ways (the environment variable a host's credentialEnv
// names, and the prompt on a terminal), must appear nowhere: not in any child process's command line or
// environment while the scan runs (the controller's own environment holds the variable by design), the
// terminal, the run log, the journal, the JSON record, JUnit, the workbook, the HTML report, the history,
// the error messages (a host with the wrong password) or a crash message. One test per place.
// Needs `npm run build`.
import { spawn } from 'node:child_process';
import { text as streamText } from 'node:stream/consumers';
import yauzl from 'yauzl';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFleet, type Lab } from '../../src/lab/index.js';
import type { RunRecord } from '../../src/record/run-record.js';
import { BIN, startCli } from '../cli/helpers/run-cli.js';
import { REPO } from '../helpers/pwsh.js';
import { endLabTurn, takeLabTurn } from '../runner/helpers/lab-lock.js';
import { healthyInventoryVars, HEALTHY_STATE, writeInventory } from '../runner/helpers/scan-lab.js';
import { sampleDescendants, type Sighting } from './helpers/process-sampler.js';

const CANARY = 'FsCanary-7Qk2-Pw-9zX4';
// The password as the wire or a careless log could carry it: plain, UTF-16LE (NTLM's form), base64 (Basic's).
const FORMS = [CANARY, Buffer.from(CANARY, 'utf16le').toString('latin1'), Buffer.from(CANARY).toString('base64'), Buffer.from(`labadmin:${CANARY}`).toString('base64')];
const NAMES = ['ssh01', 'http01', 'https01', 'badpw01'];
const WINRM = [undefined, { useSsl: false }, {}, { behaviour: 'wrong-password' as const }];

interface Run {
  name: string;
  code: number | null;
  /** What the scan printed (for the prompt run: the whole terminal). */
  said: string;
  out: string;
  log: string;
  history: string;
  sightings: Sighting[];
  children: Set<string>;
}

let dir: string;
let lab: Lab | undefined;
let release: (() => void) | undefined;
let inventory: string;
let variable: string;
const runs: Run[] = [];

function holders(text: string): string[] {
  return FORMS.filter((form) => text.includes(form));
}

/** Every file of a run's output, as text; the workbook part by part, unzipped (its compressed bytes would hide the text). */
function outputTexts(run: Run, pick: (file: string) => boolean): Array<[string, string]> {
  return readdirSync(run.out).filter(pick).flatMap((f): Array<[string, string]> => {
    const file = path.join(run.out, f);
    return f.endsWith('.xlsx') ? (workbookParts.get(file) ?? []) : [[f, readFileSync(file, 'latin1')]];
  });
}

const workbookParts = new Map<string, Array<[string, string]>>();

async function unzipAll(file: string): Promise<Array<[string, string]>> {
  const zip = await yauzl.openPromise(file, { autoClose: false });
  const parts: Array<[string, string]> = [];
  try {
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName.endsWith('/')) continue;
      const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) => zip.openReadStream(entry, (e, s) => (e ? reject(e) : resolve(s))));
      parts.push([`${path.basename(file)}:${entry.fileName}`, await streamText(stream)]);
    }
  } finally {
    zip.close();
  }
  return parts;
}

/** The scan's files for one run, in a folder of its own. */
function scanArgs(name: string): { args: string[]; run: Omit<Run, 'code' | 'said' | 'sightings' | 'children'> } {
  const out = path.join(dir, name, 'out');
  const log = path.join(dir, name, 'scan.jsonl');
  const history = path.join(dir, name, 'history.sqlite');
  mkdirSync(out, { recursive: true });
  return {
    args: ['scan', '-i', inventory, '--checks', 'mars-dotnet-version,mars-clock-skew', '-o', out, '--log', log, '--history', history,
      '--junit', path.join(out, 'junit.xml'), '--html', path.join(out, 'report.html'), '--deadline', '120s'],
    run: { name, out, log, history },
  };
}

async function scanWithVariable(name: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<Run> {
  const { args, run } = scanArgs(name);
  const cli = startCli(args, { [variable]: CANARY, ...extraEnv }, 300_000);
  const sampled = await sampleDescendants(cli.child.pid!, FORMS, cli.done);
  const done = await cli.done;
  return { ...run, code: done.code, said: `${done.stdout}\n${done.stderr}`, sightings: sampled.sightings, children: sampled.seen };
}

async function scanWithPrompt(name: string): Promise<Run> {
  const { args, run } = scanArgs(name);
  const transcript = path.join(dir, name, 'terminal.txt');
  const answer = path.join(dir, name, 'answer');
  writeFileSync(answer, CANARY, { mode: 0o600 });
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ANSWER_FILE: answer, TRANSCRIPT: transcript };
  delete env[variable];
  const child = spawn('python3', [path.join(REPO, 'test', 'secrets', 'fixtures', 'answer-prompt.py'), '--', process.execPath, BIN, ...args, '--quiet'], { cwd: REPO, env, stdio: 'ignore' });
  const done = new Promise<number | null>((resolve) => child.on('close', resolve));
  const sampled = await sampleDescendants(child.pid!, FORMS, done);
  return { ...run, code: await done, said: readFileSync(transcript, 'latin1'), sightings: sampled.sightings, children: sampled.seen };
}

beforeAll(async () => {
  release = await takeLabTurn();
  dir = mkdtempSync(path.join(tmpdir(), 'fs-secrets-'));
  // The lab's WinRM hosts take the password its client folder holds: the canary.
  mkdirSync(path.join(dir, 'lab', 'client'), { recursive: true, mode: 0o700 });
  writeFileSync(path.join(dir, 'lab', 'client', 'winrm-password'), `${CANARY}\n`, { mode: 0o600 });
  lab = await startFleet({ dir: path.join(dir, 'lab'), base: '127.0.182', count: NAMES.length, names: NAMES, states: [HEALTHY_STATE], winrm: WINRM });
  variable = lab.winrm!.credentialEnv;
  const vars = healthyInventoryVars();
  inventory = writeInventory(path.join(dir, 'inventory.json'), lab, lab.hosts.map((h, i) => {
    const spec = WINRM[i];
    if (!spec) return { name: h.name, address: h.address, vars, transport: 'ssh-exec', shell: lab!.powershell };
    return {
      name: h.name, address: h.address, vars, transport: 'winrm', user: lab!.winrm!.user, credentialEnv: variable,
      useSsl: spec.useSsl !== false, port: h.port, caFile: lab!.winrm!.caFile, connectTimeout: '5s',
    };
  }));
  runs.push(await scanWithVariable('environment'));
  runs.push(await scanWithPrompt('prompt'));
  runs.push(await scanWithVariable('crash', { NODE_OPTIONS: `--import=${path.join(REPO, 'test', 'secrets', 'fixtures', 'crash-on-summary.mjs')}`, FLEET_SCAN_DEBUG: '1' }));
  for (const run of runs) {
    for (const f of readdirSync(run.out).filter((name) => name.endsWith('.xlsx'))) workbookParts.set(path.join(run.out, f), await unzipAll(path.join(run.out, f)));
  }
}, 900_000);

afterAll(() => endLabTurn(release, dir, lab));

describe('a WinRM password given by credentialEnv or at the prompt', () => {
  it('was used: the WinRM hosts were scanned with it, and the wrong-password host was refused', () => {
    for (const run of runs.slice(0, 2)) {
      const record = JSON.parse(readFileSync(path.join(run.out, readdirSync(run.out).find((f) => /^fleet-scan-.*\.json$/.test(f))!), 'utf8')) as RunRecord;
      const status = Object.fromEntries(record.hosts.map((h) => [h.name, h.status]));
      expect(status, run.name).toEqual({ ssh01: 'ok', http01: 'ok', https01: 'ok', badpw01: 'unreachable' });
      expect(run.children.has('ssh'), `${run.name}: ${[...run.children].join(', ')}`).toBe(true);
    }
    expect(runs[2]!.code).toBe(3);
  });

  it('is in no child process\'s command line while the scan runs', () => {
    for (const run of runs) expect(run.sightings.filter((s) => s.what === 'cmdline'), run.name).toEqual([]);
  });

  it('is in no child process\'s environment while the scan runs (pwsh, ssh)', () => {
    for (const run of runs) expect(run.sightings.filter((s) => s.what === 'environ'), run.name).toEqual([]);
  });

  it('is not on the terminal: the prompt does not echo it', () => {
    const prompt = runs[1]!;
    expect(prompt.said).toContain('Password for labadmin');
    expect(holders(prompt.said)).toEqual([]);
  });

  it('is not in the error messages, the wrong-password host\'s reason included', () => {
    for (const run of runs) {
      expect(run.said, run.name).toMatch(/badpw01/);
      expect(holders(run.said), run.name).toEqual([]);
    }
  });

  it('is not in the run log', () => {
    for (const run of runs) expect(holders(readFileSync(run.log, 'latin1')), run.name).toEqual([]);
  });

  it('is not in the run journal', () => {
    for (const [file, text] of runs.flatMap((r) => outputTexts(r, (f) => f.endsWith('.journal.jsonl')))) expect(holders(text), file).toEqual([]);
  });

  it('is not in the JSON run record', () => {
    for (const [file, text] of runs.flatMap((r) => outputTexts(r, (f) => /^fleet-scan-.*\.json$/.test(f)))) expect(holders(text), file).toEqual([]);
  });

  it('is not in the JUnit XML', () => {
    for (const [file, text] of runs.flatMap((r) => outputTexts(r, (f) => f === 'junit.xml'))) expect(holders(text), file).toEqual([]);
  });

  it('is not in any part of the workbook', () => {
    const parts = runs.flatMap((r) => outputTexts(r, (f) => f.endsWith('.xlsx')));
    expect(parts.length).toBeGreaterThan(10);
    for (const [part, text] of parts) expect(holders(text), part).toEqual([]);
  });

  it('is not in the HTML report', () => {
    for (const [file, text] of runs.flatMap((r) => outputTexts(r, (f) => f === 'report.html'))) expect(holders(text), file).toEqual([]);
  });

  it('is not in the history database', () => {
    for (const run of runs) {
      for (const file of readdirSync(path.dirname(run.history)).filter((f) => f.startsWith('history.sqlite'))) {
        expect(holders(readFileSync(path.join(path.dirname(run.history), file), 'latin1')), `${run.name}/${file}`).toEqual([]);
      }
    }
  });

  it('is not in a crash message, stack included (FLEET_SCAN_DEBUG)', () => {
    const crash = runs[2]!;
    expect(crash.said).toMatch(/fleet-scan: internal error: forced internal error/);
    expect(crash.said).toMatch(/\n\s+at /);
    expect(holders(crash.said)).toEqual([]);
  });
});
