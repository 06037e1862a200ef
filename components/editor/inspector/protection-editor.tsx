'use client';
/**
 * How a classified column is protected (issue 16): encryption, masking in non-production copies, the
 * role allowed to read it, retention. Shown for confidential, personal and special-category columns;
 * the Security section of DATABASE_DESIGN.md lists what is chosen here and what is not decided.
 */
import type { Column, ColumnProtection } from '@/lib/model/document';
import { isProtectedColumn } from '@/lib/model/classification';
import { SelectField } from '@/components/ui/select';
import { CommitTextField } from '@/components/ui/text-field';

const ENCRYPTION = [
  { value: '', label: 'Not decided' },
  { value: 'at-rest', label: 'At rest (storage)' },
  { value: 'column', label: 'Column-level' },
] as const;
const MASKING = [
  { value: '', label: 'Not decided' },
  { value: 'redact', label: 'Redact' },
  { value: 'partial', label: 'Partial mask' },
  { value: 'hash', label: 'Hash' },
  { value: 'fake', label: 'Fake data' },
  { value: 'null', label: 'Empty (NULL)' },
] as const;

export function ProtectionEditor({ column, update }: { column: Column; update: (changes: { protection?: ColumnProtection }) => string | void | undefined }) {
  if (!isProtectedColumn(column)) return null;
  const p = column.protection ?? {};
  const set = (changes: Partial<ColumnProtection>) => {
    const next: ColumnProtection = { ...p, ...changes };
    for (const k of Object.keys(next) as (keyof ColumnProtection)[]) if (next[k] === undefined) delete next[k];
    return update({ protection: Object.keys(next).length ? next : undefined });
  };
  return (
    <fieldset className="grid grid-cols-2 gap-x-2 gap-y-1 rounded border border-slate-200 p-1.5 dark:border-slate-700" data-testid="column-protection">
      <legend className="px-1 text-[11px] text-slate-600 dark:text-slate-400">Protection</legend>
      <SelectField label="Encryption" value={p.encryption ?? ''} options={ENCRYPTION} onValueChange={(v) => set({ encryption: v || undefined })} />
      <SelectField label="Masking (non-production)" value={p.masking ?? ''} options={MASKING} onValueChange={(v) => set({ masking: v || undefined })} />
      <CommitTextField label="Access role" value={p.accessRole ?? ''} placeholder="e.g. support_readonly" onCommit={(t) => set({ accessRole: t.trim() || undefined })} />
      <CommitTextField
        label="Retention (months)"
        inputMode="numeric"
        value={p.retentionMonths === undefined ? '' : String(p.retentionMonths)}
        onCommit={(t) => {
          const text = t.trim();
          if (!text) return set({ retentionMonths: undefined });
          const n = Number(text);
          if (!Number.isInteger(n) || n <= 0 || n > 1200) return 'Whole months, 1 to 1200';
          return set({ retentionMonths: n });
        }}
      />
    </fieldset>
  );
}
