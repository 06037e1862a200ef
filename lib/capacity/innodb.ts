/**
 * InnoDB arithmetic (DYNAMIC row format): clustered records (header, null bitmap, variable-length
 * bytes, transaction id and roll pointer, the row id when there is no primary key), overflow pages for
 * long TEXT/BLOB values, secondary index records carrying the primary key, and B-tree pages filled
 * per the sorted build's reserve. Everything reads ClusteredLayout (lib/dialects/storage.ts).
 */
import type { ClusteredLayout } from '../dialects/storage';
import type { SizedColumn } from './columns';
import type { RowBreakdown } from './heap';

/** Null bitmap + variable-length header bytes of a record with these fields. */
function recordExtras(cols: SizedColumn[], lengths: number[]): { nullBitmap: number; lengthBytes: number } {
  let nullable = 0;
  let lengthBytes = 0;
  for (let i = 0; i < cols.length; i++) {
    const c = cols[i];
    if (c.nullable) nullable++;
    if (c.storage.kind === 'variable') {
      // 1 byte when the column can hold at most 255 bytes or the value is under 128 bytes, else 2.
      const max = c.storage.maxBytes ?? Infinity;
      lengthBytes += max <= 255 || lengths[i] < 128 ? 1 : 2;
    }
  }
  return { nullBitmap: Math.ceil(nullable / 8), lengthBytes };
}

export interface ClusteredRow extends RowBreakdown {
  inlineLengths: number[];
  overflowPagesPerRow: number;
}

/** A clustered index record of the table's columns; `hasPrimaryKey` false adds DB_ROW_ID. */
export function clusteredRow(layout: ClusteredLayout, cols: SizedColumn[], hasPrimaryKey: boolean): ClusteredRow {
  const lengths = cols.map((c) => c.avgBytes);
  const fixedHeader = layout.recordHeaderBytes + layout.trxIdBytes + layout.rollPtrBytes + (hasPrimaryKey ? 0 : layout.rowIdBytes);
  const size = () => {
    const e = recordExtras(cols, lengths);
    return { ...e, data: lengths.reduce((a, b) => a + b, 0), total: fixedHeader + e.nullBitmap + e.lengthBytes + lengths.reduce((a, b) => a + b, 0) };
  };
  let s = size();
  let outOfLine = 0;
  let overflowPages = 0;
  // DYNAMIC: while the record is too long for half a page, the longest LOB value goes to overflow pages.
  for (let guard = 0; s.total > layout.offPage.recordMaxBytes && guard < cols.length; guard++) {
    let largest = -1;
    for (let i = 0; i < cols.length; i++) {
      if (cols[i].storage.kind === 'variable' && lengths[i] > layout.offPage.pointerBytes && (largest < 0 || lengths[i] > lengths[largest])) largest = i;
    }
    if (largest < 0) break;
    outOfLine += lengths[largest];
    overflowPages += Math.ceil(lengths[largest] / (layout.pageBytes - 46));
    lengths[largest] = layout.offPage.pointerBytes;
    s = size();
  }
  const slot = layout.directorySlotBytes / layout.recordsPerDirectorySlot;
  return {
    headerBytes: fixedHeader,
    nullBitmapBytes: s.nullBitmap,
    dataBytes: s.data,
    lengthHeaderBytes: s.lengthBytes,
    paddingBytes: 0,
    slotBytes: slot,
    outOfLineBytes: outOfLine,
    totalBytes: s.total + slot,
    inlineLengths: lengths,
    overflowPagesPerRow: overflowPages,
  };
}

/** Pages a segment holding `used` pages has allocated (whole extents past the first fragment pages). */
export function segmentPages(layout: ClusteredLayout, used: number): number {
  const s = layout.segments;
  if (used <= s.fragmentPages) return used;
  let reserved = s.fragmentPages + Math.ceil((used - s.fragmentPages) / s.extentPages) * s.extentPages;
  // Checked when the last page is taken, i.e. with `used - 1` pages in use.
  while (reserved - (used - 1) < reserved / s.reserveFactor) reserved += s.extentPages;
  return reserved;
}

/** Pages of a B-tree whose leaf records take `leafRecord` bytes and node pointers `nodeRecord` bytes. */
/** `overflowPages`: off-page LOB pages, allocated from the leaf segment. */
export function innodbTreePages(layout: ClusteredLayout, leafRecord: number, nodeRecord: number, rows: number, clustered: boolean, overflowPages = 0): { pages: number; leafPages: number } {
  if (rows <= 0) return { pages: 1, leafPages: 0 };
  const usable = layout.pageBytes - layout.pageOverheadBytes - (clustered ? layout.reservedBytes.clustered : layout.reservedBytes.secondary);
  const slot = layout.directorySlotBytes / layout.recordsPerDirectorySlot;
  const perLeaf = Math.max(2, Math.floor(usable / (leafRecord + slot)));
  const leafPages = Math.ceil(rows / perLeaf);
  const perNode = Math.max(2, Math.floor(usable / (nodeRecord + slot)));
  let nonLeaf = 0;
  let level = leafPages;
  while (level > 1) {
    level = Math.ceil(level / perNode);
    nonLeaf += level;
  }
  // The root is a leaf until the first split; then the leaf and non-leaf segments allocate apart.
  const pages = nonLeaf === 0 ? segmentPages(layout, leafPages + overflowPages) : segmentPages(layout, leafPages + overflowPages) + segmentPages(layout, nonLeaf);
  return { pages, leafPages };
}

/** Bytes of a secondary (or node pointer) record holding these fields. */
export function innodbRecordBytes(layout: ClusteredLayout, cols: SizedColumn[], lengths: number[], extra = 0): number {
  const e = recordExtras(cols, lengths);
  return layout.recordHeaderBytes + e.nullBitmap + e.lengthBytes + lengths.reduce((a, b) => a + b, 0) + extra;
}
