/**
 * The headings of DATABASE_DESIGN.template.md (../shared/design), in order, at their levels. The
 * export writes exactly these (text and level); `key` names the narrative section a heading holds.
 * Headings without a key only group their subsections.
 */
import type { NarrativeSectionKey } from '../model/document';

export interface TemplateHeading {
  level: 1 | 2 | 3 | 4;
  text: string;
  key?: NarrativeSectionKey;
}

export const TEMPLATE_HEADINGS: readonly TemplateHeading[] = [
  { level: 1, text: 'Database Design Document' },
  { level: 2, text: 'Executive Summary', key: 'executiveSummary' },
  { level: 2, text: 'Data Architecture' },
  { level: 3, text: 'Conceptual Model', key: 'conceptualModel' },
  { level: 3, text: 'Logical Design', key: 'logicalDesign' },
  { level: 3, text: 'Physical Implementation' },
  { level: 4, text: 'Schema Design', key: 'schemaDesign' },
  { level: 4, text: 'Index Strategy', key: 'indexStrategy' },
  { level: 4, text: 'Partitioning Strategy', key: 'partitioning' },
  { level: 2, text: 'Performance Optimization' },
  { level: 3, text: 'Query Patterns', key: 'queryPatterns' },
  { level: 3, text: 'Caching Strategy', key: 'caching' },
  { level: 3, text: 'Connection Management', key: 'connectionManagement' },
  { level: 2, text: 'Data Migration' },
  { level: 3, text: 'Migration Strategy', key: 'migrationStrategy' },
  { level: 3, text: 'Data Integrity', key: 'dataIntegrity' },
  { level: 2, text: 'Operational Concerns' },
  { level: 3, text: 'Backup & Recovery', key: 'backupRecovery' },
  { level: 3, text: 'Monitoring & Maintenance', key: 'monitoring' },
  { level: 3, text: 'Security', key: 'security' },
  { level: 2, text: 'Scalability Plan' },
  { level: 3, text: 'Horizontal Scaling', key: 'horizontalScaling' },
  { level: 3, text: 'Vertical Scaling', key: 'verticalScaling' },
];

/** The heading line as written in the document (template headings hold no Markdown metacharacters). */
export function headingLine(h: TemplateHeading): string {
  return `${'#'.repeat(h.level)} ${h.text}`;
}

/** Section titles for the UI, per narrative key. */
export const SECTION_TITLES = Object.fromEntries(
  TEMPLATE_HEADINGS.filter((h) => h.key).map((h) => [h.key, h.text]),
) as Record<NarrativeSectionKey, string>;

/** What an empty narrative section says in the export. */
export const NOT_YET_DECIDED = 'Not yet decided.';
