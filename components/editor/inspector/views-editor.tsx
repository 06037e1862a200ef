'use client';
import { DIALECTS, editorCapabilities } from '@/lib/dialects/dialects';
import type { View } from '@/lib/model/document';
import { useEditor, useEditorStore } from '@/components/editor/store/editor-store';
import { Button, IconButton } from '@/components/ui/button';
import { CheckboxField } from '@/components/ui/checkbox';
import { SelectField } from '@/components/ui/select';
import { CommitTextField } from '@/components/ui/text-field';
import { Section } from '@/components/ui/section';
import { ErrorLine, ItemCard, Muted } from './inspector-parts';
import { useCommandRunner } from './use-command';
import { addViewCommand } from '@/lib/model/commands/helpers/view-domain-edits';

/** The document's views: list, add (`SELECT 1` in the document's dialect), edit name/schema/SQL/comment, remove. */
export function ViewsEditor({ defaultOpen = false }: { defaultOpen?: boolean }) {
  const views = useEditor((s) => s.doc.views);
  const schemas = useEditor((s) => s.doc.schemas);
  const dialect = useEditor((s) => s.doc.settings.dialect);
  const store = useEditorStore();
  const { run, error, clearError } = useCommandRunner();
  const list = Object.values(views);
  const schemaOptions = [{ value: '', label: '(default schema)' }, ...Object.values(schemas).map((s) => ({ value: s.id, label: s.name }))];
  const update = (v: View, changes: Partial<Omit<View, 'id'>>) => run({ type: 'view.update', viewId: v.id, changes });
  return (
    <Section
      title="Views"
      count={list.length}
      defaultOpen={defaultOpen}
      actions={<Button onClick={() => run(addViewCommand(store.getState().doc))}>+ View</Button>}
    >
      <ErrorLine error={error} onDismiss={clearError} />
      {list.length === 0 && <Muted>No views. A view is emitted as CREATE VIEW after the tables it reads.</Muted>}
      {list.map((v) => (
        <ItemCard key={v.id} label={`View ${v.name}`}>
          <div className="flex items-end gap-1">
            <CommitTextField className="flex-1" label="View name" value={v.name} onCommit={(t) => (t.trim() ? update(v, { name: t.trim() }) : 'A name is required')} />
            <IconButton label={`Remove view ${v.name}`} onClick={() => run({ type: 'view.remove', viewId: v.id })}>
              ✕
            </IconButton>
          </div>
          {Object.keys(schemas).length > 0 && (
            <SelectField label="View schema" value={v.schemaId ?? ''} options={schemaOptions} onValueChange={(s) => update(v, { schemaId: s || undefined })} />
          )}
          <CommitTextField
            label="View SQL"
            multiline
            monospace
            rows={Math.min(10, v.sql.split('\n').length + 1)}
            hint={`The SELECT, in ${DIALECTS[v.dialect].label} SQL. Ctrl+Enter or leaving the field saves.`}
            value={v.sql}
            // The body is the user's SQL in the document's dialect: a view written before a dialect switch is re-labelled on edit.
            onCommit={(text) => (text.trim() ? update(v, { sql: text.trim(), dialect }) : 'A view needs a SELECT')}
          />
          {editorCapabilities(dialect).materializedViews && (
            <CheckboxField label="Materialized" checked={v.materialized} onCheckedChange={(materialized) => update(v, { materialized })} />
          )}
          <CommitTextField
            label="View comment"
            multiline
            rows={2}
            value={v.comment ?? ''}
            onCommit={(text) => update(v, { comment: text.trim() || undefined })}
          />
        </ItemCard>
      ))}
    </Section>
  );
}
