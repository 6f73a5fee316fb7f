import { parse } from 'csv-parse/sync';
import type { NamedEntry } from './duplicates.js';
import { isHostAddress } from './host-name.js';
import { keyMaterialProblem } from './key-material.js';
import { oneLine } from '../record/one-line.js';
import { issueProblems, problemLine, secretProblems, type Locator } from './problems.js';
import type { ListResult } from './read-source.js';
import type { HostSource } from './resolve.js';
import { FIELD_RULES, KNOWN_FIELDS, hostEntrySchema } from './schema.js';
import { findSecrets, isSecretName, secretMessage } from './secrets.js';
import { unknownNameMessage } from './suggest.js';

// A CSV inventory is what admins keep in Excel: a header row naming columns, one host a row.
// Empty cells mean "not set"; `var.<name>` columns become pack variables.

const COLUMNS = KNOWN_FIELDS.host.filter((field) => field !== 'vars');
const VAR_PREFIX = 'var.';
const VAR_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

type Column = { field: string } | { variable: string } | undefined;

/** Read a CSV inventory; rows are named by their line number, which is the row number Excel shows. */
export function readCsvInventory(text: string, file: string, baseDir: string): ListResult {
  const keyMaterial = keyMaterialProblem(text, file);
  if (keyMaterial) return { hosts: [], named: [], problems: [keyMaterial] };

  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter: detectDelimiter(text), bom: true, info: true, relax_column_count: true, skip_empty_lines: true, trim: true,
    }) as unknown as typeof records;
  } catch (error) {
    return { hosts: [], named: [], problems: [`${file}: invalid CSV: ${oneLine((error as Error).message)}`] };
  }
  const [header, ...rows] = records;
  if (!header) return { hosts: [], named: [], problems: [`${file}: is empty (expected a header row: name, address, transport, ...)`] };

  const { columns, problems } = readHeader(header.record, file);
  const hosts: HostSource[] = [];
  const named: NamedEntry[] = [];
  for (const { record, info } of rows) {
    if (record.every((cell) => cell === '')) continue;
    // info.lines is where the record ends; a quoted cell may span lines, and Excel numbers the row where it starts.
    const row = info.lines - record.reduce((count, cell) => count + (cell.match(/\n/g)?.length ?? 0), 0);
    const { entry, extra } = rowEntry(record, columns);
    const name = typeof entry['name'] === 'string' && isHostAddress(entry['name']) ? entry['name'] : undefined;
    const ref = `row ${row}`;
    if (name !== undefined) named.push({ ref, name });
    const locator = csvLocator(file, name === undefined ? ref : `${ref} (${name})`);
    if (extra) problems.push(problemLine(file, locator.locate([]).where, '', `has a value in column ${extra}, which has no header`));
    const secrets = findSecrets(entry);
    problems.push(...secretProblems(secrets, locator));
    const parsed = hostEntrySchema.safeParse(entry, { reportInput: true });
    if (!parsed.success) problems.push(...issueProblems(parsed.error.issues, locator, secrets));
    else if (secrets.length === 0) hosts.push({ entry: parsed.data, ref, baseDir });
  }
  return { hosts, named, problems };
}

function readHeader(cells: string[], file: string): { columns: Column[]; problems: string[] } {
  const problems: string[] = [];
  const seen = new Map<string, number>();
  const columns = cells.map((cell, index): Column => {
    if (cell === '') return undefined;
    const column = `column ${JSON.stringify(cell)}`;
    const isVar = cell.toLowerCase().startsWith(VAR_PREFIX);
    const variable = cell.slice(VAR_PREFIX.length);
    if (isSecretName(isVar ? variable : cell)) {
      problems.push(`${file}: ${column}: ${secretMessage('name')}`);
      return undefined;
    }
    const key = isVar ? `${VAR_PREFIX}${variable}` : cell.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push(`${file}: ${column}: appears twice (columns ${first + 1} and ${index + 1})`);
      return undefined;
    }
    seen.set(key, index);
    if (isVar) {
      if (VAR_NAME.test(variable)) return { variable };
      problems.push(`${file}: ${column}: ${FIELD_RULES['vars.*']} after "var.", got ${JSON.stringify(variable)}`);
      return undefined;
    }
    const field = COLUMNS.find((name) => name.toLowerCase() === cell.toLowerCase());
    if (field) return { field };
    problems.push(`${file}: ${unknownNameMessage('column', cell, [...COLUMNS, 'var.<name>'])}`);
    return undefined;
  });
  if (!columns.some((column) => column !== undefined && 'field' in column && column.field === 'name')) {
    problems.unshift(`${file}: no "name" column (the header row names the columns: ${COLUMNS.join(', ')}, var.<name>)`);
  }
  return { columns, problems };
}

/** A row as a host entry; `extra` is the number of the first unnamed column that has a value. */
function rowEntry(record: string[], columns: Column[]): { entry: Record<string, unknown>; extra?: number } {
  const entry: Record<string, unknown> = {};
  const vars: Record<string, unknown> = {};
  let extra: number | undefined;
  record.forEach((cell, index) => {
    if (cell === '') return;
    const column = columns[index];
    if (index >= columns.length) extra ??= index + 1;
    if (column === undefined) return;
    if ('variable' in column) vars[column.variable] = cellValue(cell);
    else entry[column.field] = fieldValue(column.field, cell);
  });
  if (Object.keys(vars).length > 0) entry['vars'] = vars;
  return extra === undefined ? { entry } : { entry, extra };
}

// Cells are text; turn the ones that mean numbers or switches into them so the schema sees JSON types.
function fieldValue(field: string, cell: string): unknown {
  if (field === 'port' && /^\d+$/.test(cell)) return Number(cell);
  if (field === 'connectTimeout' && /^\d+(\.\d+)?$/.test(cell)) return Number(cell);
  if (field === 'useSsl' || field === 'lab' || field === 'skipCertificateCheck') return /^(true|yes|1)$/i.test(cell) ? true : /^(false|no|0)$/i.test(cell) ? false : cell;
  if (field === 'tags') return cell.split(/[;|]/).map((tag) => tag.trim()).filter((tag) => tag !== '');
  return cell;
}

/** A `var.*` cell: true/false, a number without leading zeros, JSON for `[`/`{`, else the text. */
function cellValue(cell: string): unknown {
  if (/^(true|false)$/i.test(cell)) return cell.toLowerCase() === 'true';
  if (/^-?(0|[1-9]\d*)(\.\d+)?$/.test(cell) && Number.isSafeInteger(Math.trunc(Number(cell)))) return Number(cell);
  if (/^[[{]/.test(cell)) {
    try {
      return JSON.parse(cell) as unknown;
    } catch {
      return cell;
    }
  }
  return cell;
}

function csvLocator(file: string, where: string): Locator {
  return {
    file,
    locate: (path) => ({ where, field: [...path], known: KNOWN_FIELDS.host, scope: 'entry' }),
    // One cell holds all tags; a var is the column the admin named `var.<name>`.
    label: (field) => {
      if (field[0] === 'vars' && field.length > 1) return `${VAR_PREFIX}${String(field[1])}`;
      return field[0] === undefined ? '' : String(field[0]);
    },
  };
}

/** The delimiter the header row uses most: `,`, `;` (Excel in many locales) or tab. */
function detectDelimiter(text: string): string {
  const firstLine = (text.startsWith('\uFEFF') ? text.slice(1) : text).split(/\r?\n/, 1)[0] ?? '';
  const unquoted = firstLine.replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t'].map((delimiter) => ({ delimiter, count: unquoted.split(delimiter).length - 1 }));
  counts.sort((a, b) => b.count - a.count);
  return counts[0] && counts[0].count > 0 ? counts[0].delimiter : ',';
}

