/** The DROP statements of the dropFirst option. */
import type { Table } from '../model/document';
import type { DdlContext } from './context';

/** DROP ... IF EXISTS for everything this DDL creates, views first, tables in reverse creation order. */
export function dropStatements(ctx: DdlContext, tablesInCreationOrder: Table[], hasCycles: boolean): string[] {
  const out: string[] = [];
  // PostgreSQL CASCADE removes foreign keys of tables in a cycle; MySQL needs the checks switched off.
  const cascade = ctx.caps.dropCascade ? ' CASCADE' : '';
  const checks = ctx.spec.foreignKeyChecks;
  const checksOff = !ctx.caps.dropCascade && hasCycles && checks !== undefined;
  if (checksOff) out.push(checks.off);
  for (const v of Object.values(ctx.doc.views).reverse()) {
    if (!ctx.mayWriteView(v)) continue;
    out.push(`DROP ${v.materialized && ctx.caps.materializedViews ? 'MATERIALIZED VIEW' : 'VIEW'} IF EXISTS ${ctx.qualified(v)}${cascade}`);
  }
  for (const t of [...tablesInCreationOrder].reverse()) out.push(`DROP TABLE IF EXISTS ${ctx.qualified(t)}${cascade}`);
  if (checksOff) out.push(checks.on);
  // Owned sequences went with their tables; IF EXISTS covers them. Extensions stay (IF NOT EXISTS re-runs).
  if (ctx.caps.sequences !== 'none') for (const s of Object.values(ctx.doc.sequences).reverse()) out.push(`DROP SEQUENCE IF EXISTS ${ctx.qualified(s)}${cascade}`);
  if (ctx.caps.domains) for (const d of Object.values(ctx.doc.domains).reverse()) out.push(`DROP DOMAIN IF EXISTS ${ctx.qualified(d)}${cascade}`);
  if (ctx.caps.enumStrategy === 'create-type') for (const e of Object.values(ctx.doc.enums).reverse()) out.push(`DROP TYPE IF EXISTS ${ctx.qualified(e)}${cascade}`);
  return out;
}
