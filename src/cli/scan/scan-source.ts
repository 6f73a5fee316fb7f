import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { errorLine } from '../../record/one-line.js';
import { journalPathFor, readJournal, type JournalContents } from '../../runner/journal.js';
import { UsageError } from '../usage-error.js';

/** What a scan reads: a new run from the flags, or (`--resume`) the run a journal started. */
export interface ScanSource {
  inventoryFile: string;
  packName: string;
  resumed?: { file: string; journal: JournalContents };
}

/** `--resume RUN` (a journal file, a run id, or part of one) or `-i FILE`; the journal names the inventory and pack it ran with. */
export function scanSource(args: { inventory?: string; pack: string; resume?: string }, outDir: string): ScanSource {
  const resumed = args.resume === undefined ? undefined : readResumeJournal(outDir, args.resume);
  const inventoryFile = args.inventory ?? resumed?.journal.header.inventoryPath;
  if (!inventoryFile) throw new UsageError('scan: give an inventory with -i FILE (or --resume RUN)');
  return { inventoryFile, packName: resumed?.journal.header.pack ?? args.pack, ...(resumed && { resumed }) };
}

function readResumeJournal(outDir: string, resume: string): { file: string; journal: JournalContents } {
  const file = findJournal(outDir, resume);
  try {
    return { file, journal: readJournal(file) };
  } catch (error) {
    throw new UsageError(`--resume: ${errorLine(error)}`);
  }
}

function findJournal(outDir: string, resume: string): string {
  if (existsSync(resume)) return resume;
  const byId = journalPathFor(outDir, resume);
  if (existsSync(byId)) return byId;
  const hit = existsSync(outDir) ? readdirSync(outDir).find((f) => f.includes(resume) && f.endsWith('.journal.jsonl')) : undefined;
  if (hit) return path.join(outDir, hit);
  throw new UsageError(`--resume: no run journal for "${resume}" in ${outDir}`);
}
