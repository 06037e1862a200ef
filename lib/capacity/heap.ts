/**
 * PostgreSQL arithmetic: a tuple's bytes (header, null bitmap, alignment padding, varlena headers,
 * TOAST past the threshold), heap pages, and B-tree pages (leaf fill factor, posting lists for
 * duplicates, internal levels). Everything reads HeapLayout (lib/dialects/storage.ts).
 */
import type { HeapLayout } from '../dialects/storage';
import type { SizedColumn } from './columns';

export interface RowBreakdown {
  /** Tuple or record header bytes (PostgreSQL: 23 + null bitmap, MAXALIGNed; InnoDB: 5 + null bitmap + lengths + transaction fields). */
  headerBytes: number;
  nullBitmapBytes: number;
  /** Column data as stored inline (out-of-line values count their pointer). */
  dataBytes: number;
  /** Length headers of variable-length values. */
  lengthHeaderBytes: number;
  /** Alignment padding between columns and at the end of the tuple. */
  paddingBytes: number;
  /** Line pointer / page directory share per row. */
  slotBytes: number;
  /** Bytes stored out of line per row (TOAST table, InnoDB overflow pages). */
  outOfLineBytes: number;
  /** The row's inline size on its page, including the slot: header + data + padding + slot. */
  totalBytes: number;
}

const alignUp = (n: number, a: number) => (a <= 1 ? n : Math.ceil(n / a) * a);

/** One value's footprint at `offset`: [padding, header, data, alignment]. */
function valueBytes(layout: HeapLayout, c: SizedColumn, bytes: number): { header: number; align: number } {
  if (c.storage.kind === 'fixed') return { header: 0, align: c.storage.align };
  // Short (1-byte header) varlenas need no alignment; long ones align like the type.
  return bytes <= layout.varlena.shortMaxBytes ? { header: layout.varlena.shortHeaderBytes, align: 1 } : { header: layout.varlena.longHeaderBytes, align: c.storage.align };
}

/** Lays out values from `start`; returns the end offset, padding and header bytes. */
function layoutValues(layout: HeapLayout, cols: SizedColumn[], lengths: number[], start: number) {
  let off = start;
  let padding = 0;
  let headers = 0;
  let data = 0;
  for (let i = 0; i < cols.length; i++) {
    const { header, align } = valueBytes(layout, cols[i], lengths[i]);
    const aligned = alignUp(off, align);
    padding += aligned - off;
    off = aligned + header + lengths[i];
    headers += header;
    data += lengths[i];
  }
  return { end: off, padding, headers, data };
}

export interface HeapRow extends RowBreakdown {
  /** Per-column inline lengths after TOAST (for index sizing and column-order advice). */
  inlineLengths: number[];
  toastPagesPerRow: number;
}

/**
 * A heap tuple of these columns with every value present: PostgreSQL writes a null bitmap only into
 * tuples that hold a NULL, so none is counted (a row with NULLs trades its values for the bitmap).
 */
export function heapRow(layout: HeapLayout, cols: SizedColumn[]): HeapRow {
  const nullBitmapBytes = 0;
  const hoff = alignUp(layout.tupleHeaderBytes + nullBitmapBytes, layout.maxAlign);
  const lengths = cols.map((c) => c.avgBytes);
  let outOfLine = 0;
  let toastChunks = 0;
  let v = layoutValues(layout, cols, lengths, hoff);
  // TOAST: while the tuple is past the threshold, the largest inline value is compressed (assumed
  // ratio) and moved out of line, leaving a pointer.
  const t = layout.toast;
  for (let guard = 0; v.end > t.thresholdBytes && guard < cols.length; guard++) {
    let largest = -1;
    for (let i = 0; i < cols.length; i++) {
      if (cols[i].storage.kind === 'variable' && lengths[i] > t.pointerBytes && (largest < 0 || lengths[i] > lengths[largest])) largest = i;
    }
    if (largest < 0) break;
    const stored = Math.ceil(lengths[largest] * t.compressionRatio);
    outOfLine += stored;
    toastChunks += Math.ceil(stored / t.chunkBytes);
    lengths[largest] = t.pointerBytes - layout.varlena.shortHeaderBytes;
    v = layoutValues(layout, cols, lengths, hoff);
  }
  const tuple = alignUp(v.end, layout.maxAlign);
  const padding = v.padding + (tuple - v.end) + (hoff - layout.tupleHeaderBytes - nullBitmapBytes);
  // A TOAST chunk tuple (header + chunk id + seq + up to chunkBytes of data) takes a quarter page.
  const toastPagesPerRow = toastChunks / 4;
  return {
    headerBytes: layout.tupleHeaderBytes,
    nullBitmapBytes,
    dataBytes: v.data,
    lengthHeaderBytes: v.headers,
    paddingBytes: padding,
    slotBytes: layout.itemPointerBytes,
    outOfLineBytes: outOfLine,
    totalBytes: tuple + layout.itemPointerBytes,
    inlineLengths: lengths,
    toastPagesPerRow,
  };
}

/** Heap pages for `rows` tuples of `row.totalBytes` each. */
export function heapPages(layout: HeapLayout, row: HeapRow, rows: number): { main: number; toast: number } {
  if (rows <= 0) return { main: 0, toast: 0 };
  const usable = Math.floor(((layout.pageBytes - layout.pageHeaderBytes) * layout.heapFillfactor) / 100);
  const perPage = Math.max(1, Math.min(layout.maxTuplesPerPage, Math.floor(usable / row.totalBytes)));
  return { main: Math.ceil(rows / perPage), toast: Math.ceil(rows * row.toastPagesPerRow) };
}

/** Bytes of one index tuple's key data (after the 8-byte header, aligned like a heap tuple's values). */
export function indexKeyBytes(layout: HeapLayout, cols: SizedColumn[], lengths: number[], withNulls: boolean): number {
  const start = layout.btree.tupleHeaderBytes + (withNulls ? layout.btree.nullBitmapBytes : 0);
  const v = layoutValues(layout, cols, lengths, alignUp(start, layout.maxAlign));
  return v.end;
}

/**
 * B-tree pages for `rows` entries of the given key columns: leaves filled to the fill factor, posting
 * lists when the key has few distinct values (PostgreSQL 13+ deduplication), internal pages at 70 %.
 */
export function btreePages(layout: HeapLayout, cols: SizedColumn[], lengths: number[], rows: number, opts: { unique: boolean; distinct: number | undefined }): { pages: number; leafPages: number; deduplicated: boolean } {
  if (rows <= 0) return { pages: 1, leafPages: 0, deduplicated: false };
  const b = layout.btree;
  // Every value present: no index null bitmap (as for heap tuples).
  const tuple = alignUp(indexKeyBytes(layout, cols, lengths, false), layout.maxAlign);
  const usable = layout.pageBytes - layout.pageHeaderBytes - b.specialBytes;
  const leafUsable = (usable * b.fillfactor) / 100;
  let leafBytes: number;
  const dups = opts.distinct !== undefined && opts.distinct > 0 ? rows / opts.distinct : 1;
  const dedup = b.deduplication !== undefined && !opts.unique && dups >= 3;
  if (dedup && b.deduplication) {
    const d = b.deduplication;
    const tidsPerPosting = Math.max(1, Math.floor((d.maxPostingBytes - tuple) / d.tidBytes));
    const postings = Math.ceil(dups / tidsPerPosting) * (opts.distinct as number);
    leafBytes = postings * (tuple + layout.itemPointerBytes) + rows * d.tidBytes;
  } else {
    leafBytes = rows * (tuple + layout.itemPointerBytes);
  }
  const leafPages = Math.max(1, Math.ceil(leafBytes / leafUsable));
  // Internal levels: one pivot tuple (key + downlink) per child page, pages filled to 70 %.
  const perInternal = Math.max(2, Math.floor((usable * 0.7) / (tuple + layout.itemPointerBytes)));
  let pages = leafPages;
  let level = leafPages;
  while (level > 1) {
    level = Math.ceil(level / perInternal);
    pages += level;
  }
  // + the metapage.
  return { pages: pages + 1, leafPages, deduplicated: dedup };
}
