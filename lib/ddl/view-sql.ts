/** CREATE [MATERIALIZED] VIEW for the views written in this dialect, each after the views it reads. */
import { dialectSpec } from '../dialects/dialects';
import type { DdlContext } from './context';
import { viewOrder } from './order';
import { trimStatement } from './sql-text';
import type { PlannedStatement } from './planned-statement';
import { relationsByName, viewNeeds } from './statement-needs';
import { viewBodyFor } from './translate-sql';
import { sqlCommentLines } from './sql-comments';

export function viewStatements(ctx: DdlContext): PlannedStatement[] {
  const out: PlannedStatement[] = [];
  const views = viewOrder(ctx.doc);
  const relations = views.length ? relationsByName(ctx) : new Map<string, string[]>();
  for (const v of views) {
    const path = `views.${v.id}`;
    let body = v.sql;
    if (v.dialect !== ctx.dialect) {
      // Translated when the parsers are loaded and every part of it has a translation (translate-sql.ts).
      const t = viewBodyFor(ctx, v);
      if (!t.ok) {
        ctx.skippedViews.add(v.id);
        ctx.diag('warning', 'view.dialect-mismatch', `view "${v.name}" is written in ${dialectSpec(v.dialect).label} SQL and cannot be translated (${t.reason}): skipped for ${ctx.spec.label} (rewrite it, or keep one per dialect)`, v.id, path);
        continue;
      }
      body = t.text;
    }
    let materialized = v.materialized;
    if (materialized && !ctx.caps.materializedViews) {
      ctx.diag('warning', `${ctx.dialect}.materialized-view`, `view "${v.name}": ${ctx.spec.label} has no materialized views: created as a plain view`, v.id, path);
      materialized = false;
    }
    const kind = materialized ? 'MATERIALIZED VIEW' : 'VIEW';
    out.push({ sql: `CREATE ${kind} ${ctx.qualified(v)} AS\n${trimStatement(body)}`, path, needs: viewNeeds(ctx, v, relations) });
    if (v.comment) {
      if (ctx.caps.commentStyle === 'comment-on') out.push({ sql: `COMMENT ON ${kind} ${ctx.qualified(v)} IS ${ctx.str(v.comment)}`, needs: [path] });
      else if (ctx.caps.commentStyle === 'sql-comment') out[out.length - 1].sql = `${sqlCommentLines(ctx, v.comment)}\n${out[out.length - 1].sql}`;
      else ctx.diag('info', `${ctx.dialect}.comment-dropped`, `view "${v.name}": ${ctx.spec.label} views have no comments: comment left out`, v.id, path);
    }
  }
  return out;
}
