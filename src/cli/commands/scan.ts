import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Argv } from 'yargs';
import { loadPack, PackError, type Pack } from '../../checks/catalog.js';
import { validateVars } from '../../checks/pack-vars.js';
import { diffRuns } from '../../history/diff.js';
import { exitCodeFor } from '../../policy/exit-code.js';
import { acquireHistoryLock, type HistoryLock } from '../../history/lock.js';
import { openRunLog, type RunLog } from '../../report/run-log.js';
import { defaultHistoryPath, openHistory, type HistoryStore } from '../../history/store.js';
import { applyWaivers, loadWaivers, type Waiver } from '../../policy/waivers.js';
import { loadInventory } from '../../inventory/load.js';
import { InventoryError } from '../../inventory/problems.js';
import type { Inventory, ResolvedHost } from '../../inventory/schema.js';
import { selectHosts, unmatchedNames } from '../../inventory/select.js';
import { renderSummary, shouldUseColor } from '../../report/console.js';
import { writeReports } from '../../report/write-reports.js';
import { journalPathFor, readJournal, type JournalContents } from '../../runner/journal.js';
import { newRunId } from '../../runner/run-id.js';
import type { RunRecord } from '../../record/run-record.js';
import { runScan } from '../../runner/run-scan.js';
import { durationFlag, listFlag } from '../durations.js';
import { createProgress } from '../progress.js';
import { promptSecret } from '../prompt-secret.js';
import { EXIT_INTERRUPTED, UsageError } from '../usage-error.js';

export interface ScanArgs {
  inventory?: string;
  defaults?: string;
  pack: string;
  checks?: string[];
  tags?: string[];
  host?: string[];
  concurrency: number;
  deadline: string;
  connectTimeout?: string;
  outDir: string;
  xlsx?: string | boolean;
  json?: string | boolean;
  junit?: string;
  history?: string | boolean;
  waivers?: string;
  failOn: 'any' | 'new';
  log?: string;
  resume?: string;
  quiet: boolean;
  verbose: boolean;
  color?: boolean;
  top: number;
}

export function scanOptions(y: Argv): Argv<ScanArgs> {
  return y
    .option('inventory', { alias: 'i', type: 'string', describe: 'inventory file (.json, .csv, .txt)' })
    .option('defaults', { type: 'string', describe: 'defaults for a .csv or .txt inventory (JSON with a "defaults" object)' })
    .option('pack', { type: 'string', default: 'mars', describe: 'check pack' })
    .option('checks', { type: 'string', array: true, describe: 'only these checks (comma-separated ids)' })
    .option('tags', { type: 'string', array: true, describe: 'only hosts with any of these tags' })
    .option('host', { type: 'string', array: true, describe: 'only these hosts (names, * wildcards)' })
    .option('concurrency', { alias: 'c', type: 'number', default: 32, describe: 'hosts scanned at once' })
    .option('deadline', { type: 'string', default: '120s', describe: 'wall-clock budget per host (e.g. 90s, 2m)' })
    .option('connect-timeout', { type: 'string', describe: 'connect timeout per host (overrides the inventory)' })
    .option('out-dir', { alias: 'o', type: 'string', default: 'fleet-scan-reports', describe: 'folder for the reports and the run journal' })
    .option('xlsx', { describe: 'workbook path (--no-xlsx: none)' })
    .option('json', { describe: 'run record path (--no-json: none)' })
    .option('junit', { type: 'string', describe: 'JUnit XML path' })
    .option('history', { describe: 'history database (--no-history: do not record this run)' })
    .option('waivers', { type: 'string', describe: 'waiver file (.json or .csv)' })
    .option('fail-on', { choices: ['any', 'new'] as const, default: 'any' as const, describe: 'exit code reflects any failure, or only new ones since the previous run' })
    .option('log', { type: 'string', describe: 'JSON-lines log file (one line per host)' })
    .option('resume', { type: 'string', describe: 'finish an interrupted run (run id or journal file)' })
    .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'print only the summary' })
    .option('verbose', { alias: 'v', type: 'boolean', default: false, describe: 'list every failing host' })
    .option('color', { type: 'boolean', describe: 'force colours on or off (default: on a terminal, unless NO_COLOR)' })
    .option('top', { type: 'number', default: 10, describe: 'hosts listed in the summary' }) as unknown as Argv<ScanArgs>;
}

export function loadPackOrUsage(name: string): Pack {
  try {
    return loadPack(name);
  } catch (error) {
    if (error instanceof PackError) throw new UsageError(error.message);
    throw error;
  }
}

export async function loadInventoryOrUsage(file: string, pack: Pack, defaultsPath?: string): Promise<Inventory> {
  try {
    return await loadInventory(file, { defaultsPath, validateVars: (vars) => validateVars(pack, vars) });
  } catch (error) {
    if (error instanceof InventoryError) throw new UsageError(error.problems);
    throw error;
  }
}

function selectedChecks(pack: Pack, wanted: string[] | null): string[] | null {
  if (!wanted) return null;
  const known = new Set(pack.checks.map((c) => c.id));
  const unknown = wanted.filter((id) => !known.has(id));
  if (unknown.length) throw new UsageError(unknown.map((id) => `--checks: pack ${pack.name} has no check "${id}" (see: fleet-scan checks --pack ${pack.name})`));
  return wanted;
}

function findJournal(outDir: string, resume: string): string {
  if (existsSync(resume)) return resume;
  const byId = journalPathFor(outDir, resume);
  if (existsSync(byId)) return byId;
  const hit = existsSync(outDir) ? readdirSync(outDir).find((f) => f.includes(resume) && f.endsWith('.journal.jsonl')) : undefined;
  if (hit) return path.join(outDir, hit);
  throw new UsageError(`--resume: no run journal for "${resume}" in ${outDir}`);
}

async function winrmSecrets(hosts: ResolvedHost[]): Promise<Map<string, string>> {
  const secrets = new Map<string, string>();
  for (const host of hosts) {
    const name = host.credentialEnv;
    if (host.transport !== 'winrm' || !name || secrets.has(name)) continue;
    const value = process.env[name];
    if (value) secrets.set(name, value);
    else if (process.stdin.isTTY && process.platform === 'win32') secrets.set(name, await promptSecret(`Password for ${host.user ?? 'WinRM'} (${name} is not set): `));
  }
  return secrets;
}

/** `fleet-scan scan`: the whole job. Returns the exit code. */
export async function scanCommand(args: ScanArgs): Promise<number> {
  const outDir = path.resolve(args.outDir);
  let journal: JournalContents | undefined;
  let journalFile: string | undefined;
  if (args.resume) {
    journalFile = findJournal(outDir, args.resume);
    try {
      journal = readJournal(journalFile);
    } catch (error) {
      throw new UsageError(`--resume: ${(error as Error).message}`);
    }
  }
  const inventoryFile = args.inventory ?? journal?.header.inventoryPath;
  if (!inventoryFile) throw new UsageError('scan: give an inventory with -i FILE (or --resume RUN)');
  const pack = loadPackOrUsage(journal?.header.pack ?? args.pack);
  const params = journal?.header.parameters;
  const checkIds = params ? params.checks : selectedChecks(pack, listFlag(args.checks));
  const tags = params ? params.tags : listFlag(args.tags);
  const deadlineMs = params?.deadlineMs ?? durationFlag('deadline', args.deadline);
  const concurrency = params?.concurrency ?? args.concurrency;
  const failOn = params?.failOn ?? args.failOn;
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 1024) throw new UsageError(`--concurrency: must be a whole number from 1 to 1024, got ${args.concurrency}`);
  if (!Number.isInteger(args.top) || args.top < 1) throw new UsageError(`--top: must be a whole number of at least 1, got ${args.top}`);

  const inventory = await loadInventoryOrUsage(inventoryFile, pack, args.defaults);
  for (const w of inventory.warnings) process.stderr.write(`warning: ${w}\n`);
  const names = listFlag(args.host);
  const missing = names ? unmatchedNames(inventory.hosts, names) : [];
  if (missing.length) throw new UsageError(missing.map((n) => `--host: no host in ${inventory.path} matches "${n}"`));
  let hosts = selectHosts(inventory.hosts, { ...(tags ? { tags } : {}), ...(names ? { names } : {}) });
  if (hosts.length === 0) throw new UsageError(`no host in ${inventory.path} matches the filters`);
  const connectOverride = params?.connectTimeoutMs ?? (args.connectTimeout ? durationFlag('connect-timeout', args.connectTimeout) : undefined);
  if (connectOverride) hosts = hosts.map((h) => ({ ...h, connectTimeoutMs: connectOverride }));
  if (journal) {
    const known = new Set(journal.header.hostNames);
    hosts = hosts.filter((h) => known.has(h.name));
  }

  let waivers: Waiver[] = [];
  if (args.waivers) {
    const loaded = loadWaivers(args.waivers);
    if (!loaded.ok) throw new UsageError(loaded.errors);
    waivers = loaded.waivers;
  }

  let history: HistoryStore | undefined;
  let lock: HistoryLock | undefined;
  let log: RunLog | undefined;
  const controller = new AbortController();
  let interrupts = 0;
  const onSigint = (): void => {
    interrupts++;
    if (interrupts > 1) process.exit(EXIT_INTERRUPTED);
    process.stderr.write('\ninterrupted: ending the running hosts and writing the reports (Ctrl-C again to quit now)\n');
    controller.abort();
  };
  try {
    if (args.history !== false) {
      const file = typeof args.history === 'string' ? path.resolve(args.history) : defaultHistoryPath();
      mkdirSync(path.dirname(file), { recursive: true });
      const locked = acquireHistoryLock(file);
      if (!locked.ok) throw new UsageError(locked.message);
      lock = locked.lock;
      history = openHistory(file);
    }
    if (args.log) {
      const opened = openRunLog(args.log);
      if (!opened.ok) throw new UsageError(opened.message);
      log = opened.log;
    }
    const runId = journal?.header.runId ?? newRunId();
    log?.start({ runId, pack: pack.name, inventoryKey: inventory.key, hostCount: hosts.length });
    const secrets = await winrmSecrets(hosts);
    const mode = args.quiet ? 'quiet' : process.stderr.isTTY ? 'bar' : 'lines';
    const progress = createProgress(hosts.length, mode);
    for (const done of journal?.finished.values() ?? []) progress.hostDone(done);
    process.on('SIGINT', onSigint);
    process.on('SIGTERM', onSigint);
    let record: RunRecord;
    try {
      record = await runScan({
        runId,
        inventory,
        hosts,
        pack,
        checkIds,
        tags,
        concurrency,
        deadlineMs,
        connectTimeoutMs: connectOverride ?? Math.max(...hosts.map((h) => h.connectTimeoutMs)),
        failOn,
        signal: controller.signal,
        journalFile: journalFile ?? journalPathFor(outDir, runId),
        finished: journal?.finished,
        startedAt: journal ? new Date(journal.header.startedAt) : undefined,
        secrets,
        onHostDone: (r) => {
          progress.hostDone(r);
          log?.host(r);
        },
      });
    } finally {
      progress.stop();
    }
    record = applyWaivers(record, waivers, new Date());
    if (history) {
      const previous = history.previousRun(inventory.key, pack.name, record.startedAt);
      if (previous) record = { ...record, changes: diffRuns(previous, record) };
      history.saveRun(record);
    }
    const code = exitCodeFor(record, { failOn });
    const written = await writeReports(record, {
      outDir,
      xlsx: args.xlsx === false ? false : typeof args.xlsx === 'string' ? args.xlsx : undefined,
      json: args.json === false ? false : typeof args.json === 'string' ? args.json : undefined,
      junit: args.junit,
    });
    for (const e of written.errors) process.stderr.write(`error: ${e}\n`);
    const color = args.color ?? shouldUseColor(process.stdout, process.env);
    process.stdout.write(
      renderSummary(record, { color, verbose: args.verbose, top: args.top, reportPaths: Object.values(written.paths), exitCode: code }),
    );
    log?.end(record, code);
    return code;
  } finally {
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigint);
    history?.close();
    lock?.release();
  }
}
