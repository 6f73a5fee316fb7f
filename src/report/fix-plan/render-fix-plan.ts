import type { RunRecord } from '../../record/run-record.js';
import { planFunctions } from './plan-functions.js';
import { commentText, fileSafeName, wrapText } from './plan-text.js';
import type { HostFixes } from './select-fixes.js';

export const FIX_PLAN_SCHEMA = 'fleet-scan/fix-plan@1';

export interface RenderOptions {
  /** Repository (or package) root holding ps-scripts/. */
  root: string;
  /** Use the staged state functions (a lab host); default: the host's own `staged` flag. */
  staged?: boolean;
  /** fleet-scan's version, for the header. */
  toolVersion: string;
  generatedAt: Date;
}

/** The run record's part of a plan, embedded as base64 of JSON: data the script decodes, never code. */
function planData(record: RunRecord, fixes: HostFixes, staged: boolean, generatedAt: Date): unknown {
  const { host } = fixes;
  return {
    schema: FIX_PLAN_SCHEMA,
    host: host.name,
    computerName: host.computerName ?? null,
    runId: record.runId,
    runStartedAt: record.startedAt,
    generatedAt: generatedAt.toISOString(),
    pack: `${record.pack.name} ${record.pack.version}`,
    staged,
    fixes: Object.fromEntries(fixes.scripted.map((f) => [f.check, {
      title: f.fix.meta.title, status: f.status, summary: f.summary, evidence: f.evidence, after: f.fix.meta.after ?? null,
    }])),
    steps: fixes.manual.map((f) => ({ check: f.check, title: f.title, status: f.status, summary: f.summary, steps: f.steps })),
  };
}

function base64Lines(value: unknown): string[] {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64').match(/.{1,96}/g) ?? [];
}

function helpBlock(record: RunRecord, fixes: HostFixes, staged: boolean, options: RenderOptions): string[] {
  const { host } = fixes;
  const name = commentText(host.name);
  const computer = host.computerName ? commentText(host.computerName) : name;
  const script = `.\\${fileSafeName(host.name)}-fix-plan.ps1`;
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const lines = [
    '<#',
    '.SYNOPSIS',
    `    fleet-scan fix plan for ${name}: ${count(fixes.scripted.length, 'scripted fix', 'scripted fixes')}, ${count(fixes.manual.length, 'finding', 'findings')} for a person.`,
    '.DESCRIPTION',
    ...wrapText(`Written by fleet-scan ${options.toolVersion} at ${options.generatedAt.toISOString()} from run ${record.runId} (started ${record.startedAt}), pack ${record.pack.name} ${record.pack.version}. Review it before you run it: it changes nothing until someone runs it.`, '    '),
    '',
    `    Run it on ${computer} in an elevated Windows PowerShell 5.1 (or PowerShell 7):`,
    `        ${script} -WhatIf     lists every change and makes none`,
    `        ${script}             makes the changes and logs them`,
    `        ${script} -Confirm    asks before each change`,
    ...wrapText('Each fix checks its condition again first and changes only what is still wrong, so a second run changes nothing. The log, one line per action, goes beside the script unless -LogPath names another file.', '    '),
  ];
  if (fixes.scripted.length > 0) {
    lines.push('', '    Scripted fixes:');
    for (const f of fixes.scripted) {
      lines.push(...wrapText(`${f.check} (${f.status}: ${f.summary})`, '      '), ...wrapText(f.fix.meta.title, '          '));
      if (f.fix.meta.after) lines.push(...wrapText(`Afterwards: ${f.fix.meta.after}`, '          '));
    }
  }
  if (fixes.manual.length > 0) {
    lines.push('', '    For a person (the plan lists these steps as warnings; it does not do them):');
    for (const f of fixes.manual) {
      lines.push(...wrapText(`${f.check} (${f.status}: ${f.summary})`, '      '));
      f.steps.forEach((step, i) => lines.push(...wrapText(`${i + 1}. ${step}`, '          ')));
    }
  }
  if (staged) {
    lines.push('', ...wrapText(`STAGED: ${name} is a fleet-scan lab host. This plan reads and changes the staged state file that FLEET_SCAN_STAGED_STATE names, not Windows: it is for trying plans out in the lab.`, '    '));
  }
  lines.push(
    '.PARAMETER LogPath',
    `    The log file. Default: this script's folder, ${fileSafeName(host.name)}-fix-<UTC time>.log. None is written under -WhatIf.`,
    '.EXAMPLE',
    `    ${script} -WhatIf`,
    '.EXAMPLE',
    `    ${script} -LogPath C:\\Temp\\${fileSafeName(host.name)}-fix.log`,
    '.NOTES',
    '    Exit codes: 0 done (or nothing left to do), 1 an action failed (see the log), 2 refused: another',
    '    computer than the one scanned, or a session without administrator rights.',
    '    The findings come from the run record as base64 of JSON at the end of this script: it decodes',
    '    them at the start and never runs them as code.',
    '#>',
  );
  return lines;
}

/**
 * One host's fix plan: a PowerShell script that runs on Windows PowerShell 5.1, declares
 * SupportsShouldProcess (so -WhatIf lists every change and makes none), holds every function it calls
 * (the repairs, their state functions, the plan runtime) and the host's findings as base64 JSON.
 */
export function renderFixPlan(record: RunRecord, fixes: HostFixes, options: RenderOptions): string {
  const staged = options.staged ?? fixes.host.staged === true;
  const repairs = fixes.scripted.map((f) => f.fix);
  const main = [
    '$FsPlan = ConvertFrom-FsBase64Json -Text ($FsPlanData -replace \'\\s\', \'\')',
    `exit (Invoke-FsFixPlan -Plan $FsPlan -Repair @(${repairs.map((r) => `'${r.meta.check}'`).join(', ')}) -LogPath $LogPath -ScriptRoot $PSScriptRoot)`,
  ];
  const functions = planFunctions([...repairs.map((r) => r.source), ...main], { root: options.root, staged });
  const lines = [
    ...helpBlock(record, fixes, staged, options),
    '[CmdletBinding(SupportsShouldProcess = $true)]',
    'param([string]$LogPath)',
    // After the help: a comment line right below it would become part of its last section.
    '#Requires -Version 5.1',
    '',
    'Set-StrictMode -Version Latest',
    '$ErrorActionPreference = \'Stop\'',
    '',
  ];
  for (const f of [...functions.map((p) => ({ file: p.file, source: p.source })), ...repairs.map((r) => ({ file: r.file, source: r.source }))]) {
    lines.push(`# ---- ${f.file}`, ...f.source.split('\n'), '');
  }
  lines.push(
    '# This host\'s findings from the run record: data, decoded at the start, never run as code.',
    '$FsPlanData = @\'',
    ...base64Lines(planData(record, fixes, staged, options.generatedAt)),
    '\'@',
    ...main,
  );
  return `${lines.join('\r\n')}\r\n`;
}
