'use client';
import type { Index, IndexPart } from '@/lib/model/document';
import { useEditor } from '@/components/editor/store/editor-store';
import { Button, IconButton } from '@/components/ui/button';
import { CheckboxField } from '@/components/ui/checkbox';
import { SelectField } from '@/components/ui/select';
import { CommitTextField } from '@/components/ui/text-field';
import { Section } from '@/components/ui/section';
import { ColumnSetEditor } from './column-set-editor';
import { ErrorLine, ItemCard, MoveButtons, NavButton, PaneHeader } from './inspector-parts';
import { indexMethodsFor, moved, omitKey, updatedPart } from './plans';
import { useCommandRunner } from './use-command';

type IndexChanges = Partial<Omit<Index, 'id'>>;

/** Quotes a column name for the starter expression of a new expression part. */
function quoteIdent(name: string, dialect: 'postgres' | 'mysql'): string {
  return dialect === 'postgres' ? `"${name.replaceAll('"', '""')}"` : `\`${name.replaceAll('`', '``')}\``;
}

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
        title={index.name}
        actions={
          <Button variant="danger" onClick={() => run({ type: 'index.remove', tableId, indexId })}>
            Delete
          </Button>
        }
      />
      <NavButton onClick={() => select({ kind: 'tables', tableIds: [tableId] })}>← table {table.name}</NavButton>
      <ErrorLine error={error} onDismiss={clearError} />
      <CommitTextField label="Index name" value={index.name} onCommit={(name) => (name.trim() ? update({ name: name.trim() }) : 'A name is required')} />
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
              <IconButton label={`Remove part ${i + 1}`} disabled={index.parts.length <= 1} onClick={() => setParts(index.parts.filter((_, j) => j !== i))}>
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
            {dialect === 'postgres' && (
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
            {dialect === 'mysql' && part.kind === 'column' && (
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
          <Button
            disabled={table.columns.length === 0}
            onClick={() => {
              const used = new Set(index.parts.flatMap((p) => (p.kind === 'column' ? [p.columnId] : [])));
              const column = table.columns.find((c) => !used.has(c.id)) ?? table.columns[0];
              setParts([...index.parts, { kind: 'column', columnId: column.id }]);
            }}
          >
            + Column
          </Button>
          <Button onClick={() => setParts([...index.parts, { kind: 'expression', sql: `lower(${quoteIdent(table.columns[0]?.name ?? 'x', dialect)})` }])}>
            + Expression
          </Button>
        </div>
      </Section>
      <CommitTextField
        label="Partial index WHERE"
        monospace
        value={index.where ?? ''}
        placeholder="e.g. deleted_at IS NULL (empty = whole table)"
        hint={dialect === 'mysql' ? 'MySQL has no partial indexes: the DDL reports it.' : undefined}
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
    </div>
  );
}
