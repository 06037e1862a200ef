'use client';
/**
 * The table inspector's "Volume" section (issue 15): rows now, growth per month, rows in 5 years,
 * retention, and the average length of each variable-length column, its default as the placeholder.
 * Each committed field is one `table.setVolume` command (one undo step).
 */
import { useMemo } from 'react';
import type { Table } from '@/lib/model/document';
import { formatNumber } from '@/lib/model/requirement-units';
import { rowsIn5yOf } from '@/lib/workload/types';
import { variableLengthColumns, volumeWithAvgLength, volumeWithField } from '@/lib/volumes/edit';
import { WORKLOAD_FIELD_LABEL, type WorkloadField } from '@/lib/volumes/paste';
import { useEditor } from '@/components/editor/store/editor-store';
import { CommitTextField } from '@/components/ui/text-field';
import { Section } from '@/components/ui/section';
import { Muted } from './inspector-parts';
import type { useCommandRunner } from './use-command';

type Run = ReturnType<typeof useCommandRunner>['run'];

const HINTS: Partial<Record<WorkloadField, string>> = {
  rowsIn5y: 'Computed from rows, growth and retention when left empty',
};

export function VolumeSection({ table, run }: { table: Table; run: Run }) {
  const domains = useEditor((s) => s.doc.domains);
  const variable = useMemo(() => variableLengthColumns(domains, table), [domains, table]);
  const volume = table.volume;
  const projected = volume?.rowsIn5y === undefined ? rowsIn5yOf(volume) : undefined;
  const setField = (field: WorkloadField, text: string) => {
    const next = volumeWithField(volume, field, text);
    return 'error' in next ? next.error : run({ type: 'table.setVolume', tableId: table.id, volume: next.volume });
  };
  const setLength = (columnId: string, text: string) => {
    const next = volumeWithAvgLength(volume, columnId, text);
    return 'error' in next ? next.error : run({ type: 'table.setVolume', tableId: table.id, volume: next.volume });
  };
  const figure = (n: number | undefined) => (n === undefined ? '' : String(n));
  return (
    <Section title="Volume" defaultOpen={volume !== undefined}>
      <div className="grid grid-cols-2 gap-1.5" data-testid="inspector-volume">
        {(['rows', 'growthPerMonth', 'rowsIn5y', 'retentionMonths'] as const).map((field) => (
          <CommitTextField
            key={field}
            label={WORKLOAD_FIELD_LABEL[field]}
            inputMode="numeric"
            value={figure(volume?.[field])}
            placeholder={field === 'rowsIn5y' && projected !== undefined ? formatNumber(projected, 0) : field === 'retentionMonths' ? 'kept forever' : 'not declared'}
            hint={field === 'rowsIn5y' && volume?.rowsIn5y === undefined ? HINTS.rowsIn5y : undefined}
            onCommit={(text) => setField(field, text)}
          />
        ))}
      </div>
      {variable.length > 0 && (
        <>
          <Muted>Average stored length (bytes) of the variable-length columns; the placeholder is the default assumed.</Muted>
          <div className="grid grid-cols-2 gap-1.5">
            {variable.map(({ column, defaultLength }) => (
              <CommitTextField
                key={column.id}
                label={`Avg length of ${column.name}`}
                inputMode="numeric"
                value={figure(volume?.avgLength?.[column.id])}
                placeholder={String(defaultLength)}
                onCommit={(text) => setLength(column.id, text)}
              />
            ))}
          </div>
        </>
      )}
    </Section>
  );
}
