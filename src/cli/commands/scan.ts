import path from 'node:path';
import type { Argv } from 'yargs';
import { compareWithPrevious } from '../../history/compare-with-previous.js';
import { readTrend } from '../../history/trend.js';
import { exitCodeFor } from '../../policy/exit-code.js';
import { applyWaivers } from '../../policy/waivers.js';
import { PAPER_SIZES, type PaperSize } from '../../report/pdf.js';
import { writeReports } from '../../report/write-reports.js';
import { runScan } from '../../runner/run-scan.js';
import { listFlag } from '../durations.js';
import { loadInventoryOrUsage } from '../load-inventory.js';
import { loadPackOrUsage } from '../load-pack.js';
import { createProgress, progressMode } from '../progress.js';
import { listenForInterrupt, type Interrupt } from '../scan/interrupt.js';
import { outputFlags } from '../scan/output-flags.js';
import { planScan } from '../scan/plan-scan.js';
import { printSummary } from '../scan/print-summary.js';
import { readWaivers } from '../scan/read-waivers.js';
import { runSettings } from '../scan/run-settings.js';
import { openScanHistory } from '../scan/scan-history.js';
import { scanHosts } from '../scan/scan-hosts.js';
import { openScanLog } from '../scan/scan-log.js';
import { scanSource } from '../scan/scan-source.js';
import { winrmSecrets } from '../scan/winrm-secrets.js';

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
  html?: string;
  pdf?: string;
  paper?: PaperSize;
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
    .option('html', { type: 'string', describe: 'HTML report path (one self-contained file)' })
    .option('pdf', { type: 'string', describe: 'PDF report path (the HTML report printed by Chromium)' })
    .option('paper', { choices: PAPER_SIZES, default: 'a4' as const, describe: 'PDF paper, landscape' })
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

/**
 * `fleet-scan scan`, stage by stage: what to scan (flags or a resumed run) → plan → scan the fleet →
 * waivers → compare with the history → save → reports → exit code. Every input is checked, and the
 * history locked, before the first host is touched.
 */
export async function scanCommand(args: ScanArgs): Promise<number> {
  const outDir = path.resolve(args.outDir);
  const source = scanSource(args, outDir);
  const resumed = source.resumed?.journal.header;
  const pack = loadPackOrUsage(source.packName);
  const settings = runSettings(args, pack, resumed?.parameters);
  const output = outputFlags(args, outDir);
  const inventory = await loadInventoryOrUsage(source.inventoryFile, pack, args.defaults);
  const hosts = scanHosts(inventory, {
    names: listFlag(args.host),
    tags: settings.tags,
    connectTimeoutMs: settings.connectTimeoutMs,
    ...(resumed && { runHostNames: resumed.hostNames }),
  });
  const plan = planScan({ source, pack, inventory, hosts, settings, outDir });
  const waivers = readWaivers(args.waivers);
  const history = openScanHistory(args.history);
  let interrupt: Interrupt | undefined;
  try {
    const log = openScanLog(args.log);
    log?.start({ runId: plan.runId, pack: pack.name, inventoryKey: inventory.key, hostCount: hosts.length });
    const secrets = await winrmSecrets(hosts);
    const progress = createProgress(hosts.length, progressMode(args.quiet));
    for (const done of plan.finished?.values() ?? []) progress.hostDone(done);
    interrupt = listenForInterrupt();
    let record = await runScan({
      ...plan,
      signal: interrupt.signal,
      secrets,
      onHostDone: (r) => {
        progress.hostDone(r);
        log?.host(r);
      },
    }).finally(() => progress.stop());
    record = applyWaivers(record, waivers, new Date());
    if (history) {
      record = compareWithPrevious(history.store, record);
      record = { ...record, trend: readTrend(history.store, record) };
      history.store.saveRun(record);
    }
    const code = exitCodeFor(record, { failOn: plan.failOn });
    const written = await writeReports(record, output.reports);
    printSummary(record, written, code, output.summary);
    log?.end(record, code);
    return code;
  } finally {
    interrupt?.dispose();
    history?.close();
  }
}
