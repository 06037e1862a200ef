'use client';
import { DIALECTS, editorCapabilities } from '@/lib/dialects/dialects';
import { dataClassifications, type Column, type DataClassification } from '@/lib/model/document';
import { CLASSIFICATION_LABELS } from '@/lib/model/classification';
import type { ColumnChanges } from '@/lib/model/commands/types';
import { useMemo } from 'react';
import { isPrimaryKeyColumn } from '@/lib/model/lookup';
import { useEditor, useEditorStore } from '@/components/editor/store/editor-store';
import { Button } from '@/components/ui/button';
import { CheckboxField } from '@/components/ui/checkbox';
import { SelectField } from '@/components/ui/select';
import { CommitTextField } from '@/components/ui/text-field';
import { Section } from '@/components/ui/section';
import { DefaultEditor } from './default-editor';
import { ErrorLine, MoveButtons, NavButton, PaneHeader } from './inspector-parts';
import { addIndexCommand, singleColumnUniques, toggleColumnUnique, togglePrimaryKeyColumn } from '@/lib/model/commands/helpers/table-edits';
import { serialColumnCommand, serialTypeOf } from '@/lib/model/commands/helpers/sequence-edits';
import { foreignKeyColumnIds, omitKey } from './plans';
import { TypePicker } from './type-picker';
import { useCommandRunner } from './use-command';
import { ProtectionEditor } from './protection-editor';

const CLASSIFICATION_OPTIONS = [
  { value: 'none' as const, label: 'Not classified' },
  ...dataClassifications.map((value) => ({ value, label: CLASSIFICATION_LABELS[value] })),
];

/** Parses an optional whole number field; '' clears it. */
function optionalInt(text: string): { ok: true; value: number | undefined } | { ok: false; error: string } {
  const t = text.trim();
  if (t === '') return { ok: true, value: undefined };
  if (!/^-?\d+$/.test(t) || !Number.isSafeInteger(Number(t))) return { ok: false, error: `"${text}" is not a whole number` };
  return { ok: true, value: Number(t) };
}

export function ColumnInspector({ tableId, columnId }: { tableId: string; columnId: string }) {
  const table = useEditor((s) => s.doc.tables[tableId]);
  const store = useEditorStore();
  const dialect = useEditor((s) => s.dialect);
  const select = useEditor((s) => s.select);
  const relationships = useEditor((s) => s.doc.relationships);
  const isFk = useMemo(() => foreignKeyColumnIds(relationships, tableId).has(columnId), [relationships, tableId, columnId]);
  const { run, error, clearError } = useCommandRunner();
  const column = table?.columns.find((c) => c.id === columnId);
  if (!table || !column) return null;
  const index = table.columns.indexOf(column);

  const update = (changes: ColumnChanges) => run({ type: 'column.update', tableId, columnId, changes });
  const inPk = isPrimaryKeyColumn(table, columnId);
  const unique = singleColumnUniques(table, columnId).length > 0;

  return (
    <div className="flex flex-col gap-1.5" data-testid="inspector-column">
      <PaneHeader
        kind={`Column of ${table.name}${isFk ? ' · foreign key' : ''}`}
        title={column.name}
        actions={
          <>
            <MoveButtons index={index} count={table.columns.length} what="column" onMove={(toIndex) => run({ type: 'column.move', tableId, columnId, toIndex })} />
            <Button variant="danger" onClick={() => run({ type: 'column.remove', tableId, columnId })}>
              Delete
            </Button>
          </>
        }
      />
      <NavButton onClick={() => select({ kind: 'tables', tableIds: [tableId] })}>← table {table.name}</NavButton>
      <ErrorLine error={error} onDismiss={clearError} />
      <CommitTextField label="Column name" value={column.name} onCommit={(name) => (name.trim() ? update({ name: name.trim() }) : 'A name is required')} />
      <TypePicker
        column={column}
        dialect={dialect}
        onChange={({ type, arrayDims }) => {
          // serial / bigserial / smallserial: an integer column that owns a new sequence (one undo step).
          const serial = type.kind === 'scalar' && arrayDims === 0 ? serialTypeOf(type.native?.postgres) : undefined;
          return serial ? run(serialColumnCommand(store.getState().doc, table, column, serial)) : update({ type, arrayDims: arrayDims > 0 ? arrayDims : undefined });
        }}
      />
      <div className="grid grid-cols-2 gap-x-2 gap-y-1">
        <CheckboxField label="Nullable" checked={column.nullable} disabled={inPk && !column.nullable} onCheckedChange={(nullable) => update({ nullable })} />
        <CheckboxField label="Primary key" checked={inPk} onCheckedChange={(on) => run(togglePrimaryKeyColumn(table, columnId, on))} />
        <CheckboxField label="Unique" checked={unique} onCheckedChange={(on) => run(toggleColumnUnique(table, columnId, on))} />
      </div>
      <SelectField<DataClassification | 'none'>
        label="Data classification"
        value={column.classification ?? 'none'}
        options={CLASSIFICATION_OPTIONS}
        onValueChange={(v) => update({ classification: v === 'none' ? undefined : v })}
      />
      <ProtectionEditor column={column} update={update} />
      <Button
        className="self-start"
        onClick={() => {
          // An index on this column: the one the architect has selected, not a guess.
          const command = addIndexCommand(table, columnId);
          if (!run(command) && command.type === 'index.add') select({ kind: 'index', tableId, indexId: command.index.id });
        }}
      >
        + Index on {column.name}
      </Button>
      <DefaultEditor value={column.default} type={column.type} onChange={(value) => update({ default: value })} />
      <IdentityEditor column={column} update={update} />
      <GeneratedEditor column={column} update={update} />
      <Section title="More" defaultOpen={Boolean(column.collation || column.comment || column.onUpdateCurrentTimestamp || column.charset || column.invisible)}>
        <CommitTextField
          label="Collation"
          value={column.collation ?? ''}
          placeholder={DIALECTS[dialect].collationExample}
          onCommit={(text) => update({ collation: text.trim() || undefined })}
        />
        {(editorCapabilities(dialect).mysqlAttributes || column.charset || column.invisible) && (
          <>
            <CommitTextField label="Character set (MySQL)" value={column.charset ?? ''} placeholder="(table default)" onCommit={(text) => update({ charset: text.trim().toLowerCase() || undefined })} />
            <CheckboxField label="Invisible (MySQL: left out of SELECT *)" checked={column.invisible ?? false} onCheckedChange={(on) => update({ invisible: on ? true : undefined })} />
          </>
        )}
        {(editorCapabilities(dialect).onUpdateCurrentTimestamp || column.onUpdateCurrentTimestamp) && (
          <CheckboxField
            label="ON UPDATE CURRENT_TIMESTAMP (MySQL)"
            checked={column.onUpdateCurrentTimestamp ?? false}
            onCheckedChange={(on) => update({ onUpdateCurrentTimestamp: on ? true : undefined })}
          />
        )}
        <CommitTextField label="Column comment" multiline value={column.comment ?? ''} onCommit={(text) => update({ comment: text || undefined })} />
      </Section>
    </div>
  );
}

function IdentityEditor({ column, update }: { column: Column; update: (c: ColumnChanges) => string | undefined }) {
  const identity = column.identity;
  return (
    <Section title="Identity" defaultOpen={Boolean(identity)}>
      <CheckboxField
        label="Identity (auto-increment)"
        checked={Boolean(identity)}
        onCheckedChange={(on) => update(on ? { identity: { always: false }, default: { kind: 'none' }, nullable: false } : { identity: undefined })}
      />
      {identity && (
        <>
          <SelectField
            label="Generated"
            value={identity.always ? 'always' : 'by-default'}
            options={[
              { value: 'by-default', label: 'BY DEFAULT (values may be supplied)' },
              { value: 'always', label: 'ALWAYS (PostgreSQL rejects supplied values)' },
            ]}
            onValueChange={(v) => update({ identity: { ...identity, always: v === 'always' } })}
          />
          <div className="grid grid-cols-2 gap-2">
            <CommitTextField
              label="Start"
              inputMode="numeric"
              value={identity.start?.toString() ?? ''}
              onCommit={(text) => {
                const r = optionalInt(text);
                if (!r.ok) return r.error;
                return update({ identity: r.value === undefined ? omitKey(identity, 'start') : { ...identity, start: r.value } });
              }}
            />
            <CommitTextField
              label="Increment"
              inputMode="numeric"
              value={identity.increment?.toString() ?? ''}
              onCommit={(text) => {
                const r = optionalInt(text);
                if (!r.ok) return r.error;
                if (r.value === 0) return 'Increment cannot be 0';
                return update({ identity: r.value === undefined ? omitKey(identity, 'increment') : { ...identity, increment: r.value } });
              }}
            />
          </div>
        </>
      )}
    </Section>
  );
}

function GeneratedEditor({ column, update }: { column: Column; update: (c: ColumnChanges) => string | undefined }) {
  const generated = column.generated;
  return (
    <Section title="Generated column" defaultOpen={Boolean(generated)}>
      <CommitTextField
        label="Generation expression"
        monospace
        value={generated?.expression ?? ''}
        placeholder="e.g. price * quantity (empty = not generated)"
        onCommit={(text) => {
          const expression = text.trim();
          if (!expression) return update({ generated: undefined });
          // A generated column has no default and no identity in either dialect.
          return update({ generated: { expression, stored: generated?.stored ?? true }, default: { kind: 'none' }, identity: undefined });
        }}
      />
      {generated && (
        <CheckboxField
          label="Stored (unchecked = virtual)"
          checked={generated.stored}
          onCheckedChange={(stored) => update({ generated: { ...generated, stored } })}
        />
      )}
    </Section>
  );
}

