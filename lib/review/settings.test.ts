import { describe, expect, it } from 'vitest';
import { ruleById } from './rules';
import { settingFor } from './settings';

describe('settingFor', () => {
  const rule = ruleById('no-primary-key')!;
  it('stores only what differs from the rule’s defaults', () => {
    expect(settingFor(rule, undefined, { enabled: false })).toEqual({ enabled: false });
    expect(settingFor(rule, { enabled: false }, { enabled: true })).toBeUndefined();
    expect(settingFor(rule, undefined, { severity: 'warning' })).toEqual({ severity: 'warning' });
    expect(settingFor(rule, { severity: 'warning', options: { max: 3 } }, { severity: rule.defaultSeverity })).toEqual({ options: { max: 3 } });
  });
});
