import path from 'node:path';
import type { Argv } from 'yargs';
import { PackError } from '../../checks/catalog.js';
import { readRunJson } from '../../report/json.js';
import { FixCatalogueError } from '../../report/fix-plan/fix-catalogue.js';
import { writeFixPlans } from '../../report/fix-plan/write-fix-plans.js';
import { UsageError } from '../usage-error.js';

export interface FixPlanArgs {
  run: string;
  outDir: string;
}

export const FIX_PLAN_DESCRIPTION = 'write a reviewed PowerShell fix plan (.ps1, -WhatIf ready) per host with findings';

export function fixPlanOptions(y: Argv): Argv<FixPlanArgs> {
  return y
    .positional('run', { type: 'string', demandOption: true, describe: 'run record (.json) written by a scan' })
    .option('out-dir', { alias: 'o', type: 'string', demandOption: true, describe: 'folder for the plans (<host>-fix-plan.ps1)' }) as unknown as Argv<FixPlanArgs>;
}

/**
 * `fleet-scan fix-plan RUN.json -o DIR`: one plan per host with findings, nothing run. A record it cannot
 * read, or a fix file it cannot use, is bad input (exit 2), one line.
 */
export async function fixPlanCommand(args: FixPlanArgs): Promise<number> {
  const read = await readRunJson(args.run);
  if (!read.ok) throw new UsageError(read.message);
  let plans;
  try {
    plans = await writeFixPlans(read.record, path.resolve(args.outDir));
  } catch (error) {
    if (error instanceof FixCatalogueError || error instanceof PackError) throw new UsageError(error.message);
    throw error;
  }
  for (const p of plans) {
    const parts = [`${p.scripted.length} scripted ${p.scripted.length === 1 ? 'fix' : 'fixes'}`, `${p.manual.length} for a person`];
    process.stdout.write(`wrote ${p.file} (${parts.join(', ')}${p.staged ? ', staged lab host' : ''})\n`);
  }
  if (plans.length === 0) process.stdout.write('no host has findings: no plan written\n');
  return 0;
}
