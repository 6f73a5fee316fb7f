import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ROOT, loadPack } from '../../src/checks/catalog.js';

const page = readFileSync(path.join(DEFAULT_ROOT, 'docs', 'checks.md'), 'utf8');
const pack = loadPack('mars');

/** "## <check id>: <title>" headings, in page order; other level-2 headings are not checks. */
const sections = [...page.matchAll(/^## ([a-z0-9][a-z0-9-]+): (.+)$/gm)].map((m) => ({ id: m[1]!, title: m[2]!.trim() }));

/** The body of one check's section: from its heading to the next level-2 heading. */
function sectionBody(id: string): string {
  const start = page.indexOf(`## ${id}: `);
  const next = page.indexOf('\n## ', start + 1);
  return page.slice(start, next < 0 ? undefined : next);
}

describe('docs/checks.md', () => {
  it('has one section for every check of the mars pack, in run order', () => {
    expect(sections.map((s) => s.id)).toEqual(pack.checks.map((c) => c.id));
  });

  it('names no check the pack does not have', () => {
    const known = new Set(pack.checks.map((c) => c.id));
    expect(sections.filter((s) => !known.has(s.id)).map((s) => s.id)).toEqual([]);
  });

  it('titles every section exactly as the check\'s metadata does', () => {
    const titles = Object.fromEntries(pack.checks.map((c) => [c.id, c.title]));
    for (const s of sections) expect(s.title, s.id).toBe(titles[s.id]);
  });

  it('says for every check what it reads on Windows, its rule and its sources', () => {
    for (const c of pack.checks) {
      const body = sectionBody(c.id);
      for (const part of ['**Reads:**', '**Rule:**', '**Sources:**']) expect(body, `${c.id} ${part}`).toContain(part);
    }
  });
});
