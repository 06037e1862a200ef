'use client';
import { DIALECTS, editorCapabilities } from '@/lib/dialects/dialects';
import type { Column, Index, IndexPart } from '@/lib/model/document';
import { derivedIndexName, indexName } from '@/lib/naming/derived-names';
import { useEditor } from '@/components/editor/store/editor-store';
import { Button, IconButton } from '@/components/ui/button';
import { CheckboxField } from '@/components/ui/checkbox';
import { SelectField } from '@/components/ui/select';
import { CommitTextField } from '@/components/ui/text-field';
import { Section } from '@/components/ui/section';
import { controlClass, cx } from '@/components/ui/styles';
import { ColumnSetEditor } from './column-set-editor';
import { ErrorLine, ItemCard, MoveButtons, NavButton, PaneHeader } from './inspector-parts';
import { indexMethodsFor, moved, omitKey, updatedPart } from './plans';
import { useCommandRunner } from './use-command';
import { DecisionsSection } from './decisions-section';

type IndexChanges = Partial<Omit<Index, 'id'>>;


const orderOptions = [
  { value: 'default', label: 'default order' },
  { value: 'asc', label: 'ASC' },
  { value: 'desc', label: 'DESC' },
] as const;
const nullsOptions = [
  { value: 'default', label: 'default nulls' },
  { value: 'first', label: 'NULLS FIRST' },
  { value: 'last', label: 'NULLS LAST' },
] as const;

export function IndexInspector({ tableId, indexId }: { tableId: string; indexId: string }) {
  const table = useEditor((s) => s.doc.tables[tableId]);
  const dialect = useEditor((s) => s.dialect);
  const select = useEditor((s) => s.select);
  const { run, error, clearError } = useCommandRunner();
  const index = table?.indexes.find((ix) => ix.id === indexId);
  if (!table || !index) return null;
  const spec = DIALECTS[dialect];
  const caps = editorCapabilities(dialect);
  const update = (changes: IndexChanges) => run({ type: 'index.update', tableId, indexId, changes });
  const setParts = (parts: IndexPart[]) => update({ parts });
  const setPart = (i: number, part: IndexPart) => setParts(index.parts.map((p, j) => (j === i ? part : p)));

  // Offer the dialect's methods, plus the stored one if it belongs to the other dialect (so it shows).
  const methods = indexMethodsFor(dialect);
  const methodOptions = [
    { value: 'default', label: 'default (B-tree)' },
    ...[...methods, ...(index.method && !methods.includes(index.method) ? [index.method] : [])].map((m) => ({
      value: m,
      label: methods.includes(m) ? m.toUpperCase() : `${m.toUpperCase()} (not in ${dialect})`,
    })),
  ];

  return (
    <div className="flex flex-col gap-1.5" data-testid="inspector-index">
      <PaneHeader
        kind={`Index on ${table.name}`}
        title={indexName(table, index)}
        actions={
          <Button variant="danger" onClick={() => run({ type: 'index.remove', tableId, indexId })}>
            Delete
          </Button>
        }
      />
      <NavButton onClick={() => select({ kind: 'tables', tableIds: [tableId] })}>← table {table.name}</NavButton>
      <ErrorLine error={error} onDismiss={clearError} />
      <CommitTextField
        label="Index name"
        value={index.name ?? ''}
        // Unnamed: the derived name, which follows the key columns until one is typed here.
        placeholder={derivedIndexName(table, index)}
        hint={index.name === undefined ? 'Derived from the columns until you name it.' : 'Clear it to derive the name from the columns.'}
        onCommit={(name) => update({ name: name.trim() || undefined })}
      />
      <div className="grid grid-cols-2 items-end gap-2">
        <CheckboxField label="Unique index" checked={index.unique} onCheckedChange={(unique) => update({ unique })} />
        <SelectField
          label="Method"
          value={index.method ?? 'default'}
          options={methodOptions}
          onValueChange={(v) => update({ method: v === 'default' ? undefined : methods.find((m) => m === v) ?? index.method })}
        />
      </div>
      <Section title="Key parts" count={index.parts.length}>
        {index.parts.length === 0 && <span className="text-xs text-amber-700 dark:text-amber-400">No columns yet: pick the columns to index.</span>}
        {index.parts.map((part, i) => (
          <ItemCard key={i} label={`Key part ${i + 1}`}>
            <div className="flex items-end gap-1">
              {part.kind === 'column' ? (
                <SelectField
                  className="flex-1"
                  label={`Part ${i + 1} column`}
                  value={part.columnId}
                  options={table.columns.map((c) => ({ value: c.id, label: c.name }))}
                  onValueChange={(columnId) => setPart(i, { ...part, columnId })}
                />
              ) : (
                <CommitTextField
                  className="flex-1"
                  label={`Part ${i + 1} expression`}
                  monospace
                  value={part.sql}
                  onCommit={(text) => (text.trim() ? setPart(i, { ...part, sql: text.trim() }) : 'An expression is required')}
                />
              )}
              <MoveButtons index={i} count={index.parts.length} what={`part ${i + 1}`} onMove={(to) => setParts(moved(index.parts, i, to))} />
              <IconButton label={`Remove part ${i + 1}`} onClick={() => setParts(index.parts.filter((_, j) => j !== i))}>
                ✕
              </IconButton>
            </div>
            <div className="grid grid-cols-2 gap-1">
              <SelectField
                label={`Part ${i + 1} order`}
                value={part.order ?? 'default'}
                options={orderOptions}
                onValueChange={(v) => setPart(i, updatedPart(part, { order: v === 'default' ? undefined : v }))}
              />
              <SelectField
                label={`Part ${i + 1} nulls`}
                value={part.nulls ?? 'default'}
                options={nullsOptions}
                onValueChange={(v) => setPart(i, updatedPart(part, { nulls: v === 'default' ? undefined : v }))}
              />
            </div>
            {caps.operatorClasses && (
              <CommitTextField
                label={`Part ${i + 1} operator class`}
                monospace
                value={part.opclass ?? ''}
                placeholder="e.g. gin_trgm_ops"
                onCommit={(text) => {
                  const next: IndexPart = { ...part, opclass: text.trim() || undefined };
                  if (next.opclass === undefined) delete next.opclass;
                  return setPart(i, next);
                }}
              />
            )}
            {caps.prefixLengths && part.kind === 'column' && (
              <CommitTextField
                label={`Part ${i + 1} prefix length`}
                inputMode="numeric"
                value={part.length?.toString() ?? ''}
                placeholder="whole column"
                onCommit={(text) => {
                  const t = text.trim();
                  if (t === '') return setPart(i, omitKey(part, 'length'));
                  if (!/^\d+$/.test(t) || Number(t) < 1) return 'A positive whole number';
                  return setPart(i, { ...part, length: Number(t) });
                }}
              />
            )}
          </ItemCard>
        ))}
        <div className="flex gap-1">
          <KeyColumnPicker
            columns={table.columns.filter((c) => !index.parts.some((p) => p.kind === 'column' && p.columnId === c.id))}
            // A new index asks for its columns: the picker has the focus when the inspector opens on it.
            autoFocus={index.parts.length === 0}
            onPick={(columnId) => setParts([...index.parts, { kind: 'column', columnId }])}
          />
          <Button onClick={() => setParts([...index.parts, { kind: 'expression', sql: `lower(${spec.quoteIdentifier(table.columns[0]?.name ?? 'x')})` }])}>
            + Expression
          </Button>
        </div>
      </Section>
      <CommitTextField
        label="Partial index WHERE"
        monospace
        value={index.where ?? ''}
        placeholder="e.g. deleted_at IS NULL (empty = whole table)"
        hint={caps.partialIndexes ? undefined : `${spec.label} has no partial indexes: the DDL reports it.`}
        onCommit={(text) => update({ where: text.trim() || undefined })}
      />
      <ColumnSetEditor
        label="INCLUDE columns"
        columns={table.columns}
        value={index.includeColumnIds ?? []}
        onChange={(ids) => update({ includeColumnIds: ids.length ? ids : undefined })}
      />
      <CommitTextField
        label="Purpose"
        multiline
        rows={2}
        value={index.purpose ?? ''}
        placeholder="Which query does this index serve?"
        onCommit={(text) => update({ purpose: text || undefined })}
      />
      <DecisionsSection element={{ kind: 'index', id: indexId, tableId }} />
    </div>
  );
}

/** Adds a column to the key: a select of the columns not in it yet. */
function KeyColumnPicker({ columns, autoFocus, onPick }: { columns: readonly Column[]; autoFocus: boolean; onPick: (columnId: string) => void }) {
  if (!columns.length) return null;
  return (
    <select
      aria-label="Add column to key"
      className={cx(controlClass, 'flex-1')}
      value=""
      autoFocus={autoFocus}
      onChange={(e) => {
        if (e.target.value) onPick(e.target.value);
      }}
    >
      <option value="">+ add column…</option>
      {columns.map((c) => (
        <option key={c.id} value={c.id}>
          {c.name}
        </option>
      ))}
    </select>
  );
}
