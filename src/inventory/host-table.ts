import type { Inventory } from './schema.js';

const COLUMNS = ['name', 'address', 'transport', 'port', 'user', 'cloud', 'tags'] as const;

/** The hosts an inventory would scan as a plain text table (for `fleet-scan inventory check`). */
export function formatHostTable(inventory: Pick<Inventory, 'hosts'>): string {
  const rows = inventory.hosts.map((host) => [
    host.name,
    host.address,
    host.transport,
    host.port === 0 ? '-' : String(host.port),
    host.user ?? '-',
    host.cloud,
    host.tags.length > 0 ? host.tags.join(',') : '-',
  ]);
  const table = [[...COLUMNS] as string[], ...rows];
  const widths = COLUMNS.map((_, column) => Math.max(...table.map((row) => (row[column] ?? '').length)));
  return table
    .map((row) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd())
    .join('\n');
}
