import path from 'node:path';
import type { Argv } from 'yargs';
import { exitCodeFor } from '../../policy/exit-code.js';
import { applyWaivers } from '../../policy/waivers.js';
import { writeReports } from '../../report/write-reports.js';
import { runScan } from '../../runner/run-scan.js';
import { listFlag, pathFlag } from '../durations.js';
import { loadInventoryOrUsage } from '../load-inventory.js';
import { loadPackOrUsage } from '../load-pack.js';
import { runOutputOptions } from '../run-output-options.js';
import { createProgress, progressMode } from '../progress.js';
import { listenForInterrupt, type Interrupt } from '../scan/interrupt.js';
import { outputFlags, type OutputArgs } from '../scan/output-flags.js';
import { planScan } from '../scan/plan-scan.js';
import { preflightWrites } from '../scan/preflight-writes.js';
import { printSummary } from '../scan/print-summary.js';
import { readWaivers } from '../scan/read-waivers.js';
import { recordInHistory } from '../scan/record-in-history.js';
import { runSettings, type RunFlags } from '../scan/run-settings.js';
import { openScanHistory, scanHistoryFile } from '../scan/scan-history.js';
import { scanHosts } from '../scan/scan-hosts.js';
import { asShardRecord, recordExitCode, scanShard } from '../scan/scan-shard.js';
import { openScanLog } from '../scan/scan-log.js';
import { scanSource } from '../scan/scan-source.js';
import { winrmSecrets } from '../scan/winrm-secrets.js';

/** The flags of `fleet-scan scan`: the run's (`RunFlags`), the reports' and summary's (`OutputArgs`), and these. */
export interface ScanArgs extends RunFlags, OutputArgs {
  inventory?: string;
  defaults?: string;
  pack: string;
  host?: string[];
  outDir: string;
  history?: string | boolean;
  waivers?: string;
  log?: string;
  resume?: string;
  shard?: string;
  shards?: number;
  site?: string;
  runId?: string;
  findingsExit: boolean;
  acceptNewHostKeys: boolean;
  quiet: boolean;
}

export function scanOptions(y: Argv): Argv<ScanArgs> {
  return runOutputOptions(
    y
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
      .option('log', { type: 'string', describe: 'JSON-lines log file (one line per host)' })
      .option('resume', { type: 'string', describe: 'finish an interrupted run (run id or journal file)' })
      .option('shard', { type: 'string', describe: 'scan only shard K of N of the selected hosts (K/N, e.g. 3/8); needs --run-id' })
      .option('shards', { type: 'number', describe: 'split into N shards and scan the one JOB_COMPLETION_INDEX names (0-based, as a Kubernetes Indexed Job sets it)' })
      .option('site', { type: 'string', describe: 'scan only the hosts of this inventory site (shards split the site); needs --run-id' })
      .option('run-id', { type: 'string', describe: 'the run id, shared by every shard of one run; a scan with the run id of an unfinished run continues it' })
      .option('accept-new-host-keys', { type: 'boolean', default: false, describe: 'ssh/ssh-exec: add the key of a host known_hosts does not list yet (first use); a changed key is still refused' })
      .option('findings-exit', { type: 'boolean', default: true, describe: 'exit 1/4/5 for findings (--no-findings-exit: exit 0 once the record is complete, for a shard whose merge judges the run)' })
  ) as unknown as Argv<ScanArgs>;
}

/**
 * `fleet-scan scan`, stage by stage: what to scan (flags or a resumed run) → plan → scan the fleet →
 * waivers → compare with the history → save → reports → exit code. Every input is checked, and the
 * history locked, before the first host is touched.
 */
export async function scanCommand(args: ScanArgs): Promise<number> {
  const outDir = path.resolve(pathFlag('out-dir', args.outDir, 'folder'));
  const source = scanSource(args, outDir);
  const resumed = source.resumed?.journal.header;
  const pack = loadPackOrUsage(source.packName);
  const settings = runSettings(args, pack, resumed?.parameters);
  const output = outputFlags(args, outDir);
  // Checked with the other paths, before the history is opened: a bad --log writes nothing at all.
  const logFile = args.log === undefined ? undefined : pathFlag('log', args.log, 'file');
  const inventory = await loadInventoryOrUsage(source.inventoryFile, pack, args.defaults);
  const selected = scanHosts(inventory, {
    names: listFlag(args.host, 'host'),
    tags: settings.tags,
    connectTimeoutMs: settings.connectTimeoutMs,
    ...(resumed && { runHostNames: resumed.hostNames }),
  });
  // --shard/--site/--run-id: one slice of the fleet, its files named for it, recorded by `fleet-scan merge`.
  const sharded = scanShard(args, { inventory, selected, hostPatterns: listFlag(args.host, 'host'), settings, reports: output.reports });
  const hosts = sharded?.hosts ?? selected;
  const plan = planScan({
    source: sharded?.retried ? { ...source, resumed: sharded.retried } : source,
    pack, inventory, hosts, settings: sharded?.settings ?? settings, outDir,
    ...(sharded && { runId: sharded.runId, journalFile: sharded.journalFile }),
  });
  const waivers = readWaivers(args.waivers);
  const historyFlag = sharded?.shard ? false : args.history;
  preflightWrites({ outDir, historyFile: scanHistoryFile(historyFlag) });
  const history = openScanHistory(historyFlag);
  // What could not be written once the scan ran (journal, history, log): said with the reports' own errors.
  const problems: string[] = [];
  let interrupt: Interrupt | undefined;
  try {
    const log = openScanLog(logFile);
    log?.start({ runId: plan.runId, pack: pack.name, inventoryKey: inventory.key, hostCount: hosts.length });
    const secrets = await winrmSecrets(hosts);
    const progress = createProgress(hosts.length, progressMode(args.quiet));
    for (const done of plan.finished?.values() ?? []) progress.hostDone(done);
    interrupt = listenForInterrupt();
    let record = await runScan({
      ...plan,
      signal: interrupt.signal,
      secrets,
      hostKeys: args.acceptNewHostKeys ? 'accept-new' : 'strict',
      onJournalError: (message) => problems.push(message),
      onHostDone: (r) => {
        progress.hostDone(r);
        log?.host(r);
      },
    }).finally(() => progress.stop());
    if (sharded?.shard) record = asShardRecord(record, sharded.shard);
    record = applyWaivers(record, waivers, new Date());
    const recorded = recordInHistory(history, record);
    record = recorded.record;
    if (recorded.problem) problems.push(recorded.problem);
    if (log?.error) problems.push(log.error);
    const code = exitCodeFor(record, { failOn: plan.failOn });
    const written = await writeReports(record, sharded?.reports ?? output.reports);
    printSummary(record, { ...written, errors: [...problems, ...written.errors] }, code, output.summary);
    log?.end(record, code);
    return args.findingsExit ? code : recordExitCode(code, written.paths.json !== undefined);
  } finally {
    interrupt?.dispose();
    history?.close();
  }
}
