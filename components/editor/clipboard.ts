/**
 * Copied tables, kept in localStorage so a paste works in another tab or another project. What
 * comes back is validated with the document's own zod schemas (it crossed a boundary).
 */
import { z } from 'zod';
import { DOCUMENT_VERSION, relationshipSchema, sequenceSchema, tableSchema, type Relationship, type SchemaDocument, type Sequence, type Table } from '@/lib/model/document';
import { upgradeTableRecords } from '@/lib/model/migrate';

const KEY = 'draftbase-clipboard';
const clipSchema = z.object({
  /** The document version the tables were copied from (absent: version 1, before clips carried it). */
  version: z.number().int().optional(),
  tables: z.array(tableSchema).min(1),
  relationships: z.array(relationshipSchema),
  positions: z.record(z.string(), z.object({ x: z.number().finite(), y: z.number().finite() })),
  /** The sequences the copied columns draw from (serial columns' own among them); absent before version 3. */
  sequences: z.array(sequenceSchema).optional(),
});
export type TableClip = z.infer<typeof clipSchema>;

let memory: TableClip | undefined;

/** The given tables, the relationships among them, and where they were. */
export function copyTables(doc: SchemaDocument, tableIds: readonly string[]): TableClip | undefined {
  const ids = new Set(tableIds);
  const tables = tableIds.map((id) => doc.tables[id]).filter((t): t is Table => !!t);
  if (!tables.length) return undefined;
  const relationships: Relationship[] = Object.values(doc.relationships).filter((r) => ids.has(r.fromTableId) && ids.has(r.toTableId));
  const positions: TableClip['positions'] = {};
  for (const t of tables) {
    const p = doc.layout.tables[t.id];
    if (p) positions[t.id] = { x: p.x, y: p.y };
  }
  const sequences: Sequence[] = [];
  for (const t of tables) {
    for (const c of t.columns) {
      const q = c.default.kind === 'sequence' ? doc.sequences[c.default.sequenceId] : undefined;
      if (q && !sequences.includes(q)) sequences.push(q);
    }
  }
  memory = { version: DOCUMENT_VERSION, tables, relationships, positions, sequences };
  try {
    localStorage.setItem(KEY, JSON.stringify(memory));
  } catch {
    // too big or storage disabled: this tab still has it in memory
  }
  return memory;
}

export function readClip(): TableClip | undefined {
  try {
    const raw = localStorage.getItem(KEY);
    if (raw) {
      const parsed = clipSchema.safeParse(upgradeClip(JSON.parse(raw)));
      if (parsed.success) return parsed.data;
    }
  } catch {
    // unreadable: fall back to this tab's copy
  }
  return memory;
}

/** A clip written by an older build: its tables go through the document upgrade steps first. */
function upgradeClip(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object' || !Array.isArray((raw as { tables?: unknown }).tables)) return raw;
  const clip = raw as { version?: unknown; tables: unknown[] };
  const version = typeof clip.version === 'number' ? clip.version : 1;
  if (version === DOCUMENT_VERSION) return raw;
  const tables = upgradeTableRecords(clip.tables, version);
  return tables ? { ...clip, version: DOCUMENT_VERSION, tables } : undefined;
}
