/**
 * Workload (issue 15): indexes that no declared query pattern and no foreign key uses. Only when the
 * project declares query patterns with SQL (otherwise nothing is known about the reads). The review is
 * pure and synchronous, so it judges with the leftmost-prefix rules (lib/workload/mysql-verdict.ts)
 * for either dialect; the PostgreSQL planner's verdicts (POST /api/advise) are the precise answer.
 */
import { SQL_LEXERS } from '../../sql-lexer';
import { mysqlAdvice } from '../../workload/mysql-verdict';
import { unusedIndexes } from '../../workload/unused-indexes';
import type { RawFinding, Rule } from '../types';

const unusedIndex: Rule = {
  id: 'index-unused-by-patterns',
  title: 'Index used by no query pattern',
  category: 'indexing',
  defaultSeverity: 'info',
  rationale: 'Every index slows every write to its table and takes space and cache; one that no declared query reads and no foreign key needs is paid for without a return.',
  suggestion: 'Declare the query that needs it (Design doc, Query patterns), or drop the index.',
  fix: 'Removes the index.',
  sources: ['pganalyze Index Advisor: unused indexes', 'pg_stat_user_indexes.idx_scan = 0'],
  check: (ctx) => {
    const { doc } = ctx;
    if (!doc.design.queryPatterns.some((p) => p.sql?.trim())) return [];
    const advice = mysqlAdvice(doc, SQL_LEXERS[ctx.dialect]);
    const out: RawFinding[] = [];
    for (const u of unusedIndexes(doc, advice)) {
      const table = doc.tables[u.tableId];
      out.push({
        target: { kind: 'index', tableId: u.tableId, indexId: u.indexId },
        key: `index-unused-by-patterns:${u.tableId}:${u.indexId}`,
        message: `${ctx.model.tableLabel(table)}: index ${u.name} is used by none of the ${doc.design.queryPatterns.length} declared query patterns and by no foreign key`,
        fix: { title: `Drop index ${u.name}`, command: { type: 'index.remove', tableId: u.tableId, indexId: u.indexId } },
      });
    }
    return out;
  },
};

export const workloadRules: Rule[] = [unusedIndex];
