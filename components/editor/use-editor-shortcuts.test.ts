import { describe, expect, it } from 'vitest';
import { commandsFixture } from '@/lib/model/commands/test-fixture';
import { columnMoveCommand } from './use-editor-shortcuts';
import type { Selection } from './store/editor-store';

describe('columnMoveCommand (Alt+Up/Down)', () => {
  const doc = commandsFixture(); // users: id, email, name, manager_id
  const sel = (columnId: string): Selection => ({ kind: 'column', tableId: 't_users', columnId });
  it.each([
    ['c_users_email', -1, 0],
    ['c_users_email', 1, 2],
    ['c_users_manager_id', -1, 2],
  ] as const)('%s by %i -> index %i', (columnId, step, toIndex) => {
    expect(columnMoveCommand({ doc, selection: sel(columnId) }, step)).toEqual({ type: 'column.move', tableId: 't_users', columnId, toIndex });
  });
  const cases: [string, Selection, -1 | 1][] = [
    ['first column up', sel('c_users_id'), -1],
    ['last column down', sel('c_users_manager_id'), 1],
    ['a table selection', { kind: 'tables', tableIds: ['t_users'] }, 1],
    ['an unknown column', sel('c_gone'), 1],
  ];
  it.each(cases)('nothing for %s', (_name, selection, step) => {
    expect(columnMoveCommand({ doc, selection }, step)).toBeUndefined();
  });
});
