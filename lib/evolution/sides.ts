/**
 * One version of the document as the DDL generator writes it (lib/ddl runDdl): its statements and
 * CREATE TABLE clauses by the document path they create, the names it decided (derived index and
 * constraint names included), and which statements the target would reject. The planner writes new
 * objects from the newer side's statements, so a migration creates them exactly as generateDdl does,
 * and drops and renames old ones by the older side's names.
 */
import { commentOutRejected } from '../ddl/commented-statements';
import type { DdlContext } from '../ddl/context';
import { runDdl } from '../ddl/generate-ddl';
import type { PlannedClause, PlannedStatement, PlannedTable } from '../ddl/planned-statement';
import type { Diagnostic } from '../model/diagnostics';
import type { Dialect, SchemaDocument, Table } from '../model/document';
import type { MigrationOptions } from './types';

export interface Side {
  doc: SchemaDocument;
  ctx: DdlContext;
  valid: boolean;
  /** Statements that create an element, by its path (`tables.<id>`, `tables.<id>.indexes.<i>`, `views.<id>`...). */
  byPath: Map<string, PlannedStatement>;
  /** Statements without an element of their own (COMMENT ON ...), by the one path they need. */
  attached: Map<string, PlannedStatement[]>;
  /** CREATE TABLE constraint clauses by path (`tables.<id>.uniques.<i>`, `relationships.<id>`...). */
  clauses: Map<string, { clause: PlannedClause; table: PlannedTable }>;
  /** Why the target rejects a statement, by its SQL (whole statements, and `ALTER TABLE .. ADD <clause>`). */
  rejected: Map<string, Diagnostic[]>;
  /** Check constraint id -> the name written (derived ones included). */
  checkNames: Map<string, string>;
  /** Position of each statement in the generator's order (dependency order). */
  order: Map<PlannedStatement, number>;
}

const CONSTRAINT_NAME = /^CONSTRAINT ("(?:[^"]|"")*"|`(?:[^`]|``)*`) /;

function unquote(q: string): string {
  const c = q[0];
  return q.slice(1, -1).split(c + c).join(c);
}

export function sideOf(doc: SchemaDocument, dialect: Dialect, options: MigrationOptions): Side {
  const run = runDdl(doc, dialect, { target: options.target, schemaQualified: options.schemaQualified });
  const side: Side = { doc, ctx: run.ctx, valid: run.valid, byPath: new Map(), attached: new Map(), clauses: new Map(), rejected: new Map(), checkNames: new Map(), order: new Map() };
  run.planned.forEach((p, i) => {
    if (typeof p === 'string') return;
    side.order.set(p, i);
    if (p.path !== undefined) side.byPath.set(p.path, p);
    else if (p.needs?.length === 1) {
      const list = side.attached.get(p.needs[0]);
      if (list) list.push(p);
      else side.attached.set(p.needs[0], [p]);
    }
    for (const clause of p.table?.clauses ?? []) {
      if (clause.path === undefined) continue;
      side.clauses.set(clause.path, { clause, table: p.table! });
      const m = /^tables\.([^.]+)\.checks\.(\d+)$/.exec(clause.path);
      const name = CONSTRAINT_NAME.exec(clause.sql);
      if (m && name) {
        const check = doc.tables[m[1]]?.checks[Number(m[2])];
        if (check) side.checkNames.set(check.id, unquote(name[1]));
      }
    }
  });
  if (run.valid) {
    for (const c of commentOutRejected(run.ctx, run.planned, run.lateAt).commented) side.rejected.set(c.sql, c.diagnostics);
  }
  return side;
}

/** The path of a table's element in this side's document (`tables.<id>.indexes.<i>`), or undefined. */
export function elementPath(side: Side, tableId: string, collection: 'uniques' | 'checks' | 'indexes' | 'columns', id: string): string | undefined {
  const t = side.doc.tables[tableId];
  const i = t ? (t[collection] as { id: string }[]).findIndex((x) => x.id === id) : -1;
  return i < 0 ? undefined : `tables.${tableId}.${collection}.${i}`;
}

export function tableOf(side: Side, tableId: string): Table | undefined {
  return side.doc.tables[tableId];
}
