import { describe, expect, it } from 'vitest';
import type { Pack } from '../../src/checks/catalog.js';
import { isPresent, planHost, whyNotApplicable } from '../../src/checks/plan.js';
import type { CheckMetadata } from '../../src/record/check-metadata.js';

function check(id: string, extra: Partial<CheckMetadata> = {}): CheckMetadata {
  return {
    id, title: `Title of ${id}`, phase: 'both', clouds: ['public', 'china', 'usgov'], severity: 'fail', kind: 'host',
    description: 'A check for the tests.', remediation: 'Nothing to do here.', source: 'https://example.com/', tags: [], requires: [],
    ...extra,
  } as CheckMetadata;
}

const pack: Pack = {
  name: 'mars', version: '1.0.0', title: 'Test pack',
  vars: { phase: { type: 'string', description: 'which phase', default: 'both' }, vaultName: { type: 'string', description: 'the vault' } },
  checks: [
    check('t-detect', { tags: ['facts'] }),
    check('t-install', { phase: 'install' }),
    check('t-register', { phase: 'registration', requires: ['vaultName'] }),
    check('t-public', { clouds: ['public'] }),
    check('t-fleet', { kind: 'fleet', phase: 'registration' }),
  ],
};

describe('whyNotApplicable', () => {
  it('a check for other clouds does not apply, naming the clouds it is for', () => {
    expect(whyNotApplicable(pack, pack.checks[3]!, { cloud: 'china', vars: {} })).toBe('not applicable to cloud china (applies to public)');
  });

  it('a registration-phase fleet check does not apply under phase=install', () => {
    expect(whyNotApplicable(pack, pack.checks[4]!, { cloud: 'public', vars: { phase: 'install' } })).toBe("registration-phase check; this run's phase is install");
  });

  it('an install-phase check does not apply under phase=registration, and both phases apply under both', () => {
    expect(whyNotApplicable(pack, pack.checks[1]!, { cloud: 'public', vars: { phase: 'registration' } })).toBe("install-phase check; this run's phase is registration");
    expect(whyNotApplicable(pack, pack.checks[1]!, { cloud: 'public', vars: {} })).toBeUndefined();
  });

  it('a required var that is missing, null or blank makes the check not apply', () => {
    for (const vaultName of [undefined, null, '  ']) {
      expect(whyNotApplicable(pack, pack.checks[2]!, { cloud: 'public', vars: { vaultName } })).toBe('requires var vaultName, which is not set for this host');
    }
    expect(whyNotApplicable(pack, pack.checks[2]!, { cloud: 'public', vars: { vaultName: 'rsv' } })).toBeUndefined();
  });

  it('empty lists are not present, anything else is', () => {
    expect([isPresent([]), isPresent(0), isPresent(false), isPresent(['a'])]).toEqual([false, true, true, true]);
  });
});

describe('planHost', () => {
  it('runs the facts check unreported when not selected, skips what does not apply with the reason, and never plans fleet checks', () => {
    const plan = planHost(pack, ['t-install', 't-register', 't-public', 't-fleet'], { cloud: 'china', vars: { phase: 'install' } });
    expect(plan.run).toEqual([
      { id: 't-detect', facts: true, report: false },
      { id: 't-install', facts: false, report: true },
    ]);
    expect(plan.skipped.map((s) => [s.id, s.status, s.reason])).toEqual([
      ['t-register', 'skipped', "registration-phase check; this run's phase is install"],
      ['t-public', 'skipped', 'not applicable to cloud china (applies to public)'],
    ]);
  });

  it('a selected facts check is reported', () => {
    expect(planHost(pack, ['t-detect'], { cloud: 'public', vars: {} }).run).toEqual([{ id: 't-detect', facts: true, report: true }]);
  });
});
