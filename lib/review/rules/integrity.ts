import { displayName } from '../../model/lookup';
import type { Rule } from '../types';

const noPrimaryKey: Rule = {
  id: 'no-primary-key',
  title: 'Table without a primary key',
  category: 'integrity',
  defaultSeverity: 'error',
  rationale:
    'Without a primary key rows cannot be addressed one by one: updates and deletes may hit duplicates, replication (logical replication, InnoDB\'s clustered index) and ORMs need one.',
  suggestion: 'Add a primary key: a surrogate `id` column or the natural key that identifies a row.',
  sources: ['tbls lint requirePrimaryKey', 'Azimutt analyze "Entities without primary key"', 'Bytebase table.require-pk'],
  check: ({ doc }) =>
    Object.values(doc.tables)
      .filter((t) => !t.primaryKey)
      .map((t) => ({
        target: { kind: 'table' as const, tableId: t.id },
        key: `no-primary-key:${t.id}`,
        message: `${displayName(doc, t)} has no primary key`,
      })),
};

export const integrityRules: Rule[] = [noPrimaryKey];
