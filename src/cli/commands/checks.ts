import { loadPackOrUsage } from '../load-pack.js';

/** `fleet-scan checks [--pack mars] [--json]`: the catalogue, read from the checks' own metadata. */
export function checksCommand(args: { pack: string; json: boolean }): number {
  const pack = loadPackOrUsage(args.pack);
  if (args.json) {
    process.stdout.write(`${JSON.stringify({ name: pack.name, version: pack.version, title: pack.title, checks: pack.checks }, null, 2)}\n`);
    return 0;
  }
  const rows = pack.checks.map((c) => [c.id, c.phase, c.severity, c.kind, c.clouds.join(','), c.title]);
  const header = ['ID', 'PHASE', 'SEVERITY', 'KIND', 'CLOUDS', 'TITLE'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  process.stdout.write(`${pack.title} (${pack.name} ${pack.version}): ${pack.checks.length} checks\n\n`);
  process.stdout.write(`${[line(header), ...rows.map(line)].join('\n')}\n`);
  return 0;
}
