'use client';
import { useMemo, useState } from 'react';
import type { Table } from '@/lib/model/document';
import type { TableChanges } from '@/lib/model/commands/types';
import { newId } from '@/lib/model/ids';
import { isPrimaryKeyColumn } from '@/lib/model/lookup';
import { derivedUniqueName, indexName, uniqueConstraintName } from '@/lib/naming/derived-names';
import { useEditor } from '@/components/editor/store/editor-store';
import { editorCapabilities } from '@/lib/dialects/dialects';
import { formatColumnType } from '@/lib/dialects/type-text';
import { Button, IconButton } from '@/components/ui/button';
import { CheckboxField } from '@/components/ui/checkbox';
import { SelectField } from '@/components/ui/select';
import { CommitTextField } from '@/components/ui/text-field';
import { Section } from '@/components/ui/section';
import { ColumnSetEditor } from './column-set-editor';
import { ErrorLine, ItemCard, Muted, NavButton, PaneHeader } from './inspector-parts';
import { CheckCard } from './check-card';
import { PartitioningEditor } from './partitioning-editor';
import { VolumeSection } from './volume-section';
import { firstFreeName } from '@/lib/naming/unique-names';
import { addColumnCommand, addIndexCommand, addUniqueCommand } from '@/lib/model/commands/helpers/table-edits';
import { foreignKeyColumnIds } from './plans';
import { useCommandRunner } from './use-command';
import { DecisionsSection } from './decisions-section';
import { TableStorageSection } from './table-storage-section';

export function TableInspector({ tableId }: { tableId: string }) {
  const table = useEditor((s) => s.doc.tables[tableId]);
  const schemas = useEditor((s) => s.doc.schemas);
  const { run, error, clearError } = useCommandRunner();
  if (!table) return null;
  const update = (changes: TableChanges) => run({ type: 'table.update', tableId, changes });
  const schemaOptions = [{ value: '', label: '(default schema)' }, ...Object.values(schemas).map((s) => ({ value: s.id, label: s.name }))];

  return (
    <div className="flex flex-col gap-1.5" data-testid="inspector-table">
      <PaneHeader
        kind="Table"
        title={table.name}
        actions={
          <Button variant="danger" onClick={() => run({ type: 'table.remove', tableId })}>
            Delete
          </Button>
        }
      />
      <ErrorLine error={error} onDismiss={clearError} />
      <CommitTextField label="Table name" value={table.name} onCommit={(name) => (name.trim() ? update({ name: name.trim() }) : 'A name is required')} />
      <SelectField label="Schema" value={table.schemaId ?? ''} options={schemaOptions} onValueChange={(v) => update({ schemaId: v || undefined })} />
      <CommitTextField label="Table comment" multiline rows={2} value={table.comment ?? ''} onCommit={(text) => update({ comment: text || undefined })} />
      <ColumnsSection table={table} run={run} />
      <KeysSection table={table} run={run} />
      <ChecksSection table={table} run={run} />
      <IndexesSection table={table} run={run} />
      <RelationshipsSection tableId={tableId} />
      <PartitioningEditor table={table} run={run} />
      <VolumeSection table={table} run={run} />
      <MysqlOptionsSection table={table} run={run} />
      <TableStorageSection table={table} run={run} />
      <DecisionsSection element={{ kind: 'table', id: tableId }} />
    </div>
  );
}

type Run = ReturnType<typeof useCommandRunner>['run'];

function ColumnsSection({ table, run }: { table: Table; run: Run }) {
  const select = useEditor((s) => s.select);
  const dialect = useEditor((s) => s.dialect);
  const enums = useEditor((s) => s.doc.enums);
  const domains = useEditor((s) => s.doc.domains);
  // Selectors run on every store change (drag frames included): select stable records, derive in a memo.
  const relationships = useEditor((s) => s.doc.relationships);
  const fk = useMemo(() => foreignKeyColumnIds(relationships, table.id), [relationships, table.id]);
  return (
    <Section
      title="Columns"
      count={table.columns.length}
      actions={
        <Button
          onClick={() => {
            const command = addColumnCommand(table);
            if (!run(command) && command.type === 'column.add') select({ kind: 'column', tableId: table.id, columnId: command.column.id });
          }}
        >
          + Column
        </Button>
      }
    >
      {table.columns.length === 0 && <Muted>No columns yet.</Muted>}
      <ul className="flex flex-col">
        {table.columns.map((c) => (
          <li key={c.id}>
            <NavButton label={`Column ${c.name}`} onClick={() => select({ kind: 'column', tableId: table.id, columnId: c.id })}>
              <span className="w-6 shrink-0 text-[10px] text-amber-600 dark:text-amber-400">
                {isPrimaryKeyColumn(table, c.id) ? 'PK' : fk.has(c.id) ? 'FK' : ''}
              </span>
              <span className="min-w-0 flex-1 truncate font-mono">{c.name}</span>
              <span className="truncate font-mono text-slate-500 dark:text-slate-400">
                {formatColumnType(c.type, c.arrayDims, { enums, domains }, dialect)}
                {c.nullable ? '' : ' !'}
              </span>
            </NavButton>
          </li>
        ))}
      </ul>
    </Section>
  );
}

function KeysSection({ table, run }: { table: Table; run: Run }) {
  const dialect = useEditor((s) => s.dialect);
  const pk = table.primaryKey;
  // The unique just added asks for its columns: its column picker takes the focus.
  const [added, setAdded] = useState<string | undefined>(undefined);
  return (
    <Section title="Keys" count={(pk ? 1 : 0) + table.uniques.length} defaultOpen={Boolean(pk) || table.uniques.length > 0}
      actions={
        table.columns.length > 0 && (
          <Button
            onClick={() => {
              const command = addUniqueCommand(table);
              if (!run(command) && command.type === 'unique.add') setAdded(command.unique.id);
            }}
          >
            + Unique
          </Button>
        )
      }
    >
      <ItemCard label="Primary key">
        <ColumnSetEditor
          label="Primary key columns"
          columns={table.columns}
          value={pk?.columnIds ?? []}
          onChange={(columnIds) =>
            run({ type: 'primaryKey.set', tableId: table.id, primaryKey: columnIds.length ? { ...(pk?.name ? { name: pk.name } : {}), columnIds } : undefined })
          }
        />
        {pk && (
          <CommitTextField
            label="Primary key name"
            value={pk.name ?? ''}
            placeholder={`${table.name}_pkey`}
            onCommit={(text) => run({ type: 'primaryKey.set', tableId: table.id, primaryKey: { ...(text.trim() ? { name: text.trim() } : {}), columnIds: pk.columnIds } })}
          />
        )}
      </ItemCard>
      {table.uniques.map((u) => (
        <ItemCard key={u.id} label={`Unique constraint ${uniqueConstraintName(table, u)}`}>
          <div className="flex items-end gap-1">
            <CommitTextField
              className="flex-1"
              label="Unique name"
              value={u.name ?? ''}
              // Unnamed: the derived name, which follows the columns until one is typed here.
              placeholder={derivedUniqueName(table, u)}
              onCommit={(text) => run({ type: 'unique.update', tableId: table.id, uniqueId: u.id, changes: { name: text.trim() || undefined } })}
            />
            <IconButton label={`Remove unique constraint ${uniqueConstraintName(table, u)}`} onClick={() => run({ type: 'unique.remove', tableId: table.id, uniqueId: u.id })}>
              ✕
            </IconButton>
          </div>
          <ColumnSetEditor
            label="Unique columns"
            columns={table.columns}
            value={u.columnIds}
            autoFocus={u.id === added}
            emptyText="No columns yet: pick the columns that must be unique."
            onChange={(columnIds) => run({ type: 'unique.update', tableId: table.id, uniqueId: u.id, changes: { columnIds } })}
          />
          {(editorCapabilities(dialect).nullsNotDistinct || u.nullsNotDistinct) && (
            <CheckboxField
              label="NULLS NOT DISTINCT (PostgreSQL 15+)"
              checked={u.nullsNotDistinct ?? false}
              onCheckedChange={(on) => run({ type: 'unique.update', tableId: table.id, uniqueId: u.id, changes: { nullsNotDistinct: on ? true : undefined } })}
            />
          )}
        </ItemCard>
      ))}
    </Section>
  );
}

function ChecksSection({ table, run }: { table: Table; run: Run }) {
  return (
    <Section
      title="Checks"
      count={table.checks.length}
      defaultOpen={table.checks.length > 0}
      actions={
        <Button
          onClick={() =>
            run({
              type: 'check.add',
              tableId: table.id,
              check: { id: newId('chk'), name: firstFreeName(`${table.name}_check`, table.checks.map((c) => c.name ?? '')), expression: '' },
            })
          }
        >
          + Check
        </Button>
      }
    >
      {table.checks.map((c, i) => (
        <CheckCard
          key={c.id}
          check={c}
          index={i}
          labelPrefix="Check"
          namePlaceholder="(derived)"
          onRename={(name) => run({ type: 'check.update', tableId: table.id, checkId: c.id, changes: { name } })}
          onRemove={() => run({ type: 'check.remove', tableId: table.id, checkId: c.id })}
          onExpression={(expression) => run({ type: 'check.update', tableId: table.id, checkId: c.id, changes: { expression } })}
        />
      ))}
    </Section>
  );
}

function IndexesSection({ table, run }: { table: Table; run: Run }) {
  const select = useEditor((s) => s.select);
  return (
    <Section
      title="Indexes"
      count={table.indexes.length}
      actions={
        table.columns.length > 0 && (
          <Button
            onClick={() => {
              const command = addIndexCommand(table);
              if (!run(command) && command.type === 'index.add') select({ kind: 'index', tableId: table.id, indexId: command.index.id });
            }}
          >
            + Index
          </Button>
        )
      }
    >
      {table.indexes.length === 0 && <Muted>No indexes.</Muted>}
      <ul>
        {table.indexes.map((ix) => (
          <li key={ix.id}>
            <NavButton label={`Index ${indexName(table, ix)}`} onClick={() => select({ kind: 'index', tableId: table.id, indexId: ix.id })}>
              <span className="min-w-0 flex-1 truncate font-mono">{indexName(table, ix)}</span>
              <span className="text-slate-500 dark:text-slate-400">
                {[!ix.parts.length && 'no columns yet', ix.unique && 'unique', ix.method, ix.where && 'partial'].filter(Boolean).join(' · ')}
              </span>
            </NavButton>
          </li>
        ))}
      </ul>
    </Section>
  );
}

function RelationshipsSection({ tableId }: { tableId: string }) {
  const select = useEditor((s) => s.select);
  const tables = useEditor((s) => s.doc.tables);
  const relationships = useEditor((s) => s.doc.relationships);
  const related = useMemo(
    () => Object.values(relationships).filter((r) => r.fromTableId === tableId || r.toTableId === tableId),
    [relationships, tableId],
  );
  return (
    <Section title="Relationships" count={related.length} defaultOpen={related.length > 0}>
      {related.length === 0 && <Muted>Drag from a column handle to another table’s column to relate them.</Muted>}
      <ul>
        {related.map((r) => {
          const outgoing = r.fromTableId === tableId;
          const other = tables[outgoing ? r.toTableId : r.fromTableId]?.name ?? '?';
          return (
            <li key={r.id}>
              <NavButton label={`Relationship ${r.name ?? other}`} onClick={() => select({ kind: 'relationship', relationshipId: r.id })}>
                <span className="w-4 text-slate-500">{outgoing ? '→' : '←'}</span>
                <span className="min-w-0 flex-1 truncate font-mono">{other}</span>
                <span className="truncate text-slate-500 dark:text-slate-400">{r.name ?? ''}</span>
              </NavButton>
            </li>
          );
        })}
      </ul>
    </Section>
  );
}

type MysqlOptions = NonNullable<NonNullable<Table['options']>['mysql']>;

/** ENGINE / DEFAULT CHARSET / COLLATE, kept from imports and emitted only in MySQL DDL. */
function MysqlOptionsSection({ table, run }: { table: Table; run: Run }) {
  const dialect = useEditor((s) => s.dialect);
  const mysql = table.options?.mysql;
  if (!editorCapabilities(dialect).tableOptions && !mysql) return null;
  const set = (key: keyof MysqlOptions, text: string) => {
    const next: MysqlOptions = { ...mysql, [key]: text.trim() || undefined };
    for (const k of Object.keys(next) as (keyof MysqlOptions)[]) if (next[k] === undefined) delete next[k];
    const options = { ...table.options, mysql: Object.keys(next).length ? next : undefined };
    if (!options.mysql) delete options.mysql;
    return run({ type: 'table.update', tableId: table.id, changes: { options: Object.keys(options).length ? options : undefined } });
  };
  return (
    <Section title="MySQL options" defaultOpen={Boolean(mysql)}>
      <div className="grid grid-cols-3 gap-1">
        <CommitTextField label="Engine" value={mysql?.engine ?? ''} placeholder="InnoDB" onCommit={(t) => set('engine', t)} />
        <CommitTextField label="Charset" value={mysql?.charset ?? ''} placeholder="utf8mb4" onCommit={(t) => set('charset', t)} />
        <CommitTextField label="Collation" value={mysql?.collation ?? ''} placeholder="(default)" onCommit={(t) => set('collation', t)} />
        <CommitTextField label="Row format" value={mysql?.rowFormat ?? ''} placeholder="(default)" onCommit={(t) => set('rowFormat', t.toUpperCase())} />
      </div>
    </Section>
  );
}
