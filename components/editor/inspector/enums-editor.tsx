'use client';
import type { EnumType } from '@/lib/model/document';
import { newId } from '@/lib/model/ids';
import { useEditor } from '@/components/editor/store/editor-store';
import { Button, IconButton } from '@/components/ui/button';
import { SelectField } from '@/components/ui/select';
import { CommitTextField } from '@/components/ui/text-field';
import { Section } from '@/components/ui/section';
import { ErrorLine, ItemCard, Muted } from './inspector-parts';
import { firstFreeName } from '@/lib/naming/unique-names';
import { useCommandRunner } from './use-command';

/** Enum values are edited one per line: values may contain commas and quotes, but not newlines. */
export function parseEnumValues(text: string): { ok: true; values: string[] } | { ok: false; error: string } {
  const values = text.split('\n').map((v) => v.trim()).filter((v) => v !== '');
  if (values.length === 0) return { ok: false, error: 'An enum needs at least one value' };
  const seen = new Set<string>();
  for (const v of values) {
    if (seen.has(v)) return { ok: false, error: `"${v}" is listed twice` };
    seen.add(v);
  }
  return { ok: true, values };
}

/** The document's enum types: list, add, rename, edit values, remove (columns using it fall back to text). */
export function EnumsEditor({ defaultOpen = false }: { defaultOpen?: boolean }) {
  const enums = useEditor((s) => s.doc.enums);
  const schemas = useEditor((s) => s.doc.schemas);
  const { run, error, clearError } = useCommandRunner();
  const list = Object.values(enums);
  const schemaOptions = [{ value: '', label: '(default schema)' }, ...Object.values(schemas).map((s) => ({ value: s.id, label: s.name }))];
  const update = (e: EnumType, changes: Partial<Omit<EnumType, 'id'>>) => run({ type: 'enum.update', enumId: e.id, changes });
  return (
    <Section
      title="Enum types"
      count={list.length}
      defaultOpen={defaultOpen}
      actions={
        <Button
          onClick={() =>
            run({ type: 'enum.add', enum: { id: newId('enm'), name: firstFreeName('new_enum', list.map((e) => e.name)), values: ['value_1'] } })
          }
        >
          + Enum
        </Button>
      }
    >
      <ErrorLine error={error} onDismiss={clearError} />
      {list.length === 0 && <Muted>No enum types. An enum becomes CREATE TYPE in PostgreSQL and an inline ENUM(...) in MySQL.</Muted>}
      {list.map((e) => (
        <ItemCard key={e.id} label={`Enum ${e.name}`}>
          <div className="flex items-end gap-1">
            <CommitTextField className="flex-1" label="Enum name" value={e.name} onCommit={(t) => (t.trim() ? update(e, { name: t.trim() }) : 'A name is required')} />
            <IconButton label={`Remove enum ${e.name}`} onClick={() => run({ type: 'enum.remove', enumId: e.id })}>
              ✕
            </IconButton>
          </div>
          {Object.keys(schemas).length > 0 && (
            <SelectField label="Enum schema" value={e.schemaId ?? ''} options={schemaOptions} onValueChange={(v) => update(e, { schemaId: v || undefined })} />
          )}
          <CommitTextField
            label="Enum values (one per line)"
            multiline
            monospace
            rows={Math.min(8, e.values.length + 1)}
            hint="Ctrl+Enter or leaving the field saves"
            value={e.values.join('\n')}
            onCommit={(text) => {
              const r = parseEnumValues(text);
              return r.ok ? update(e, { values: r.values }) : r.error;
            }}
          />
        </ItemCard>
      ))}
    </Section>
  );
}
