'use client';
/**
 * The declared requirements (seed of "Phase 1: Requirements Analysis"): each field commits on blur
 * or Enter as one `design.setRequirements` command (one undo step per edited field).
 */
import type { Requirements } from '@/lib/model/document';
import { useEditor } from '@/components/editor/store/editor-store';
import { CommitTextField } from '@/components/ui/text-field';
import { SelectField } from '@/components/ui/select';

type TextKey = Exclude<keyof Requirements, 'workload' | 'consistency'>;

const TEXT_FIELDS: { key: TextKey; label: string; placeholder: string }[] = [
  { key: 'dataVolumeNow', label: 'Data volume now', placeholder: 'e.g. 50 GB, 10 M orders' },
  { key: 'dataVolume5y', label: 'Data volume in 5 years', placeholder: 'e.g. 2 TB' },
  { key: 'latencyTarget', label: 'Latency target', placeholder: 'e.g. p99 < 50 ms' },
  { key: 'throughputTarget', label: 'Throughput target', placeholder: 'e.g. 2,000 writes/s' },
  { key: 'readWriteRatio', label: 'Read/write ratio', placeholder: 'e.g. 9:1' },
  { key: 'peakLoad', label: 'Peak load', placeholder: 'e.g. 5x on Black Friday' },
  { key: 'concurrency', label: 'Concurrent connections', placeholder: 'e.g. 400' },
  { key: 'rpo', label: 'RPO (max data loss)', placeholder: 'e.g. 5 minutes' },
  { key: 'rto', label: 'RTO (max downtime)', placeholder: 'e.g. 1 hour' },
];

export function RequirementsForm() {
  const requirements = useEditor((s) => s.doc.design.requirements);
  const dispatch = useEditor((s) => s.dispatch);
  const set = (changes: Partial<Requirements>) => {
    const next: Requirements = { ...requirements, ...changes };
    for (const k of Object.keys(next) as (keyof Requirements)[]) if (next[k] === undefined || next[k] === '') delete next[k];
    const result = dispatch({ type: 'design.setRequirements', requirements: next });
    return 'error' in result ? result.error : undefined;
  };
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
        {TEXT_FIELDS.map((f) => (
          <CommitTextField key={f.key} label={f.label} value={requirements[f.key] ?? ''} placeholder={f.placeholder} onCommit={(text) => set({ [f.key]: text.trim() || undefined })} />
        ))}
      </div>
    </section>
  );
}
