/**
 * Integrity: keys and relationships that let wrong data in, or keep right data out. Each rule is data
 * (id, severity, rationale, sources) plus a check over the run's shared ReviewModel.
 */
import type { Command } from '../../model/commands/types';
import type { Relationship, Table } from '../../model/document';
import { cycleThrough, cyclicComponents, type Edge } from '../graph';
import type { ReviewModel } from '../model';
import { andList } from '../text';
import { generatedKey, integerRank } from './types';
import type { RawFinding, Rule } from '../types';

/** `orders (customer_id) -> customers (id)`: a relationship as a reviewer names it. */
export function relationshipLabel(model: ReviewModel, rel: Relationship): string {
  const child = model.table(rel.fromTableId);
  const parent = model.table(rel.toTableId);
  if (!child || !parent) return rel.name ?? rel.id;
  const from = model.columnList(child, rel.columnPairs.map((p) => p.fromColumnId));
  const to = model.columnList(parent, rel.columnPairs.map((p) => p.toColumnId));
  return `${model.tableLabel(child)} (${from}) -> ${model.tableLabel(parent)} (${to})`;
}

const relTarget = (rel: Relationship) => ({ kind: 'relationship' as const, relationshipId: rel.id });

/** Relationships whose two tables exist (a dangling one is the validator's business, not the review's), listed once per run. */
function wholeRelationships(model: ReviewModel): readonly { rel: Relationship; child: Table; parent: Table }[] {
  return model.memo('integrity:whole-relationships', () => {
    const out: { rel: Relationship; child: Table; parent: Table }[] = [];
    for (const rel of model.relationships) {
      const child = model.table(rel.fromTableId);
      const parent = model.table(rel.toTableId);
      if (child && parent) out.push({ rel, child, parent });
    }
    return out;
  });
}

/** A unique key over NOT NULL columns only: it identifies rows already, and can become the primary key. */
function promotableKey(model: ReviewModel, table: Table): { columnIds: string[]; remove: Command } | undefined {
  const notNull = (ids: readonly string[]) => ids.length > 0 && ids.every((id) => model.column(table, id)?.nullable === false);
  const u = table.uniques.find((x) => notNull(x.columnIds));
  if (u) return { columnIds: u.columnIds, remove: { type: 'unique.remove', tableId: table.id, uniqueId: u.id } };
  const ix = table.indexes.find((x) => x.unique && !x.where && x.parts.every((p) => p.kind === 'column') && notNull(x.parts.map((p) => (p.kind === 'column' ? p.columnId : ''))));
  if (ix) return { columnIds: ix.parts.map((p) => (p.kind === 'column' ? p.columnId : '')), remove: { type: 'index.remove', tableId: table.id, indexId: ix.id } };
  return undefined;
}

const noPrimaryKey: Rule = {
  id: 'no-primary-key',
  title: 'Table without a primary key',
  category: 'integrity',
  defaultSeverity: 'error',
  rationale:
    "Without a primary key rows cannot be addressed one by one: updates and deletes may hit duplicates, and logical replication, InnoDB's clustered index and ORMs all need one.",
  suggestion: 'Add a primary key: a surrogate `id` column or the natural key that identifies a row.',
  fix: 'Makes the column named `id` the primary key, or else promotes a unique key over NOT NULL columns to primary key.',
  sources: ['Azimutt analyze primary-key-missing', 'Bytebase SQL review table.require-pk', 'drawDB issues "no primary key"', 'schemalint require-primary-key'],
  check: ({ model }) =>
    model.tables
      .filter((t) => !t.primaryKey)
      .map((t) => {
        const id = t.columns.find((c) => c.name.toLowerCase() === 'id');
        const key = id ? undefined : promotableKey(model, t);
        const fix = id
          ? { title: `Make ${t.name}.${id.name} the primary key`, command: { type: 'primaryKey.set' as const, tableId: t.id, primaryKey: { columnIds: [id.id] } } }
          : key && {
              title: `Make the unique key (${model.columnList(t, key.columnIds)}) the primary key`,
              command: { type: 'batch' as const, commands: [key.remove, { type: 'primaryKey.set' as const, tableId: t.id, primaryKey: { columnIds: key.columnIds } }] },
            };
        return {
          target: { kind: 'table' as const, tableId: t.id },
          key: `no-primary-key:${t.id}`,
          message: `${model.tableLabel(t)} has no primary key, so its rows cannot be addressed one by one${key ? `; its unique key (${model.columnList(t, key.columnIds)}) could be it` : ''}`,
          ...(fix && { fix }),
        };
      }),
};

const fkTypeMismatch: Rule = {
  id: 'fk-type-mismatch',
  title: 'Foreign key column type differs from the referenced key',
  category: 'integrity',
  defaultSeverity: 'warning',
  rationale:
    'Both sides of a relationship hold the same values. A different type, length or signedness makes joins cast, lets the child hold values the parent cannot (or the reverse), and MySQL refuses the foreign key outright when integer sizes or signedness differ.',
  suggestion: 'Give the foreign key column exactly the type of the column it references.',
  fix: "Changes the foreign key columns' type to the referenced columns' type.",
  sources: ['Azimutt analyze relation-misaligned-type', 'MySQL: "Referencing column and referenced column are incompatible" (ER_FK_INCOMPATIBLE_COLUMNS)'],
  check: ({ model }) => {
    const out: RawFinding[] = [];
    for (const { rel, child, parent } of wholeRelationships(model)) {
      const diffs: string[] = [];
      const commands: Command[] = [];
      const key = generatedKey(model, parent);
      for (const p of rel.columnPairs) {
        const c = model.column(child, p.fromColumnId);
        const pc = model.column(parent, p.toColumnId);
        if (!c || !pc || model.typeSignature(c) === model.typeSignature(pc)) continue;
        // A generated key narrower than its reference is key-narrower-than-references' finding (widen the key).
        if (pc === key && integerRank(model.scalarOf(c.type)) > integerRank(model.scalarOf(pc.type)) && integerRank(model.scalarOf(pc.type)) > 0) continue;
        diffs.push(`${model.columnLabel(child, c)} is ${model.typeText(c)} but ${model.columnLabel(parent, pc)} is ${model.typeText(pc)}`);
        commands.push({ type: 'column.update', tableId: child.id, columnId: c.id, changes: { type: pc.type, arrayDims: pc.arrayDims } });
      }
      if (!diffs.length) continue;
      out.push({
        target: relTarget(rel),
        key: `fk-type-mismatch:${rel.id}`,
        message: `${andList(diffs)}: the two sides of ${relationshipLabel(model, rel)} should have the same type`,
        fix: { title: `Change ${child.name} (${model.columnList(child, rel.columnPairs.map((x) => x.fromColumnId))}) to the referenced type`, command: commands.length === 1 ? commands[0] : { type: 'batch', commands } },
      });
    }
    return out;
  },
};

const fkToNonUniqueParent: Rule = {
  id: 'fk-references-non-unique',
  title: 'Foreign key references columns that are not a key',
  category: 'integrity',
  defaultSeverity: 'error',
  rationale:
    'A foreign key must point at one parent row. PostgreSQL rejects a reference to columns that are not the primary key or a unique key; MySQL accepts it with any index, and then a child row may match several parents.',
  suggestion: 'Reference the primary key, or make the referenced columns unique.',
  fix: 'Adds a unique constraint on the referenced columns.',
  sources: ['PostgreSQL: "there is no unique constraint matching given keys for referenced table" (42830)', 'MySQL manual: foreign keys to non-unique keys are a non-standard extension'],
  check: ({ model, ids }) => {
    const out: RawFinding[] = [];
    for (const { rel, child, parent } of wholeRelationships(model)) {
      const to = rel.columnPairs.map((p) => p.toColumnId);
      if (to.some((id) => !model.column(parent, id)) || model.index.isUniqueColumnSet(parent, to)) continue;
      out.push({
        target: relTarget(rel),
        key: `fk-references-non-unique:${rel.id}`,
        message: `${model.tableLabel(child)} references ${model.tableLabel(parent)} (${model.columnList(parent, to)}), which is neither the primary key nor a unique key of ${model.tableLabel(parent)}`,
        fix: { title: `Add a unique constraint on ${parent.name} (${model.columnList(parent, to)})`, command: { type: 'unique.add', tableId: parent.id, unique: { id: ids('uq'), columnIds: to } } },
      });
    }
    return out;
  },
};

const oneToOneNotUnique: Rule = {
  id: 'one-to-one-not-unique',
  title: 'One-to-one relationship whose foreign key is not unique',
  category: 'integrity',
  defaultSeverity: 'warning',
  rationale:
    'The relationship is drawn as one-to-one, but nothing stops two child rows from referencing the same parent: the diagram promises what the database does not enforce.',
  suggestion: 'Make the foreign key columns unique, or draw the relationship as one-to-many.',
  fix: 'Adds a unique constraint on the foreign key columns.',
  sources: ['Prisma schema validation: a one-to-one relation needs @unique on its foreign key fields', 'DBML one-to-one references (`-`)'],
  check: ({ model, ids }) => {
    const out: RawFinding[] = [];
    for (const { rel, child } of wholeRelationships(model)) {
      const from = rel.cardinality?.from;
      if (from !== 'zero-or-one' && from !== 'exactly-one') continue;
      const cols = rel.columnPairs.map((p) => p.fromColumnId);
      if (cols.some((id) => !model.column(child, id)) || model.index.isUniqueColumnSet(child, cols)) continue;
      out.push({
        target: relTarget(rel),
        key: `one-to-one-not-unique:${rel.id}`,
        message: `${relationshipLabel(model, rel)} is drawn one-to-one, but ${model.tableLabel(child)} (${model.columnList(child, cols)}) is not unique, so several rows may reference the same parent`,
        fix: { title: `Add a unique constraint on ${child.name} (${model.columnList(child, cols)})`, command: { type: 'unique.add', tableId: child.id, unique: { id: ids('uq'), columnIds: cols } } },
      });
    }
    return out;
  },
};

const setNullOnNotNull: Rule = {
  id: 'set-null-on-not-null',
  title: 'ON DELETE / ON UPDATE SET NULL on a NOT NULL column',
  category: 'integrity',
  defaultSeverity: 'error',
  rationale:
    'SET NULL cannot null a NOT NULL column: MySQL rejects the table, PostgreSQL accepts it and then fails the delete or update of every referenced parent row.',
  suggestion: 'Make the foreign key columns nullable, or choose another action (RESTRICT, CASCADE).',
  fix: 'Makes the foreign key columns nullable (or, when one is in the primary key, changes the action to NO ACTION).',
  sources: ['MySQL: "Column cannot be NOT NULL: needed in a foreign key constraint SET NULL" (ER_FK_COLUMN_NOT_NULL)', 'PostgreSQL: not-null violation when the action runs'],
  check: ({ model }) => {
    const out: RawFinding[] = [];
    for (const { rel, child } of wholeRelationships(model)) {
      const actions = [rel.onDelete === 'set null' ? 'ON DELETE' : '', rel.onUpdate === 'set null' ? 'ON UPDATE' : ''].filter(Boolean);
      if (!actions.length) continue;
      const notNull = rel.columnPairs.map((p) => model.column(child, p.fromColumnId)).filter((c) => c && !c.nullable);
      if (!notNull.length) continue;
      const inKey = notNull.some((c) => child.primaryKey?.columnIds.includes(c!.id));
      const names = notNull.map((c) => c!.name);
      const command: Command = inKey
        ? { type: 'relationship.update', relationshipId: rel.id, changes: { ...(rel.onDelete === 'set null' && { onDelete: 'no action' }), ...(rel.onUpdate === 'set null' && { onUpdate: 'no action' }) } }
        : notNull.length === 1
          ? { type: 'column.update', tableId: child.id, columnId: notNull[0]!.id, changes: { nullable: true } }
          : { type: 'batch', commands: notNull.map((c) => ({ type: 'column.update' as const, tableId: child.id, columnId: c!.id, changes: { nullable: true } })) };
      out.push({
        target: relTarget(rel),
        key: `set-null-on-not-null:${rel.id}`,
        message: `${relationshipLabel(model, rel)} says ${actions.join(' and ')} SET NULL, but ${model.tableLabel(child)} (${names.join(', ')}) is NOT NULL`,
        fix: { title: inKey ? `Change ${actions.join(' and ')} to NO ACTION` : `Make ${child.name} (${names.join(', ')}) nullable`, command },
      });
    }
    return out;
  },
};

/** A cycle as `a -> b -> a`, following the edges' direction. */
function cycleText(model: ReviewModel, path: readonly Edge<Relationship>[]): string {
  const names = path.map((e) => model.tableLabel(model.table(e.from)!));
  return [...names, names[0]].join(' -> ');
}

const cascadeCycle: Rule = {
  id: 'cascade-cycle',
  title: 'Cycle of ON DELETE CASCADE relationships',
  category: 'integrity',
  defaultSeverity: 'warning',
  rationale:
    'When cascades form a cycle, deleting one row can delete rows all around the cycle, including rows of the table the delete started from; SQL Server refuses such schemas, PostgreSQL and MySQL run them.',
  suggestion: 'Break the cycle: make one of its relationships RESTRICT or SET NULL.',
  sources: ['drawDB issues "circular dependency"', 'SQL Server: "may cause cycles or multiple cascade paths" (error 1785)'],
  check: ({ model }) => {
    // Deleting a parent row deletes its children: the edge goes from parent to child.
    const edges: Edge<Relationship>[] = [];
    for (const { rel } of wholeRelationships(model)) if (rel.onDelete === 'cascade' && rel.fromTableId !== rel.toTableId) edges.push({ from: rel.toTableId, to: rel.fromTableId, data: rel });
    return cyclicComponents(edges).map((component) => {
      const path = cycleThrough(component[0], component, edges);
      return {
        target: relTarget(path[0].data),
        key: `cascade-cycle:${component.join(',')}`,
        message: `deleting a row can cascade around ${cycleText(model, path)}${component.length > path.length ? ` (the cycle joins ${component.length} tables)` : ''}: one delete may remove rows in every one of them`,
      };
    });
  },
};

const requiredReferenceCycle: Rule = {
  id: 'required-reference-cycle',
  title: 'Cycle of required foreign keys: no row can be inserted first',
  category: 'integrity',
  defaultSeverity: 'warning',
  rationale:
    'When NOT NULL foreign keys form a cycle, every row needs a row of the next table to exist already, so the first row of any of them cannot be inserted unless one constraint is deferred or checks are switched off.',
  suggestion: 'Make one foreign key of the cycle nullable, or deferrable (PostgreSQL) so the rows are inserted in one transaction.',
  fix: 'Makes one relationship of the cycle DEFERRABLE INITIALLY DEFERRED, where the target supports it.',
  sources: ['drawDB issues "circular dependency"', 'PostgreSQL: DEFERRABLE constraints'],
  check: ({ model }) => {
    const edges: Edge<Relationship>[] = [];
    for (const { rel, child } of wholeRelationships(model)) {
      if (!rel.enforced || (rel.deferrable && rel.deferrable !== 'not deferrable')) continue;
      if (rel.columnPairs.every((p) => model.column(child, p.fromColumnId)?.nullable === false)) edges.push({ from: rel.fromTableId, to: rel.toTableId, data: rel });
    }
    return cyclicComponents(edges).map((component) => {
      const path = cycleThrough(component[0], component, edges);
      const rel = path[0].data;
      return {
        target: relTarget(rel),
        key: `required-reference-cycle:${component.join(',')}`,
        message:
          path.length === 1
            ? `${relationshipLabel(model, rel)} is a required reference of ${model.tableLabel(model.table(rel.fromTableId)!)} to itself: its first row has nothing to reference`
            : `required foreign keys form the cycle ${cycleText(model, path)}: none of these tables can receive its first row`,
        ...(model.caps.deferrableConstraints && {
          fix: { title: `Make ${relationshipLabel(model, rel)} deferrable`, command: { type: 'relationship.update' as const, relationshipId: rel.id, changes: { deferrable: 'deferrable initially deferred' as const } } },
        }),
      };
    });
  },
};

const selfReferenceCascade: Rule = {
  id: 'self-reference-cascade',
  title: 'Self-referencing foreign key with ON DELETE CASCADE',
  category: 'integrity',
  defaultSeverity: 'info',
  rationale: 'Deleting one row of a tree deletes every row below it, at any depth: one statement can empty most of the table.',
  suggestion: 'Check that deleting a whole subtree is intended; RESTRICT or SET NULL keep the children.',
  sources: ['Azimutt analyze (relations review)', 'PostgreSQL / MySQL manuals: cascading actions recurse'],
  check: ({ model }) => {
    const out: RawFinding[] = [];
    for (const { rel, child } of wholeRelationships(model)) {
      if (rel.fromTableId !== rel.toTableId || rel.onDelete !== 'cascade') continue;
      out.push({
        target: relTarget(rel),
        key: `self-reference-cascade:${rel.id}`,
        message: `deleting a row of ${model.tableLabel(child)} deletes every row below it through ${model.columnList(child, rel.columnPairs.map((p) => p.fromColumnId))} (ON DELETE CASCADE), at any depth`,
      });
    }
    return out;
  },
};

const nullableCascade: Rule = {
  id: 'nullable-fk-cascade',
  title: 'Optional foreign key with ON DELETE CASCADE',
  category: 'integrity',
  defaultSeverity: 'info',
  rationale:
    'A nullable foreign key says the child can live without its parent, yet CASCADE deletes the child with it; SET NULL is often what was meant.',
  suggestion: 'Use ON DELETE SET NULL to keep the child rows, or make the foreign key NOT NULL if they belong to the parent.',
  fix: 'Changes ON DELETE to SET NULL.',
  sources: ['schemalint reference-actions', 'Azimutt analyze (relations review)'],
  check: ({ model }) => {
    const out: RawFinding[] = [];
    for (const { rel, child } of wholeRelationships(model)) {
      if (rel.onDelete !== 'cascade' || rel.fromTableId === rel.toTableId) continue;
      if (!rel.columnPairs.every((p) => model.column(child, p.fromColumnId)?.nullable === true)) continue;
      out.push({
        target: relTarget(rel),
        key: `nullable-fk-cascade:${rel.id}`,
        message: `${relationshipLabel(model, rel)} is optional (nullable) yet deletes ${model.tableLabel(child)} rows with their parent (ON DELETE CASCADE)`,
        fix: { title: 'Change ON DELETE to SET NULL', command: { type: 'relationship.update', relationshipId: rel.id, changes: { onDelete: 'set null' } } },
      });
    }
    return out;
  },
};

const duplicateRelationship: Rule = {
  id: 'duplicate-relationship',
  title: 'Duplicate relationship',
  category: 'integrity',
  defaultSeverity: 'warning',
  rationale: 'Two foreign keys over the same columns to the same parent columns check the same thing twice: every write pays for both, and the diagram draws the line twice.',
  suggestion: 'Remove one of them.',
  fix: 'Removes the second relationship.',
  sources: ['tbls lint duplicateRelations', 'drawDB issues "duplicate reference"'],
  check: ({ model }) => {
    const seen = new Map<string, Relationship>();
    const out: RawFinding[] = [];
    for (const { rel, child } of wholeRelationships(model)) {
      const pairs = rel.columnPairs.map((p) => `${p.fromColumnId}>${p.toColumnId}`).sort();
      const sig = JSON.stringify([rel.fromTableId, rel.toTableId, pairs]);
      const first = seen.get(sig);
      if (!first) {
        seen.set(sig, rel);
        continue;
      }
      out.push({
        target: relTarget(rel),
        key: `duplicate-relationship:${rel.id}`,
        message: `${relationshipLabel(model, rel)} repeats ${first.name ? `foreign key ${first.name}` : 'another relationship'} of ${model.tableLabel(child)} over the same columns`,
        fix: { title: 'Remove the duplicate relationship', command: { type: 'relationship.remove', relationshipId: rel.id } },
      });
    }
    return out;
  },
};

/** Framework bookkeeping tables, unrelated by design. */
const BOOKKEEPING = /^(schema_migrations|ar_internal_metadata|_prisma_migrations|knex_migrations(_lock)?|flyway_schema_history|django_migrations|databasechangelog(lock)?|goose_db_version|__efmigrationshistory|migrations)$/i;

const unrelatedTable: Rule = {
  id: 'unrelated-table',
  title: 'Table related to nothing',
  category: 'integrity',
  defaultSeverity: 'info',
  rationale: 'A table with no relationship in a schema that has them is often a missing foreign key, or a leftover; either way a reader cannot place it.',
  suggestion: 'Draw its relationships, or note why it stands alone (a log, a queue, a cache).',
  sources: ['tbls lint unrelatedTable', 'SchemaSpy anomalies "tables without relationships"'],
  check: ({ model }) => {
    if (!model.relationships.length) return [];
    return model.tables
      .filter((t) => !model.relsFrom(t.id).length && !model.relsTo(t.id).length && !BOOKKEEPING.test(t.name))
      .map((t) => ({
        target: { kind: 'table' as const, tableId: t.id },
        key: `unrelated-table:${t.id}`,
        message: `${model.tableLabel(t)} is related to no other table`,
      }));
  },
};

export const integrityRules: Rule[] = [
  noPrimaryKey, fkTypeMismatch, fkToNonUniqueParent, oneToOneNotUnique, setNullOnNotNull, cascadeCycle, requiredReferenceCycle,
  selfReferenceCascade, nullableCascade, duplicateRelationship, unrelatedTable,
];
