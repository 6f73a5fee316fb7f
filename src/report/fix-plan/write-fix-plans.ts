import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_ROOT } from '../../checks/catalog.js';
import type { RunRecord } from '../../record/run-record.js';
import { toolVersion } from '../../runner/tool-version.js';
import { writeChunksAtomic } from '../atomic-write.js';
import { loadFixCatalogue } from './fix-catalogue.js';
import { fileSafeName } from './plan-text.js';
import { renderFixPlan } from './render-fix-plan.js';
import { selectFixes } from './select-fixes.js';

export interface WrittenPlan {
  host: string;
  file: string;
  /** Check ids with a scripted fix, in plan order. */
  scripted: string[];
  /** Check ids listed as steps for a person. */
  manual: string[];
  staged: boolean;
}

export interface WriteFixPlansOptions {
  root?: string;
  /** Default: now. */
  generatedAt?: Date;
}

/** The file a host's plan goes to. */
export function fixPlanFileName(host: string): string {
  return `${fileSafeName(host)}-fix-plan.ps1`;
}

/**
 * Writes one fix plan per host with findings into `outDir` (created if needed), each replaced whole;
 * hosts without findings, and hosts that were not reached, get none. Nothing is run: a person reviews
 * a plan and runs it on its host.
 */
export async function writeFixPlans(record: RunRecord, outDir: string, options: WriteFixPlansOptions = {}): Promise<WrittenPlan[]> {
  const root = options.root ?? DEFAULT_ROOT;
  const catalogue = loadFixCatalogue(record.pack.name, { root });
  const generatedAt = options.generatedAt ?? new Date();
  const written: WrittenPlan[] = [];
  for (const host of record.hosts) {
    const fixes = selectFixes(record, host, catalogue);
    if (!fixes) continue;
    await mkdir(outDir, { recursive: true });
    const file = path.join(outDir, fixPlanFileName(host.name));
    await writeChunksAtomic(file, [renderFixPlan(record, fixes, { root, toolVersion: toolVersion(), generatedAt })]);
    written.push({ host: host.name, file, scripted: fixes.scripted.map((f) => f.check), manual: fixes.manual.map((f) => f.check), staged: host.staged === true });
  }
  return written;
}
