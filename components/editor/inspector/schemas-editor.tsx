'use client';
import { newId } from '@/lib/model/ids';
import { useEditor } from '@/components/editor/store/editor-store';
import { Button, IconButton } from '@/components/ui/button';
import { CommitTextField } from '@/components/ui/text-field';
import { Section } from '@/components/ui/section';
import { ErrorLine, Muted } from './inspector-parts';
import { firstFreeName } from '@/lib/naming/unique-names';
import { useCommandRunner } from './use-command';

/** Schemas (namespaces): PostgreSQL schemas, MySQL databases. Removing one moves its tables to the default schema. */
export function SchemasEditor({ defaultOpen = false }: { defaultOpen?: boolean }) {
  const schemas = useEditor((s) => s.doc.schemas);
  const { run, error, clearError } = useCommandRunner();
  const list = Object.values(schemas);
  return (
    <Section
      title="Schemas"
      count={list.length}
      defaultOpen={defaultOpen}
      actions={<Button onClick={() => run({ type: 'schema.add', schema: { id: newId('sch'), name: firstFreeName('app', list.map((s) => s.name)) } })}>+ Schema</Button>}
    >
      <ErrorLine error={error} onDismiss={clearError} />
      {list.length === 0 && <Muted>Everything is in the default schema (public in PostgreSQL, the connection’s database in MySQL).</Muted>}
      {list.map((s) => (
        <div key={s.id} className="flex items-end gap-1">
          <CommitTextField
            className="flex-1"
            label={`Schema name (${s.name})`}
            value={s.name}
            onCommit={(t) => (t.trim() ? run({ type: 'schema.update', schemaId: s.id, changes: { name: t.trim() } }) : 'A name is required')}
          />
          <IconButton label={`Remove schema ${s.name}`} onClick={() => run({ type: 'schema.remove', schemaId: s.id })}>
            ✕
          </IconButton>
        </div>
      ))}
    </Section>
  );
}
