import { shouldUseColor } from '../../report/console.js';
import type { PaperSize } from '../../report/pdf.js';
import type { WriteReportsOptions } from '../../report/write-reports.js';
import { pathFlag } from '../durations.js';
import { UsageError } from '../usage-error.js';

/** Where the reports go and how the console summary looks. */
export interface OutputFlags {
  reports: WriteReportsOptions;
  summary: SummaryStyle;
}

export interface SummaryStyle {
  color: boolean;
  verbose: boolean;
  top: number;
}

export interface OutputArgs {
  xlsx?: string | boolean;
  json?: string | boolean;
  junit?: string;
  html?: string;
  pdf?: string;
  paper?: PaperSize;
  verbose: boolean;
  color?: boolean;
  top: number;
}

/** `--xlsx`/`--json` (a path, or `--no-...` for none), `--junit`, `--html`, `--pdf` (`--paper`), and the summary's `--top`, `--verbose`, `--color`. */
export function outputFlags(
  args: OutputArgs,
  outDir: string,
  stdout: { isTTY?: boolean } = process.stdout,
  env: NodeJS.ProcessEnv = process.env,
): OutputFlags {
  if (!Number.isInteger(args.top) || args.top < 1) throw new UsageError(`--top: must be a whole number of at least 1, got ${args.top}`);
  return {
    reports: {
      outDir, xlsx: reportPath('xlsx', args.xlsx), json: reportPath('json', args.json), junit: filePath('junit', args.junit),
      html: filePath('html', args.html), pdf: filePath('pdf', args.pdf), paper: args.paper,
    },
    summary: { color: args.color ?? shouldUseColor(stdout, env), verbose: args.verbose, top: args.top },
  };
}

// A bare `--xlsx` (no path) keeps the default name in the output folder.
function reportPath(name: string, flag: string | boolean | undefined): string | false | undefined {
  if (flag === false) return false;
  return typeof flag === 'string' ? pathFlag(name, flag, 'file') : undefined;
}

// Checked now, so a report path that can never be written stops the run before the first host.
function filePath(name: string, flag: string | undefined): string | undefined {
  return flag === undefined ? undefined : pathFlag(name, flag, 'file');
}
