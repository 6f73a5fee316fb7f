import { describe, expect, it } from 'vitest';
import { CHECK_STATUSES, HOST_STATUSES } from '../../../src/record/check-result.js';
import { STATUS_COLORS } from '../../../src/report/xlsx/styles.js';

describe('STATUS_COLORS', () => {
  it('has a colour for every check and host status', () => {
    for (const status of [...CHECK_STATUSES, ...HOST_STATUSES]) expect(STATUS_COLORS[status]).toMatch(/^FF[0-9A-F]{6}$/);
  });

  it('gives fail, warn, pass and waived different colours, and error and timeout the same purple', () => {
    const colours = ['fail', 'warn', 'pass', 'waived', 'error'].map((s) => STATUS_COLORS[s]);
    expect(new Set(colours).size).toBe(5);
    expect(STATUS_COLORS.timeout).toBe(STATUS_COLORS.error);
    expect(STATUS_COLORS['not-run']).toBe(STATUS_COLORS.skipped);
  });
});
