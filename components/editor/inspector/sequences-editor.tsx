'use client';
import { sequenceDataTypes, type SchemaDocument, type Sequence, type SequenceDataType } from '@/lib/model/document';
import {
  addSequenceCommand, sequenceOptionCommand, sequenceOwnerChoices, sequenceOwnerCommand, type SequenceOption,
} from '@/lib/model/commands/helpers/sequence-edits';
import { settingsOf } from '@/lib/model/sequences';
import { useEditor } from '@/components/editor/store/editor-store';
import { Button, IconButton } from '@/components/ui/button';
import { CheckboxField } from '@/components/ui/checkbox';
import { SelectField } from '@/components/ui/select';
import { CommitTextField } from '@/components/ui/text-field';
import { Section } from '@/components/ui/section';
import { ErrorLine, ItemCard, Muted } from './inspector-parts';
import { useCommandRunner } from './use-command';

const OPTIONS: { key: SequenceOption; label: string }[] = [
  { key: 'start', label: 'Start' },
  { key: 'increment', label: 'Increment' },
  { key: 'min', label: 'Min' },
  { key: 'max', label: 'Max' },
  { key: 'cache', label: 'Cache' },
];

/** Sequences: standalone, shared and serial columns' own; each folded until opened (a dump may hold hundreds). */
export function SequencesEditor({ defaultOpen = false }: { defaultOpen?: boolean }) {
  const doc = useEditor((s) => s.doc);
  const { run, error, clearError } = useCommandRunner();
  const list = Object.values(doc.sequences);
  return (
    <Section title="Sequences" count={list.length} defaultOpen={defaultOpen} actions={<Button onClick={() => run(addSequenceCommand(doc))}>+ Sequence</Button>}>
      <ErrorLine error={error} onDismiss={clearError} />
      {list.length === 0 && <Muted>No sequences. A serial column owns one (type serial in a column&apos;s type); MySQL output makes it AUTO_INCREMENT.</Muted>}
      {list.map((q) => (
        <details key={q.id} className="rounded border border-slate-200 dark:border-slate-700" data-testid="sequence-item">
          <summary className="cursor-pointer px-1.5 py-1 font-mono text-[11px]">
            {q.name}
            <span className="ml-1 font-sans text-slate-500">{ownerLabel(doc, q)}</span>
          </summary>
          <SequenceCard sequence={q} run={run} />
        </details>
      ))}
    </Section>
  );
}

function ownerLabel(doc: SchemaDocument, q: Sequence): string {
  if (!q.ownedBy) return '';
  const t = doc.tables[q.ownedBy.tableId];
  return t ? `· owned by ${t.name}.${t.columns.find((c) => c.id === q.ownedBy?.columnId)?.name ?? '?'}` : '';
}

function SequenceCard({ sequence: q, run }: { sequence: Sequence; run: ReturnType<typeof useCommandRunner>['run'] }) {
  const doc = useEditor((s) => s.doc);
  const effective = settingsOf(q);
  const schemaOptions = [{ value: '', label: 'Default schema' }, ...Object.values(doc.schemas).map((s) => ({ value: s.id, label: s.name }))];
  const update = (changes: Partial<Omit<Sequence, 'id'>>) => run({ type: 'sequence.update', sequenceId: q.id, changes });
  return (
    <ItemCard label={`Sequence ${q.name}`} className="border-0">
      <div className="flex items-end gap-1">
        <CommitTextField className="flex-1" label="Sequence name" value={q.name} onCommit={(t) => (t.trim() ? update({ name: t.trim() }) : 'A name is required')} />
        <IconButton label={`Remove sequence ${q.name}`} onClick={() => run({ type: 'sequence.remove', sequenceId: q.id })}>
          ✕
        </IconButton>
      </div>
      <div className="grid grid-cols-2 gap-1">
        <SelectField label="Schema" value={q.schemaId ?? ''} options={schemaOptions} onValueChange={(v) => update({ schemaId: v || undefined })} />
        <SelectField<SequenceDataType> label="Data type" value={q.dataType} options={sequenceDataTypes.map((t) => ({ value: t, label: t }))} onValueChange={(dataType) => update({ dataType })} />
        {OPTIONS.map(({ key, label }) => (
          <CommitTextField
            key={key}
            label={label}
            inputMode="numeric"
            value={q[key] === undefined ? '' : String(q[key])}
            placeholder={String(effective[key])}
            onCommit={(text) => {
              const command = sequenceOptionCommand(q, key, text);
              return typeof command === 'string' ? command : run(command);
            }}
          />
        ))}
        <CheckboxField label="Cycle" checked={q.cycle === true} onCheckedChange={(on) => update({ cycle: on || undefined })} />
      </div>
      <SelectField
        label="Owned by"
        value={q.ownedBy ? `${q.ownedBy.tableId}/${q.ownedBy.columnId}` : ''}
        options={sequenceOwnerChoices(doc, q)}
        onValueChange={(v) => run(sequenceOwnerCommand(q, v))}
      />
      <CommitTextField label="Comment" value={q.comment ?? ''} onCommit={(t) => update({ comment: t.trim() ? t : undefined })} />
    </ItemCard>
  );
}
