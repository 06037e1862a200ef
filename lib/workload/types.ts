/**
 * The workload contract shared by the capacity plan (lib/capacity), the query-pattern advisor
 * (lib/server/advisor, lib/workload) and the design document: what a table's declared volumes say,
 * resolved to numbers with the assumption behind each one.
 */
import type { SchemaDocument, TableVolume } from '../model/document';

export interface ResolvedVolume {
  tableId: string;
  /** Rows today; `undefined` when nothing was declared. */
  rowsNow: number | undefined;
  /** Rows at 5 years (declared, or rows + 60 x growth, capped by retention); `undefined` when unknown. */
  rowsIn5y: number | undefined;
  growthPerMonth: number | undefined;
  retentionMonths: number | undefined;
  /** Average byte length per variable-length column id, as declared (defaults are the reader's business). */
  avgLength: Record<string, number>;
  /** True when the table declares at least a row count. */
  declared: boolean;
}

export type VolumesByTable = Record<string, ResolvedVolume>;

export const MONTHS_IN_5_YEARS = 60;

/** Rows at 5 years from what a table declares: `rowsIn5y` when given, else rows + 60 x growth, with
 * retention capping the growth to `retentionMonths` x growth (rows older than that are gone). */
export function rowsIn5yOf(v: TableVolume | undefined): number | undefined {
  if (!v) return undefined;
  if (v.rowsIn5y !== undefined) return v.rowsIn5y;
  if (v.rows === undefined && v.growthPerMonth === undefined) return undefined;
  const growth = v.growthPerMonth ?? 0;
  if (v.retentionMonths !== undefined && growth > 0) {
    const kept = Math.round(growth * Math.min(v.retentionMonths, MONTHS_IN_5_YEARS));
    // A table under retention holds at most `retention` months of rows, plus what it holds now if it
    // is not growing past it.
    return Math.max(kept, Math.min(v.rows ?? 0, kept));
  }
  return Math.round((v.rows ?? 0) + MONTHS_IN_5_YEARS * growth);
}

export function resolveVolume(tableId: string, v: TableVolume | undefined): ResolvedVolume {
  return {
    tableId,
    rowsNow: v?.rows,
    rowsIn5y: rowsIn5yOf(v),
    growthPerMonth: v?.growthPerMonth,
    retentionMonths: v?.retentionMonths,
    avgLength: { ...(v?.avgLength ?? {}) },
    declared: v?.rows !== undefined,
  };
}

/** Every table's volumes, resolved; tables with nothing declared are present with `declared: false`. */
export function volumesOf(doc: SchemaDocument): VolumesByTable {
  const out: VolumesByTable = {};
  for (const t of Object.values(doc.tables)) out[t.id] = resolveVolume(t.id, t.volume);
  return out;
}
