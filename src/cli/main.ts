import yargs, { type Argv } from 'yargs';
import { hideBin } from 'yargs/helpers';
import { toolVersion } from '../runner/tool-version.js';
import { checksCommand } from './commands/checks.js';
import { diffCommand, historyListCommand, historyPruneCommand } from './commands/history.js';
import { inventoryCheckCommand, inventorySchemaCommand } from './commands/inventory.js';
import { labDownCommand, labUpCommand } from './commands/lab.js';
import { reportCommand } from './commands/report.js';
import { PAPER_SIZES } from '../report/pdf.js';
import { scanCommand, scanOptions, type ScanArgs } from './commands/scan.js';
import { mergeCommand, mergeOptions, type MergeArgs } from './commands/merge.js';
import { FIX_PLAN_DESCRIPTION, fixPlanCommand, fixPlanOptions, type FixPlanArgs } from './commands/fix-plan.js';
import { EXIT_CODES, exitCodesLine } from '../policy/exit-code.js';
import { errorLine, oneLine } from '../record/one-line.js';
import { visibleText } from '../report/visible-text.js';
import { UsageError } from './usage-error.js';

/** Runs a command and turns what it throws into one line and an exit code; never a stack trace. */
async function run(action: () => number | Promise<number>): Promise<void> {
  try {
    process.exitCode = await action();
  } catch (error) {
    if (error instanceof UsageError) {
      for (const line of error.lines) process.stderr.write(`fleet-scan: ${shownLine(line)}\n`);
      process.exitCode = EXIT_CODES.usage.code;
    } else {
      process.stderr.write(`fleet-scan: internal error: ${shownLine(errorLine(error))}\n`);
      if (process.env.FLEET_SCAN_DEBUG) process.stderr.write(`${(error as Error).stack ?? ''}\n`);
      process.exitCode = EXIT_CODES.internal.code;
    }
  }
}

/**
 * A message as one line a terminal shows as it is: a value the user gave with a line break, an escape or a
 * bidi override in it (`-i $'a\nb'`) is spelled out (`a\nb`), so each problem stays one line and cannot
 * repaint the screen.
 */
function shownLine(text: string): string {
  return visibleText(text.replace(/\r\n|\r|\n|\t/g, (c) => JSON.stringify(c).slice(1, -1)));
}

const historyOption = (y: Argv) => y.option('history', { type: 'string', describe: 'history database (default: the per-user state directory)' });

export function cli(argv: string[]): Argv {
  return yargs(argv)
    .scriptName('fleet-scan')
    .version(toolVersion())
    .strict()
    .recommendCommands()
    .wrap(Math.min(110, process.stdout.columns ?? 100))
    .usage('$0 <command>\n\nScan a fleet of Windows servers over PowerShell remoting and report what will break.')
    .command('scan', 'scan the hosts of an inventory and write the reports', scanOptions, (a) => run(() => scanCommand(a as unknown as ScanArgs)))
    .command('merge <runs..>', 'merge the run records of a sharded scan into one run and write its reports', mergeOptions, (a) => run(() => mergeCommand(a as unknown as MergeArgs)))
    .command(
      'report <run>',
      'rebuild reports from a run record (no rescan)',
      (y) =>
        y
          .positional('run', { type: 'string', demandOption: true, describe: 'run record (.json) written by a scan' })
          .option('xlsx', { type: 'string', describe: 'workbook to write' })
          .option('junit', { type: 'string', describe: 'JUnit XML to write' })
          .option('html', { type: 'string', describe: 'HTML report to write' })
          .option('pdf', { type: 'string', describe: 'PDF report to write (printed by Chromium)' })
          .option('paper', { choices: PAPER_SIZES, default: 'a4' as const, describe: 'PDF paper, landscape' }),
      (a) => run(() => reportCommand({ run: a.run, xlsx: a.xlsx, junit: a.junit, html: a.html, pdf: a.pdf, paper: a.paper })),
    )
    .command('fix-plan <run>', FIX_PLAN_DESCRIPTION, fixPlanOptions, (a) => run(() => fixPlanCommand(a as unknown as FixPlanArgs)))
    .command(
      'checks',
      'list the checks of a pack',
      (y) => y.option('pack', { type: 'string', default: 'mars' }).option('json', { type: 'boolean', default: false }),
      (a) => run(() => checksCommand({ pack: a.pack, json: a.json })),
    )
    .command('inventory', 'validate an inventory or print its JSON Schema', (y) =>
      y
        .command(
          'check <file>',
          'validate an inventory and list the hosts a scan would reach',
          (c) =>
            c
              .positional('file', { type: 'string', demandOption: true })
              .option('pack', { type: 'string', default: 'mars', describe: 'pack whose vars to validate' })
              .option('defaults', { type: 'string', describe: 'defaults for a .csv or .txt inventory' }),
          (a) => run(() => inventoryCheckCommand({ file: a.file, pack: a.pack, defaults: a.defaults })),
        )
        .command('schema', 'print the inventory JSON Schema', {}, () => run(() => inventorySchemaCommand()))
        .demandCommand(1, 'inventory: say check FILE or schema'),
    )
    .command('lab', 'a loopback fleet of sshd hosts dressed as Windows servers, for trials and demos', (y) =>
      y
        .option('dir', { type: 'string', default: '.lab', describe: 'lab folder' })
        .command(
          'up',
          'start the lab and write its inventory',
          (c) =>
            c
              .option('hosts', { type: 'number', describe: 'number of hosts (default: one per state file)' })
              .option('states', { type: 'string', describe: 'folder of staged-state files (default: the shipped mix)' })
              .option('transport', { choices: ['ssh', 'ssh-exec', 'winrm'] as const, default: 'ssh' as const })
              .option('base', { type: 'string', describe: 'first three octets of the loopback addresses (default 127.0.0)' }),
          (a) => run(() => labUpCommand({ hosts: a.hosts, states: a.states, dir: a.dir, transport: a.transport, base: a.base })),
        )
        .command('down', 'stop the lab', {}, (a) => run(() => labDownCommand({ dir: (a as unknown as { dir: string }).dir })))
        .demandCommand(1, 'lab: say up or down'),
    )
    .command('history', 'list past runs, or prune them', (y) =>
      historyOption(y)
        .option('limit', { type: 'number', default: 30 })
        .command(
          'prune',
          'delete old runs',
          (c) => c.option('keep', { type: 'string', demandOption: true, describe: '90d keeps 90 days; 50 keeps the newest 50 runs' }),
          (a) => run(() => historyPruneCommand({ history: a.history, keep: a.keep })),
        )
        .command('$0', false, {}, (a) => run(() => historyListCommand({ history: a.history as string | undefined, limit: a.limit as number }))),
    )
    .command(
      'diff [runA] [runB]',
      'what changed between two runs (default: the last two)',
      (y) => historyOption(y).positional('runA', { type: 'string' }).positional('runB', { type: 'string' }),
      (a) => run(() => diffCommand({ history: a.history, runA: a.runA, runB: a.runB })),
    )
    .demandCommand(1, 'say what to do: scan, merge, report, fix-plan, checks, inventory, lab, history or diff')
    .epilogue(`Exit codes: ${exitCodesLine()}.`)
    .fail((message, error) => {
      if (error) throw error;
      // yargs words some errors on two lines ("Invalid values:\n  Argument: ..."): one line, like every other.
      process.stderr.write(`fleet-scan: ${shownLine(oneLine(message))} (see: fleet-scan --help)\n`);
      process.exit(EXIT_CODES.usage.code);
    });
}

// `fleet-scan ... | head` closes our stdout early: that is the reader's choice, not an error to report.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

await cli(hideBin(process.argv)).parseAsync();
