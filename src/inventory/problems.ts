import type { z } from 'zod';
import { issuePath } from '../record/zod-issue.js';
import { FIELD_RULES } from './schema.js';
import { isSecretName, isUnderFinding, secretMessage, type SecretFinding } from './secrets.js';
import { showValue } from './show-value.js';
import { unknownNameMessage } from './suggest.js';

type Path = readonly PropertyKey[];

/** Bad inventory input: one line per problem, each naming the file, the host and the field. Never a stack trace. */
export class InventoryError extends Error {
  readonly problems: string[];

  constructor(problems: string[]) {
    super(problems.join('\n'));
    this.name = 'InventoryError';
    this.problems = problems;
    // The frames would point into fleet-scan, not at the user's file: the problems already say where.
    this.stack = `${this.name}: ${this.message}`;
  }
}

/** Where a path in a document points: the host (or `defaults`) and the field inside it. */
export interface Location {
  /** `hosts[3] (web07)`, `row 5 (web09)`, `defaults`, or '' for the top of the file. */
  where: string;
  field: PropertyKey[];
  /** Which names are valid at `where`, for "did you mean" suggestions. */
  known: readonly string[];
  /** Field rules to use: the top level's `name` means something else than a host's. */
  scope: 'root' | 'entry';
  /** FIELD_RULES key for an issue on the place itself (a host that is not an object: `hosts[]`). */
  ruleKey?: string;
}

/** How one reader turns paths into locations and fields into the names its users know. */
export interface Locator {
  file: string;
  locate(path: Path): Location;
  /** A field path as the user wrote it (a CSV shows `var.vaultName` where JSON has `vars.vaultName`). */
  label?(field: PropertyKey[]): string;
}

/** `<file>: <where>.<field>: <message>` with the parts that are empty left out. */
export function problemLine(file: string, where: string, field: string, message: string): string {
  const place = [where, field].filter((part) => part !== '').join(where && field && !field.startsWith('[') ? '.' : '');
  return place ? `${file}: ${place}: ${message}` : `${file}: ${message}`;
}

/** One line per secret finding; the value itself is never shown. */
export function secretProblems(findings: readonly SecretFinding[], locator: Locator): string[] {
  return findings.map((finding) => {
    const location = locator.locate(finding.path);
    return problemLine(locator.file, location.where, fieldLabel(location.field, locator), secretMessage(finding.kind));
  });
}

/**
 * One line per zod issue, worded from FIELD_RULES: `must be 1-65535, got 70000`.
 * Skips places already refused as secrets and keeps only the first issue per field.
 */
export function issueProblems(issues: readonly z.core.$ZodIssue[], locator: Locator, secrets: readonly SecretFinding[] = []): string[] {
  const lines: string[] = [];
  const seen = new Set<string>();
  for (const issue of issues) {
    if (isUnderFinding(issue.path, secrets)) continue;
    const location = locator.locate(issue.path);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        if (isSecretName(key)) continue;
        lines.push(problemLine(locator.file, location.where, '', unknownNameMessage('field', key, location.known)));
      }
      continue;
    }
    const field = fieldLabel(location.field, locator);
    const key = `${location.where}\u0000${field}`;
    if (seen.has(key)) continue;
    seen.add(key);
    lines.push(problemLine(locator.file, location.where, field, issueMessage(issue, location)));
  }
  return lines;
}

// A bad credentialEnv is most likely the password itself pasted in: never repeat it.
const UNECHOED_FIELDS = new Set(['credentialEnv']);

function issueMessage(issue: z.core.$ZodIssue, location: Location): string {
  const input = (issue as { input?: unknown }).input;
  if (issue.code === 'invalid_type' && input === undefined) return 'is required';
  const rule = ruleFor(issue, location) ?? issue.message;
  if (UNECHOED_FIELDS.has(String(location.field[location.field.length - 1]))) return `${rule}; the value is not shown`;
  if (Array.isArray(input) && input.length === 0) return `${rule}, got an empty list`;
  return `${rule}, got ${showValue(input)}`;
}

function ruleFor(issue: z.core.$ZodIssue, location: Location): string | undefined {
  if (issue.code === 'invalid_key') return FIELD_RULES['vars.*'];
  const { field } = location;
  if (field.length === 0) return location.ruleKey ? FIELD_RULES[location.ruleKey] : undefined;
  const last = field[field.length - 1];
  const name = typeof last === 'number' ? `${String(field[field.length - 2])}[]` : String(last ?? '');
  if (location.scope === 'root' && name === 'name') return FIELD_RULES['inventory.name'];
  return FIELD_RULES[name];
}

// A field name with a line break, a control or bidi character, or 10,000 characters is shown quoted and cut, so the problem stays one readable line.
const ODD_FIELD = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]|^.{65}/su;

function fieldLabel(field: PropertyKey[], locator: Locator): string {
  if (locator.label) return locator.label(field);
  return issuePath(field.map((segment) => (typeof segment === 'string' && ODD_FIELD.test(segment) ? `[${showValue(segment)}]` : segment)))
    .replace(/\.\[/g, '[');
}
