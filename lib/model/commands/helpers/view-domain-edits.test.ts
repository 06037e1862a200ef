import { describe, expect, it } from 'vitest';
import { documentOf, makeTable } from '../../build';
import type { Domain } from '../../document';
import { sequentialIds } from '../../ids';
import { addDomainCheckCommand, addDomainCommand, addViewCommand } from './view-domain-edits';

describe('view and domain edits: names numbered from 1, free of their namespace', () => {
  it('a new view is view_N, free of tables and views (case-insensitively)', () => {
    const doc = documentOf({ tables: [makeTable({ id: 't', name: 'VIEW_1' })] });
    const cmd = addViewCommand(doc, sequentialIds());
    expect(cmd).toMatchObject({ type: 'view.add', view: { name: 'view_2', sql: 'SELECT 1' } });
  });

  it('a new domain is domain_N', () => {
    const cmd = addDomainCommand(documentOf({}), sequentialIds());
    expect(cmd).toMatchObject({ type: 'domain.add', domain: { name: 'domain_1' } });
  });

  it.each<[string[], string]>([
    [[], 'price_check'],
    [['Price_Check'], 'price_check_1'],
    [['price_check', 'price_check_1'], 'price_check_2'],
  ])('a domain check with names %j is %s', (names, expected) => {
    const domain: Domain = {
      id: 'd', name: 'price', type: { kind: 'scalar', name: 'integer' }, nullable: true, default: { kind: 'none' },
      checks: names.map((name, i) => ({ id: `c${i}`, name, expression: 'VALUE > 0' })),
    };
    const cmd = addDomainCheckCommand(domain, sequentialIds());
    expect(cmd.type === 'domain.update' && cmd.changes.checks?.at(-1)?.name).toBe(expected);
  });
});
