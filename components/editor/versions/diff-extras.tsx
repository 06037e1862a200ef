'use client';
/**
 * Below a table on a compared canvas: its changes that have no row of their own (indexes, unique
 * keys, checks, the primary key, partitioning). Drawn outside the node's declared box (absolutely
 * placed), so the rows and the relationship lines attached to them do not move.
 */
import type { DiffEntry } from '@/lib/evolution/diff';
import { describeMark } from './diff-context';

const SIGN = { added: '+', removed: '−', changed: '~' } as const;

export function DiffExtras({ entries }: { entries: readonly DiffEntry[] }) {
  return (
    <ul className="db-diff-extras" aria-label="Other changes to this table">
      {entries.map((e) => (
        <li key={`${e.kind}:${e.id}`} data-testid="diff-extra" data-diff={e.change} data-kind={e.kind} data-name={e.name} title={describeMark(e)}>
          <span aria-hidden>{SIGN[e.change]}</span> {e.kind === 'primaryKey' ? 'primary key' : e.kind} {e.kind === 'primaryKey' || e.kind === 'partitioning' ? '' : e.name}
        </li>
      ))}
    </ul>
  );
}
