/**
 * `CREATE EXTENSION IF NOT EXISTS` for each extension the document declares (first in the script,
 * after the schemas they may go in), and an info diagnostic for each extension the document uses but
 * does not declare (extension-needs.ts). Only declared ones are written: a dump's regenerated DDL is
 * the dump's, and the diagnostic names the fix.
 */
import type { DdlContext } from './context';
import type { PlannedStatement } from './planned-statement';
import { schemaNeeds } from './statement-needs';
import { extensionsNeeded, extensionNote } from './extension-needs';

/** CREATE EXTENSION for each declared extension, or (no extensions on the target) one diagnostic each. */
export function extensionStatements(ctx: DdlContext): PlannedStatement[] {
  const out: PlannedStatement[] = [];
  for (const x of Object.values(ctx.doc.extensions)) {
    const path = `extensions.${x.id}`;
    if (!ctx.caps.extensions) {
      const note = extensionNote(x.name, ctx.dialect);
      if (note) ctx.diag('info', `${ctx.dialect}.extension-built-in`, `extension "${x.name}": ${ctx.spec.label} has no extensions, and needs none here: ${note}`, x.id, path);
      else ctx.diag('warning', `${ctx.dialect}.extension-dropped`, `extension "${x.name}" has no ${ctx.spec.label} equivalent: left out (what uses it will not work there)`, x.id, path);
      continue;
    }
    const schema = ctx.schemaOf(x.schemaId);
    let sql = `CREATE EXTENSION IF NOT EXISTS ${ctx.q(x.name)}`;
    if (schema) sql += ` WITH SCHEMA ${ctx.q(schema)}`;
    if (x.version) sql += ` VERSION ${ctx.str(x.version)}`;
    out.push({ sql, path, needs: schemaNeeds(ctx, x.schemaId) });
    if (x.comment !== undefined) out.push({ sql: `COMMENT ON EXTENSION ${ctx.q(x.name)} IS ${ctx.str(x.comment)}`, needs: [path] });
  }
  return out;
}

/** One info diagnostic per extension used but not declared (targets with extensions only). */
export function missingExtensionDiagnostics(ctx: DdlContext): void {
  if (!ctx.caps.extensions) return;
  for (const [name, uses] of extensionsNeeded(ctx.doc)) {
    const shown = uses.slice(0, 3).map((u) => u.what).join('; ');
    const more = uses.length > 3 ? ` and ${uses.length - 3} more` : '';
    ctx.diag('info', 'extension.missing', `${shown}${more} needs the extension "${name}", which the document does not declare: add it to the document's extensions (or run CREATE EXTENSION IF NOT EXISTS ${ctx.q(name)} first)`, uses[0].entityId, uses[0].path);
  }
}
