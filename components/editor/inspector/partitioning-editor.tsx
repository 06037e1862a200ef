'use client';
import { DIALECTS } from '@/lib/dialects/dialects';
import type { Partitioning, PartitionBound, Table } from '@/lib/model/document';
import { newId } from '@/lib/model/ids';
import { useEditor } from '@/components/editor/store/editor-store';
import { Button, IconButton } from '@/components/ui/button';
import { CheckboxField } from '@/components/ui/checkbox';
import { SelectField } from '@/components/ui/select';
import { CommitTextField } from '@/components/ui/text-field';
import { Section } from '@/components/ui/section';
import { controlClass } from '@/components/ui/styles';
import { ItemCard, Muted } from './inspector-parts';
import { SQL_LEXERS, splitSqlList } from '@/lib/sql-lexer';
import { firstFreeName } from '@/lib/naming/unique-names';
import type { useCommandRunner } from './use-command';

type Run = ReturnType<typeof useCommandRunner>['run'];
type Strategy = Partitioning['strategy'];
type Partition = Partitioning['partitions'][number];

/** Whether a bound can stay when the strategy changes. */
function boundFits(bound: PartitionBound, strategy: Strategy): boolean {
  return bound.kind === strategy || (bound.kind === 'default' && strategy !== 'hash');
}

function newBound(strategy: Strategy, partitions: readonly Partition[]): PartitionBound {
  switch (strategy) {
    case 'range':
      return { kind: 'range', from: ['MINVALUE'], to: ['MAXVALUE'] };
    case 'list':
      return { kind: 'list', values: [`'value_${partitions.length + 1}'`] };
    case 'hash': {
      const modulus = Math.max(partitions.length + 1, ...partitions.map((p) => (p.bound.kind === 'hash' ? p.bound.modulus : 1)));
      return { kind: 'hash', modulus, remainder: partitions.length % modulus };
    }
    default: {
      const never: never = strategy;
      throw new Error(`unknown strategy ${String(never)}`);
    }
  }
}

/** A list of SQL literals as editable text, and back. */
const joinList = (items: readonly string[]) => items.join(', ');

export function PartitioningEditor({ table, run }: { table: Table; run: Run }) {
  const dialect = useEditor((s) => s.dialect);
  const p = table.partitioning;
  const set = (partitioning: Partitioning | undefined) => run({ type: 'table.update', tableId: table.id, changes: { partitioning } });
  const setPartition = (index: number, partition: Partition) => p && set({ ...p, partitions: p.partitions.map((x, i) => (i === index ? partition : x)) });

  return (
    <Section title="Partitioning" defaultOpen={Boolean(p)}>
      <SelectField
        label="Partition strategy"
        value={p?.strategy ?? 'none'}
        options={[
          { value: 'none', label: 'Not partitioned' },
          { value: 'range', label: 'RANGE' },
          { value: 'list', label: 'LIST' },
          { value: 'hash', label: 'HASH' },
        ]}
        onValueChange={(v) => {
          if (v === 'none') return set(undefined);
          if (p) return set({ ...p, strategy: v, partitions: p.partitions.filter((x) => boundFits(x.bound, v)) });
          const first = table.primaryKey?.columnIds[0] ?? table.columns[0]?.id;
          if (!first) return;
          set({ strategy: v, key: [{ kind: 'column', columnId: first }], partitions: [] });
        }}
      />
      {p && (
        <>
          {DIALECTS[dialect].partitionKeyRule && <Muted>{DIALECTS[dialect].partitionKeyRule}</Muted>}
          <div role="group" aria-label="Partition key" className="flex flex-col gap-1">
            {p.key.map((part, i) => (
              <div key={i} className="flex items-end gap-1">
                {part.kind === 'column' ? (
                  <SelectField
                    className="flex-1"
                    label={`Partition key part ${i + 1} (column)`}
                    value={part.columnId}
                    options={table.columns.map((c) => ({ value: c.id, label: c.name }))}
                    onValueChange={(columnId) => set({ ...p, key: p.key.map((x, j) => (j === i ? { kind: 'column', columnId } : x)) })}
                  />
                ) : (
                  <CommitTextField
                    className="flex-1"
                    label={`Partition key part ${i + 1} (expression)`}
                    monospace
                    value={part.sql}
                    onCommit={(text) => (text.trim() ? set({ ...p, key: p.key.map((x, j) => (j === i ? { kind: 'expression', sql: text.trim() } : x)) }) : 'An expression is required')}
                  />
                )}
                <IconButton label={`Remove partition key part ${i + 1}`} disabled={p.key.length <= 1} onClick={() => set({ ...p, key: p.key.filter((_, j) => j !== i) })}>
                  ✕
                </IconButton>
              </div>
            ))}
            <div className="flex gap-1">
              <Button onClick={() => table.columns[0] && set({ ...p, key: [...p.key, { kind: 'column', columnId: table.columns[0].id }] })}>+ Key column</Button>
              <Button onClick={() => set({ ...p, key: [...p.key, { kind: 'expression', sql: 'expression' }] })}>+ Key expression</Button>
            </div>
          </div>
          {p.partitions.map((part, i) => (
            <ItemCard key={part.id} label={`Partition ${part.name}`}>
              <div className="flex items-end gap-1">
                <CommitTextField
                  className="flex-1"
                  label="Partition name"
                  value={part.name}
                  onCommit={(text) => (text.trim() ? setPartition(i, { ...part, name: text.trim() }) : 'A name is required')}
                />
                <IconButton label={`Remove partition ${part.name}`} onClick={() => set({ ...p, partitions: p.partitions.filter((x) => x.id !== part.id) })}>
                  ✕
                </IconButton>
              </div>
              <BoundEditor strategy={p.strategy} partition={part} onChange={(bound) => setPartition(i, { ...part, bound })} />
            </ItemCard>
          ))}
          <Button
            onClick={() =>
              set({
                ...p,
                partitions: [
                  ...p.partitions,
                  { id: newId('part'), name: firstFreeName(`${table.name}_p${p.partitions.length + 1}`, p.partitions.map((x) => x.name)), bound: newBound(p.strategy, p.partitions) },
                ],
              })
            }
          >
            + Partition
          </Button>
        </>
      )}
    </Section>
  );
}

function BoundEditor({ strategy, partition, onChange }: { strategy: Strategy; partition: Partition; onChange: (b: PartitionBound) => string | undefined }) {
  const bound = partition.bound;
  const lexer = SQL_LEXERS[useEditor((s) => s.dialect)];
  const listField = (label: string, items: readonly string[], make: (items: string[]) => PartitionBound) => (
    <CommitTextField
      label={label}
      monospace
      value={joinList(items)}
      hint="SQL literals, comma-separated: 'a', 10, MINVALUE"
      onCommit={(text) => {
        const r = splitSqlList(text, lexer);
        if (!r.ok) return r.error;
        if (r.items.length === 0) return 'At least one value';
        return onChange(make(r.items));
      }}
    />
  );
  const canBeDefault = strategy !== 'hash';
  return (
    <>
      {canBeDefault && (
        <CheckboxField
          label="Default partition"
          checked={bound.kind === 'default'}
          onCheckedChange={(on) => onChange(on ? { kind: 'default' } : newBound(strategy, []))}
        />
      )}
      {bound.kind === 'range' && (
        <div className="grid grid-cols-2 gap-1">
          {listField('From', bound.from, (from) => ({ ...bound, from }))}
          {listField('To', bound.to, (to) => ({ ...bound, to }))}
        </div>
      )}
      {bound.kind === 'list' && listField('Values', bound.values, (values) => ({ kind: 'list', values }))}
      {bound.kind === 'hash' && (
        <div className="grid grid-cols-2 gap-1">
          {(['modulus', 'remainder'] as const).map((field) => (
            <label key={field} className="flex flex-col gap-0.5 text-[11px] text-slate-600 dark:text-slate-400">
              {field === 'modulus' ? 'Modulus' : 'Remainder'}
              <input
                type="number"
                className={controlClass}
                min={field === 'modulus' ? 1 : 0}
                defaultValue={bound[field]}
                key={bound[field]}
                onBlur={(e) => {
                  const n = Number(e.target.value);
                  if (!Number.isInteger(n) || n < (field === 'modulus' ? 1 : 0)) return;
                  if (n !== bound[field]) onChange({ ...bound, [field]: n });
                }}
              />
            </label>
          ))}
        </div>
      )}
    </>
  );
}
