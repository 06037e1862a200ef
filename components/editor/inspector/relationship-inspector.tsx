'use client';
import { editorCapabilities } from '@/lib/dialects/dialects';
import { cardinalityEndSchema, referentialActionSchema, type CardinalityEnd, type Relationship } from '@/lib/model/document';
import { cardinalityOf } from '@/lib/model/cardinality';
import { useEditor } from '@/components/editor/store/editor-store';
import { Button, IconButton } from '@/components/ui/button';
import { CheckboxField } from '@/components/ui/checkbox';
import { SelectField } from '@/components/ui/select';
import { CommitTextField } from '@/components/ui/text-field';
import { Section } from '@/components/ui/section';
import { ErrorLine, NavButton, PaneHeader } from './inspector-parts';
import { cardinalityAfterChoice } from './plans';
import { useCommandRunner } from './use-command';
import { DecisionsSection } from './decisions-section';

type RelChanges = Partial<Omit<Relationship, 'id' | 'fromTableId' | 'toTableId'>>;

const actionOptions = referentialActionSchema.options.map((a) => ({ value: a, label: a.toUpperCase() }));
const endLabels: Record<CardinalityEnd, string> = {
  'zero-or-one': 'zero or one',
  'exactly-one': 'exactly one',
  'zero-or-many': 'zero or many',
  'one-or-many': 'one or many',
};
const deferrableOptions = [
  { value: 'not deferrable', label: 'NOT DEFERRABLE' },
  { value: 'deferrable initially immediate', label: 'DEFERRABLE INITIALLY IMMEDIATE' },
  { value: 'deferrable initially deferred', label: 'DEFERRABLE INITIALLY DEFERRED' },
] as const;

export function RelationshipInspector({ relationshipId }: { relationshipId: string }) {
  const rel = useEditor((s) => s.doc.relationships[relationshipId]);
  const from = useEditor((s) => (rel ? s.doc.tables[rel.fromTableId] : undefined));
  const to = useEditor((s) => (rel ? s.doc.tables[rel.toTableId] : undefined));
  // Derived cardinality ignores the override: computed on the relationship without it. Each end is
  // selected as a string: a selector returning a fresh object would re-render forever.
  const derivedFrom = useEditor((s) => (rel ? cardinalityOf(s.doc, { ...rel, cardinality: undefined }).from : undefined));
  const derivedTo = useEditor((s) => (rel ? cardinalityOf(s.doc, { ...rel, cardinality: undefined }).to : undefined));
  const dialect = useEditor((s) => s.dialect);
  const select = useEditor((s) => s.select);
  const { run, error, clearError } = useCommandRunner();
  if (!rel || !from || !to || !derivedFrom || !derivedTo) return null;
  const update = (changes: RelChanges) => run({ type: 'relationship.update', relationshipId, changes });

  const columnName = (tableColumns: typeof from.columns, id: string) => tableColumns.find((c) => c.id === id)?.name ?? id;
  const title = `${from.name} → ${to.name}`;
  const override = rel.cardinality;
  const endOptions = (derivedEnd: CardinalityEnd) => [
    { value: 'derived', label: `derived (${endLabels[derivedEnd]})` },
    ...cardinalityEndSchema.options.map((e) => ({ value: e, label: endLabels[e] })),
  ];
  const setEnd = (side: 'from' | 'to', value: string) => {
    const parsed = cardinalityEndSchema.safeParse(value);
    return update({ cardinality: cardinalityAfterChoice(override, { from: derivedFrom, to: derivedTo }, side, parsed.success ? parsed.data : 'derived') });
  };
  const shownEnd = (side: 'from' | 'to') => (override ? override[side] : 'derived');

  return (
    <div className="flex flex-col gap-1.5" data-testid="inspector-relationship">
      <PaneHeader
        kind="Relationship"
        title={rel.name ?? title}
        actions={
          <Button variant="danger" onClick={() => run({ type: 'relationship.remove', relationshipId })}>
            Delete
          </Button>
        }
      />
      <div className="flex gap-1 text-xs">
        <NavButton className="w-auto flex-1" label={`Child table ${from.name}`} onClick={() => select({ kind: 'tables', tableIds: [from.id] })}>
          {from.name} (child)
        </NavButton>
        <NavButton className="w-auto flex-1" label={`Parent table ${to.name}`} onClick={() => select({ kind: 'tables', tableIds: [to.id] })}>
          {to.name} (parent)
        </NavButton>
      </div>
      <ErrorLine error={error} onDismiss={clearError} />
      <CommitTextField label="Constraint name" value={rel.name ?? ''} placeholder="(derived)" onCommit={(text) => update({ name: text.trim() || undefined })} />
      <Section title="Columns" count={rel.columnPairs.length}>
        {rel.columnPairs.map((pair, i) => (
          <div key={i} className="flex items-end gap-1" role="group" aria-label={`Column pair ${i + 1}`}>
            <SelectField
              className="flex-1"
              label={`${from.name} column ${i + 1}`}
              value={pair.fromColumnId}
              options={from.columns.map((c) => ({ value: c.id, label: c.name }))}
              onValueChange={(fromColumnId) => update({ columnPairs: rel.columnPairs.map((p, j) => (j === i ? { ...p, fromColumnId } : p)) })}
            />
            <span className="pb-1 text-xs text-slate-500">→</span>
            <SelectField
              className="flex-1"
              label={`${to.name} column ${i + 1}`}
              value={pair.toColumnId}
              options={to.columns.map((c) => ({ value: c.id, label: c.name }))}
              onValueChange={(toColumnId) => update({ columnPairs: rel.columnPairs.map((p, j) => (j === i ? { ...p, toColumnId } : p)) })}
            />
            <IconButton
              label={`Remove column pair ${columnName(from.columns, pair.fromColumnId)} → ${columnName(to.columns, pair.toColumnId)}`}
              disabled={rel.columnPairs.length <= 1}
              onClick={() => update({ columnPairs: rel.columnPairs.filter((_, j) => j !== i) })}
            >
              ✕
            </IconButton>
          </div>
        ))}
        {from.columns.length > 0 && to.columns.length > 0 && (
          <Button
            onClick={() => {
              // Suggest the next parent key column not yet referenced, and a child column of the same name.
              const usedTo = new Set(rel.columnPairs.map((p) => p.toColumnId));
              const usedFrom = new Set(rel.columnPairs.map((p) => p.fromColumnId));
              const parent = (to.primaryKey?.columnIds ?? []).map((id) => to.columns.find((c) => c.id === id)).find((c) => c && !usedTo.has(c.id))
                ?? to.columns.find((c) => !usedTo.has(c.id)) ?? to.columns[0];
              const child = from.columns.find((c) => !usedFrom.has(c.id) && c.name === parent.name) ?? from.columns.find((c) => !usedFrom.has(c.id)) ?? from.columns[0];
              update({ columnPairs: [...rel.columnPairs, { fromColumnId: child.id, toColumnId: parent.id }] });
            }}
          >
            + Column pair
          </Button>
        )}
      </Section>
      <div className="grid grid-cols-2 gap-2">
        <SelectField label="On delete" value={rel.onDelete} options={actionOptions} onValueChange={(onDelete) => update({ onDelete })} />
        <SelectField label="On update" value={rel.onUpdate} options={actionOptions} onValueChange={(onUpdate) => update({ onUpdate })} />
      </div>
      <Section title="Cardinality">
        <SelectField
          label={`${from.name} rows per ${to.name} row`}
          value={shownEnd('from')}
          options={endOptions(derivedFrom)}
          onValueChange={(v) => setEnd('from', v)}
        />
        <SelectField
          label={`${to.name} rows per ${from.name} row`}
          value={shownEnd('to')}
          options={endOptions(derivedTo)}
          onValueChange={(v) => setEnd('to', v)}
        />
      </Section>
      <CheckboxField
        label="Enforced (emit a FOREIGN KEY)"
        checked={rel.enforced}
        onCheckedChange={(enforced) => update({ enforced })}
      />
      {(editorCapabilities(dialect).deferrableConstraints || rel.deferrable) && (
        <SelectField
          label="Deferrable (PostgreSQL)"
          value={rel.deferrable ?? 'not deferrable'}
          options={deferrableOptions}
          onValueChange={(v) => update({ deferrable: v === 'not deferrable' ? undefined : v })}
        />
      )}
      <CommitTextField label="Relationship comment" multiline rows={2} value={rel.comment ?? ''} onCommit={(text) => update({ comment: text || undefined })} />
      <DecisionsSection element={{ kind: 'relationship', id: relationshipId }} />
    </div>
  );
}
