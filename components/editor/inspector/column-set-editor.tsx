'use client';
/**
 * An ordered list of a table's columns (composite unique, INCLUDE columns, partition key columns):
 * add from a select, reorder, remove. Order matters for the DDL, so it is explicit.
 */
import { useId } from 'react';
import type { Column } from '@/lib/model/document';
import { IconButton } from '@/components/ui/button';
import { controlClass, labelClass } from '@/components/ui/styles';
import { MoveButtons } from './inspector-parts';
import { moved } from './plans';

export interface ColumnSetEditorProps {
  label: string;
  columns: readonly Column[];
  value: readonly string[];
  onChange: (columnIds: string[]) => void;
  /** Keep at least one column. */
  minOne?: boolean;
  /** Focus the column picker on mount: a key just added asks for its columns. */
  autoFocus?: boolean;
  /** Shown when no column is in the set yet. */
  emptyText?: string;
}

export function ColumnSetEditor({ label, columns, value, onChange, minOne, autoFocus, emptyText }: ColumnSetEditorProps) {
  const id = useId();
  const byId = new Map(columns.map((c) => [c.id, c]));
  const available = columns.filter((c) => !value.includes(c.id));
  return (
    <div role="group" aria-labelledby={`${id}-l`} className="flex flex-col gap-0.5">
      <span id={`${id}-l`} className={labelClass}>
        {label}
      </span>
      {value.length === 0 && emptyText && <span className="text-xs text-amber-700 dark:text-amber-400">{emptyText}</span>}
      <ol className="flex flex-col gap-0.5">
        {value.map((columnId, i) => {
          const name = byId.get(columnId)?.name ?? columnId;
          return (
            <li key={columnId} className="flex items-center gap-1 text-xs">
              <span className="min-w-0 flex-1 truncate font-mono">{name}</span>
              <MoveButtons index={i} count={value.length} what={name} onMove={(to) => onChange(moved(value, i, to))} />
              <IconButton
                label={`Remove ${name} from ${label}`}
                disabled={minOne && value.length <= 1}
                onClick={() => onChange(value.filter((x) => x !== columnId))}
              >
                ✕
              </IconButton>
            </li>
          );
        })}
      </ol>
      {available.length > 0 && (
        <select
          aria-label={`Add column to ${label}`}
          className={controlClass}
          autoFocus={autoFocus}
          value=""
          onChange={(e) => {
            if (e.target.value) onChange([...value, e.target.value]);
          }}
        >
          <option value="">+ add column…</option>
          {available.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}
