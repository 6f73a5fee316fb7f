import type { Argv } from 'yargs';
import { PAPER_SIZES } from '../report/pdf.js';

/**
 * The flags of a command that ends a run (`scan`, `merge`): its reports, the history, waivers, what the
 * exit code reflects, and the console summary. One definition, so both read them the same way.
 */
export function runOutputOptions<T>(y: Argv<T>): Argv<T> {
  return y
    .option('xlsx', { describe: 'workbook path (--no-xlsx: none)' })
    .option('json', { describe: 'run record path (--no-json: none)' })
    .option('junit', { type: 'string', describe: 'JUnit XML path' })
    .option('html', { type: 'string', describe: 'HTML report path (one self-contained file)' })
    .option('pdf', { type: 'string', describe: 'PDF report path (the HTML report printed by Chromium)' })
    .option('paper', { choices: PAPER_SIZES, default: 'a4' as const, describe: 'PDF paper, landscape' })
    .option('history', { describe: 'history database (--no-history: do not record this run)' })
    .option('waivers', { type: 'string', describe: 'waiver file (.json or .csv)' })
    .option('fail-on', { choices: ['any', 'new'] as const, default: 'any' as const, describe: 'exit code reflects any failure, or only new ones since the previous run' })
    .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'print only the summary' })
    .option('verbose', { alias: 'v', type: 'boolean', default: false, describe: 'list every failing host' })
    .option('color', { type: 'boolean', describe: 'force colours on or off (default: on a terminal, unless NO_COLOR)' })
    .option('top', { type: 'number', default: 10, describe: 'hosts listed in the summary' }) as unknown as Argv<T>;
}
