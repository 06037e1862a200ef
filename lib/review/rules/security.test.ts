import { describe } from 'vitest';
import { col, doc, ruleCases, sc, tbl, type RuleCase } from './rule-cases.test-support';

const users = (extra: Parameters<typeof col>[2] = {}) =>
  doc({
    tables: [
      tbl('users', [
        col('id', 'bigint'),
        col('email_address', 'text', extra),
        col('password_hash', 'blob', extra),
        col('BirthDate', 'date', extra),
        col('card_number', sc('varchar', { length: 19 }), extra),
      ], { pk: ['id'] }),
    ],
  });

const cases: RuleCase[] = [
  {
    rule: 'sensitive-column-unclassified',
    bad: () => users(),
    good: [
      () => users({ classification: 'internal' }),
      // About the data, not the data: counts, flags, times, references, settings.
      () => doc({ tables: [tbl('t', [col('id', 'bigint'), col('email_verified', 'boolean'), col('password_changed_at', 'timestamptz'), col('email_quota', 'integer'), col('health_check_path', 'text'), col('address_id', 'bigint')], { pk: ['id'] })] }),
    ],
    count: 4,
    message: /^users\.password_hash looks like a secret or special-category data but is not classified nor commented$/,
  },
  {
    rule: 'protected-column-undocumented',
    bad: () => users({ classification: 'personal' }),
    good: [() => users({ classification: 'personal', comment: 'Encrypted at rest; readable by support only.' }), () => users({ classification: 'internal' })],
    count: 4,
    message: /users\.email_address is classified Personal data but says nothing about how it is protected/,
  },
];

describe('security rules', () => ruleCases(cases));
