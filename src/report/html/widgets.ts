// Small pieces the sections share: a share bar, status labels, sortable and filterable tables.
import { h, join, Markup, type Value } from './markup.js';

/** A horizontal bar showing `part` of `whole`, with its percentage for screen readers. */
export function shareBar(part: number, whole: number, kind: 'ok' | 'fail' = 'ok'): Markup {
  const pct = whole > 0 ? Math.round((part / whole) * 100) : 0;
  return h`<svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label="${pct}%"><rect class="track" x="0" y="0" width="100" height="10"/><rect class="fill${kind === 'fail' ? ' fail' : ''}" x="0" y="0" width="${pct}" height="10"/></svg>`;
}

/** `62 %` of a whole, or a dash when there is nothing to divide. */
export function percent(part: number, whole: number): string {
  return whole > 0 ? `${Math.round((part / whole) * 100)} %` : '–';
}

/** A status word coloured by its meaning. */
export function statusLabel(status: string): Markup {
  return h`<span class="status s-${status.replace(/[^a-z-]/g, '')}">${status}</span>`;
}

/** The `|a|b|` form the page script matches select values against. */
export function matchValue(values: readonly string[]): string {
  return `|${values.join('|')}|`;
}

export interface Column {
  label: string;
  /** How clicking the header sorts: by text, by number, or not at all. */
  sort?: 'text' | 'number';
  numeric?: boolean;
}

export interface FilterSelect {
  /** The row's data-* name it matches. */
  match: string;
  label: string;
  options: readonly string[];
}

/** A search box and selects that filter the table named `name`, with a count of the rows shown. */
export function filterControls(name: string, what: string, selects: readonly FilterSelect[]): Markup {
  const boxes = selects
    .filter((s) => s.options.length > 1)
    .map(
      (s) =>
        h`<label>${s.label} <select data-for="${name}" data-match="${s.match}"><option value="">all</option>${s.options.map((o) => h`<option value="${o}">${o}</option>`)}</select></label>`,
    );
  return h`<div class="filters"><input type="search" data-for="${name}" data-match="text" placeholder="${`Filter ${what}`}" aria-label="${`Filter ${what}`}">${boxes}<output data-count="${name}"></output></div>`;
}

/** A table the page script can sort by its headers and filter with `filterControls(name)`. */
export function dataTable(name: string, columns: readonly Column[], rows: readonly Value[]): Markup {
  const { open, close } = dataTableEnds(name, columns);
  return h`${open}${join(rows, '\n')}${close}`;
}

/** The markup before and after the rows of `dataTable`, for a table whose rows are written as they are made. */
export function dataTableEnds(name: string, columns: readonly Column[]): { open: Markup; close: Markup } {
  const head = columns.map((c) => {
    const label = c.sort ? h`<button type="button">${c.label}</button>` : c.label;
    return h`<th scope="col"${c.numeric ? h` class="num"` : ''}${c.sort ? h` data-sort="${c.sort}"` : ''}>${label}</th>`;
  });
  return { open: h`<div class="scroll"><table data-table="${name}"><thead><tr>${head}</tr></thead><tbody>`, close: h`</tbody></table></div>` };
}

/** A plain table (no sorting, no filtering) for the short tables of the first screen. */
export function plainTable(columns: readonly Column[], rows: readonly Value[]): Markup {
  const head = columns.map((c) => h`<th scope="col"${c.numeric ? h` class="num"` : ''}>${c.label}</th>`);
  return h`<div class="scroll"><table><thead><tr>${head}</tr></thead><tbody>${join(rows, '\n')}</tbody></table></div>`;
}

/** Distinct values, sorted. */
export function distinct(values: Iterable<string>): string[] {
  return [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
