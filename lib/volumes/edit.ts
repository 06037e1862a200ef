/**
 * One edited volume figure -> the table's next volume (what `table.setVolume` receives), and the
 * variable-length columns whose average length a table may declare, with the default the inspector
 * shows as a placeholder. Pure; shared by the inspector and the Workload grid.
 */
import type { Column, Domain, ScalarType, Table, TableVolume } from '../model/document';

/** The document's domains (a column typed by a domain stores its base type). */
type Domains = Readonly<Record<string, Domain>>;
import { fieldValue, parseCount, WORKLOAD_FIELD_LABEL, type WorkloadField } from './paste';

/**
 * The volume with `field` set from the typed `text` ("250000", "1.5M", "20k"; empty clears it), or an
 * error message for the field to show. Counts are rounded to whole rows and months.
 */
export function volumeWithField(volume: TableVolume | undefined, field: WorkloadField, text: string): { volume: TableVolume } | { error: string } {
  const n = parseCount(text);
  if (n === undefined) return { error: `${WORKLOAD_FIELD_LABEL[field]}: enter a number, e.g. 250000, 250,000 or 1.5M` };
  const next: TableVolume = { ...(volume ?? {}) };
  if (n === null) {
    delete next[field];
    return { volume: next };
  }
  const v = fieldValue(field, n);
  if (typeof v === 'string') return { error: `${WORKLOAD_FIELD_LABEL[field]} ${v}` };
  next[field] = v;
  return { volume: next };
}

/** The volume with the average length of `columnId` set (bytes; empty clears it), or an error. */
export function volumeWithAvgLength(volume: TableVolume | undefined, columnId: string, text: string): { volume: TableVolume } | { error: string } {
  const n = parseCount(text);
  if (n === undefined) return { error: 'Average length: enter a number of bytes' };
  const avgLength = { ...(volume?.avgLength ?? {}) };
  if (n === null) delete avgLength[columnId];
  else if (n > 1e9) return { error: 'Average length: at most 1,000,000,000 bytes' };
  else avgLength[columnId] = Math.round(n);
  const next: TableVolume = { ...(volume ?? {}), avgLength };
  if (Object.keys(avgLength).length === 0) delete next.avgLength;
  return { volume: next };
}

/** The scalar type a column stores (a domain's base type); undefined for enums (fixed size). */
function scalarOf(domains: Domains, column: Column): ScalarType | undefined {
  if (column.type.kind === 'scalar') return column.type;
  if (column.type.kind === 'domain') return domains[column.type.domainId]?.type;
  return undefined;
}

/**
 * The default average stored length in bytes of a variable-length column, undefined for fixed-size
 * types. A starting assumption the architect overrides: short strings well under their limit
 * (half the declared length, at most 32, PostgreSQL's planner's own default width), documents and
 * binary data longer. Arrays of anything are variable-length (four elements assumed).
 */
export function defaultAvgLength(domains: Domains, column: Column): number | undefined {
  const type = scalarOf(domains, column);
  const arrayed = (column.arrayDims ?? 0) > 0;
  if (!type) return arrayed ? 16 : undefined;
  const base = ((): number | undefined => {
    switch (type.name) {
      case 'varchar': return type.length ? Math.max(1, Math.min(32, Math.ceil(type.length / 2))) : 32;
      case 'text': return 32;
      case 'json': case 'jsonb': return 128;
      case 'xml': return 256;
      case 'varbinary': return type.length ? Math.max(1, Math.min(64, Math.ceil(type.length / 2))) : 64;
      case 'blob': return 1024;
      case 'varbit': return type.length ? Math.ceil(type.length / 16) : 8;
      case 'tsvector': return 128;
      case 'geometry': return 64;
      default: return undefined;
    }
  })();
  if (arrayed) return (base ?? 8) * 4;
  return base;
}

/** The table's variable-length columns with their default average length, in column order. */
export function variableLengthColumns(domains: Domains, table: Table): { column: Column; defaultLength: number }[] {
  const out: { column: Column; defaultLength: number }[] = [];
  for (const column of table.columns) {
    if (column.generated && !column.generated.stored) continue; // virtual: not stored
    const d = defaultAvgLength(domains, column);
    if (d !== undefined) out.push({ column, defaultLength: d });
  }
  return out;
}
