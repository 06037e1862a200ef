'use client';
/**
 * The declared requirements (seed of "Phase 1: Requirements Analysis"): numbers with unit pickers
 * (document version 4) and, beside each, a note for what a number does not say ("5x on Black Friday",
 * or text an older document held that did not parse). Each field commits on blur or Enter as one
 * `design.setRequirements` command (one undo step per edited field).
 */
import type { RequirementNoteKey, Requirements } from '@/lib/model/document';
import { useEditor } from '@/components/editor/store/editor-store';
import { CommitTextField } from '@/components/ui/text-field';
import { SelectField } from '@/components/ui/select';
import { BYTE_UNITS, CONNECTION_UNITS, DURATION_UNITS, LATENCY_UNITS, RATE_UNITS, RATIO_UNITS } from './requirement-units';
import { fromUnitAmount, toUnitAmount, UnitNumberField, type UnitAmount } from './unit-number-field';

type NumberKey = 'latencyTargetMs' | 'throughputQps' | 'rpoMinutes' | 'rtoMinutes' | 'readsPerWrite' | 'peakLoadQps' | 'concurrencyConnections';
type Units = readonly { value: string; label: string; factor: number }[];

const NUMBER_FIELDS: { key: NumberKey; note: RequirementNoteKey; label: string; units: Units; placeholder: string; integer?: boolean; defaultUnit?: string }[] = [
  { key: 'latencyTargetMs', note: 'latencyTarget', label: 'Latency target (p99)', units: LATENCY_UNITS, placeholder: 'e.g. 50' },
  { key: 'throughputQps', note: 'throughputTarget', label: 'Throughput target', units: RATE_UNITS, placeholder: 'e.g. 2000' },
  { key: 'readsPerWrite', note: 'readWriteRatio', label: 'Read/write ratio', units: RATIO_UNITS, placeholder: 'e.g. 9 (for 9:1)' },
  { key: 'peakLoadQps', note: 'peakLoad', label: 'Peak load', units: RATE_UNITS, placeholder: 'e.g. 5000' },
  { key: 'concurrencyConnections', note: 'concurrency', label: 'Concurrent connections', units: CONNECTION_UNITS, placeholder: 'e.g. 400', integer: true },
  { key: 'rpoMinutes', note: 'rpo', label: 'RPO (max data loss)', units: DURATION_UNITS, placeholder: 'e.g. 5', defaultUnit: 'min' },
  { key: 'rtoMinutes', note: 'rto', label: 'RTO (max downtime)', units: DURATION_UNITS, placeholder: 'e.g. 60', defaultUnit: 'min' },
];

export function RequirementsForm() {
  const requirements = useEditor((s) => s.doc.design.requirements);
  const dispatch = useEditor((s) => s.dispatch);
  const set = (changes: Partial<Requirements>) => {
    const next: Requirements = { ...requirements, ...changes };
    for (const k of Object.keys(next) as (keyof Requirements)[]) if (next[k] === undefined) delete next[k];
    if (next.notes && Object.keys(next.notes).length === 0) delete next.notes;
    const result = dispatch({ type: 'design.setRequirements', requirements: next });
    return 'error' in result ? result.error : undefined;
  };
  const setNote = (key: RequirementNoteKey, text: string) => {
    const notes = { ...(requirements.notes ?? {}) };
    if (text.trim()) notes[key] = text.trim();
    else delete notes[key];
    return set({ notes });
  };
  const note = (key: RequirementNoteKey, label: string) => (
    <CommitTextField label={`${label} note`} value={requirements.notes?.[key] ?? ''} placeholder="optional" onCommit={(t) => setNote(key, t)} />
  );
  const size = (key: 'dataVolumeNow' | 'dataVolume5y', label: string, placeholder: string) => (
    <div className="grid grid-cols-2 gap-2" key={key}>
      <UnitNumberField
        label={label}
        value={requirements[key] && { amount: requirements[key].value, unit: requirements[key].unit }}
        units={BYTE_UNITS}
        defaultUnit="GB"
        placeholder={placeholder}
        onCommit={(v) => set({ [key]: v && { value: v.amount, unit: v.unit } })}
      />
      {note(key, label)}
    </div>
  );
  return (
    <section aria-labelledby="design-requirements-title" className="flex flex-col gap-2">
      <h3 id="design-requirements-title" className="text-sm font-semibold">Requirements</h3>
      <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
        <SelectField
          label="Workload"
          value={requirements.workload ?? ''}
          options={[{ value: '', label: 'Not declared' }, { value: 'oltp', label: 'OLTP (transactional)' }, { value: 'olap', label: 'OLAP (analytical)' }, { value: 'htap', label: 'HTAP (mixed)' }]}
          onValueChange={(v) => set({ workload: v === '' ? undefined : v })}
        />
        <SelectField
          label="Consistency"
          value={requirements.consistency ?? ''}
          options={[{ value: '', label: 'Not declared' }, { value: 'acid', label: 'ACID' }, { value: 'base', label: 'BASE (eventual)' }]}
          onValueChange={(v) => set({ consistency: v === '' ? undefined : v })}
        />
        {size('dataVolumeNow', 'Data volume now', 'e.g. 50')}
        {size('dataVolume5y', 'Data volume in 5 years', 'e.g. 2')}
        {NUMBER_FIELDS.map((f) => (
          <div className="grid grid-cols-2 gap-2" key={f.key}>
            <UnitNumberField
              label={f.label}
              value={toUnitAmount(requirements[f.key], f.units)}
              units={f.units}
              defaultUnit={f.defaultUnit ?? f.units[0].value}
              placeholder={f.placeholder}
              onCommit={(v: UnitAmount<string> | undefined) => {
                const n = fromUnitAmount(v, f.units);
                if (f.integer && n !== undefined && !Number.isInteger(n)) return 'A whole number';
                return set({ [f.key]: n });
              }}
            />
            {note(f.note, f.label)}
          </div>
        ))}
      </div>
    </section>
  );
}
