/**
 * How each engine stores rows and index entries, as data: page sizes, header bytes, alignment,
 * variable-length headers, out-of-line thresholds and fill factors. The capacity plan (lib/capacity)
 * reads only this, so a third dialect is one more record here, not a branch there.
 *
 * Sources: PostgreSQL "Database Page Layout" (storage/bufpage.h, htup_details.h, itup.h, nbtree.h,
 * toast_internals.h); MariaDB/MySQL "InnoDB Row Formats", "InnoDB Page Structure" (fil0fil.h,
 * page0page.h, rem0rec.h). The figures the engines do not document (fill of pages built by
 * sorted inserts) were measured by lib/capacity/capacity.engines.test.ts.
 */

/** How one native type is stored: fixed width with its alignment, or a variable-length value. */
export type TypeStorage =
  | { kind: 'fixed'; bytes: number; align: number }
  /**
   * `avg`: the default average data length (bytes, without the length header) when the volume declares
   * none; `lob`: stored like TEXT/BLOB (InnoDB may move it off the page); `align`: the alignment of its
   * long (4-byte header) form in PostgreSQL.
   */
  | { kind: 'variable'; avg: number; align: number; lob?: boolean; maxBytes?: number };

/** PostgreSQL's heap: tuples in 8 KB pages, each behind a line pointer, aligned to MAXALIGN. */
export interface HeapLayout {
  model: 'heap';
  pageBytes: number;
  /** PageHeaderData. */
  pageHeaderBytes: number;
  /** ItemIdData: one per tuple (heap) or index entry. */
  itemPointerBytes: number;
  /** HeapTupleHeaderData, before MAXALIGN (t_hoff rounds it with the null bitmap). */
  tupleHeaderBytes: number;
  maxAlign: number;
  /** MaxHeapTuplesPerPage. */
  maxTuplesPerPage: number;
  heapFillfactor: number;
  /** Variable-length (varlena) values: a 1-byte header up to `shortMaxBytes` of data, else a 4-byte one. */
  varlena: { shortHeaderBytes: number; shortMaxBytes: number; longHeaderBytes: number };
  /**
   * TOAST: a tuple past `thresholdBytes` has its largest values compressed and then moved out of line
   * (an 18-byte pointer stays) in chunks of `chunkBytes`. `compressionRatio` is the assumption made
   * for unknown data: 1 = incompressible (the worst case; pglz typically halves text).
   */
  toast: { thresholdBytes: number; chunkBytes: number; pointerBytes: number; compressionRatio: number };
  btree: {
    /** Default leaf fill factor (CREATE INDEX / REINDEX); internal pages are filled to 70 %. */
    fillfactor: number;
    /** BTPageOpaqueData at the end of each page. */
    specialBytes: number;
    /** IndexTupleData (t_tid + t_info). */
    tupleHeaderBytes: number;
    /** Null bitmap of an index tuple with a NULL key (IndexAttributeBitMapData). */
    nullBitmapBytes: number;
    /** PostgreSQL 13+: duplicates share one key with a posting list of 6-byte heap TIDs. */
    deduplication: { tidBytes: number; maxPostingBytes: number } | undefined;
  };
  /**
   * Approximate sizes of the other access methods (marked approximate): bytes per row, plus per byte of
   * the indexed value where the entries grow with it (GIN keys and values of jsonb, lexemes).
   */
  otherIndexBytesPerRow: { gin: number; ginPerValueByte: number; gist: number; spgist: number; brinPerRange: number; brinPagesPerRange: number };
  /**
   * Hash indexes: one bucket page per `entryBytes x ffactor` rows at the fill factor, buckets a power
   * of two (hashinsert/hashpage: the bucket count doubles on splits). Measured: 512 buckets for 100,000 rows.
   */
  hash: { entryBytes: number; fillfactor: number; metaPages: number };
  /** WAL written per inserted row besides the tuple itself (record header + block reference). */
  walRecordOverheadBytes: number;
}

/** InnoDB: rows in the clustered (primary key) B-tree, 16 KB pages, secondary indexes carrying the key. */
export interface ClusteredLayout {
  model: 'clustered';
  pageBytes: number;
  /** FIL header 38 + page header 56 + infimum/supremum 26 + FIL trailer 8. */
  pageOverheadBytes: number;
  /** Page directory: one 2-byte slot per group of records (4 per slot in pages built by a sorted build). */
  directorySlotBytes: number;
  recordsPerDirectorySlot: number;
  /**
   * Space a sorted index build (ALTER TABLE, OPTIMIZE TABLE, CREATE INDEX) leaves free per page:
   * innodb_fill_factor 100 keeps 1/16 of each clustered index page for updates, none in secondary
   * indexes (btr0bulk: dict_index_get_space_reserve). Measured: leaf pages within one page of the
   * engine's n_leaf_pages on the tables of capacity.engines.test.ts.
   */
  reservedBytes: { clustered: number; secondary: number };
  /** COMPACT/DYNAMIC record header. */
  recordHeaderBytes: number;
  /** DB_TRX_ID and DB_ROLL_PTR on every clustered record. */
  trxIdBytes: number;
  rollPtrBytes: number;
  /** DB_ROW_ID when the table has no primary key (and no NOT NULL unique key). */
  rowIdBytes: number;
  /** Child page number in node pointer records. */
  childPointerBytes: number;
  /**
   * File space: each index has a leaf and a non-leaf segment; a segment takes its first
   * `fragmentPages` one page at a time, then whole extents of `extentPages`, and takes one more extent
   * whenever less than 1/`reserveFactor` of what it holds is free (fsp0fsp: FSEG_FRAG_LIMIT,
   * FSEG_FILLFACTOR). data_length and index_length count these allocated pages.
   */
  segments: { fragmentPages: number; extentPages: number; reserveFactor: number };
  /**
   * DYNAMIC: a record longer than this (about half a page) has its longest TEXT/BLOB values moved to
   * overflow pages, leaving a 20-byte pointer each.
   */
  offPage: { recordMaxBytes: number; pointerBytes: number };
  /** Approximate FULLTEXT/SPATIAL index bytes per row (marked approximate). */
  otherIndexBytesPerRow: { fulltext: number; spatial: number; hash: number };
  /** Redo + binary log bytes per inserted row besides the row image. */
  walRecordOverheadBytes: number;
}

export interface DialectStorage {
  /** The storage engine the facts describe, for messages (`PostgreSQL heap`, `InnoDB (DYNAMIC)`). */
  engine: string;
  /** What the change log shipped to backups and replicas is called (`WAL`, `binary log`). */
  logName: string;
  /** The memory setting that caches table and index pages, as documents name it. */
  bufferCacheSetting: string;
  layout: HeapLayout | ClusteredLayout;
  /** How a native type (as the generator writes it, e.g. `varchar(100)`, `timestamp(3) with time zone`) is stored. */
  typeStorage(nativeSql: string): TypeStorage;
  /** How an enum value is stored. */
  enumStorage(labels: number): TypeStorage;
  /** Bytes an array of one dimension adds before its elements (PostgreSQL); undefined when arrays are not stored natively. */
  arrayHeaderBytes?: number;
}

const fixed = (bytes: number, align = bytes): TypeStorage => ({ kind: 'fixed', bytes, align });
const variable = (avg: number, align = 4, extra: { lob?: boolean; maxBytes?: number } = {}): TypeStorage => ({ kind: 'variable', avg, align, ...extra });

/** Default average length of a character column of declared length n: half of it, capped (names, codes, titles). */
export const varcharDefaultAvg = (n: number | undefined): number => (n === undefined ? 32 : Math.max(1, Math.min(Math.ceil(n / 2), 64)));

/**
 * Default average data lengths (bytes) for variable-length types when the volume declares none.
 * One table of assumptions, quoted by the capacity plan.
 */
export const DEFAULT_AVG_LENGTHS = {
  text: 32,
  'varchar(n)': 'min(n/2, 64)',
  'char(n)': 'n',
  json: 256,
  binary: 256,
  xml: 256,
  tsvector: 128,
  array: 64,
  geometry: 64,
  range: 16,
} as const;

/** `timestamp(3) with time zone` -> { base: 'timestamp with time zone', args: [3] }. */
export function parseNativeType(sql: string): { base: string; args: number[]; array: boolean } {
  let s = sql.trim().toLowerCase();
  const array = /\[\s*\d*\s*\]\s*$/.test(s) || /^_/.test(s);
  s = s.replace(/(\[\s*\d*\s*\])+\s*$/, '');
  const args: number[] = [];
  s = s.replace(/\(([^)]*)\)/g, (_m, inner: string) => {
    for (const a of inner.split(',')) if (/^\s*\d+\s*$/.test(a)) args.push(Number(a));
    return '';
  });
  s = s.replace(/\b(unsigned|zerofill|signed)\b/g, '').replace(/\s+/g, ' ').trim();
  // Schema-qualified names (`public.citext`): the type name decides.
  const dot = s.lastIndexOf('.');
  if (dot >= 0 && !s.includes(' ')) s = s.slice(dot + 1).replace(/"/g, '');
  return { base: s.replace(/"/g, ''), args, array };
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL

/** numeric: 2-byte header word + 2 bytes per group of 4 decimal digits on each side of the point. */
function pgNumericBytes(precision: number | undefined, scale: number | undefined): number {
  if (precision === undefined) return 8;
  const s = Math.max(0, scale ?? 0);
  const intDigits = Math.max(0, precision - s);
  // Values use about their declared width; a typical value has all integer digits but the first group half used.
  return 2 + 2 * (Math.ceil(intDigits / 4) + Math.ceil(s / 4));
}

const PG_FIXED: Record<string, TypeStorage> = {
  smallint: fixed(2), int2: fixed(2), integer: fixed(4), int: fixed(4), int4: fixed(4), serial: fixed(4), smallserial: fixed(2),
  bigint: fixed(8), int8: fixed(8), bigserial: fixed(8), real: fixed(4), float4: fixed(4), 'double precision': fixed(8), float8: fixed(8),
  boolean: fixed(1), bool: fixed(1), uuid: fixed(16, 1), date: fixed(4), time: fixed(8), 'time without time zone': fixed(8),
  'time with time zone': fixed(12, 8), timetz: fixed(12, 8), timestamp: fixed(8), 'timestamp without time zone': fixed(8),
  'timestamp with time zone': fixed(8), timestamptz: fixed(8), interval: fixed(16, 8), money: fixed(8), macaddr: fixed(6, 4),
  macaddr8: fixed(8, 4), point: fixed(16, 8), oid: fixed(4), year: fixed(2),
};

function pgTypeStorage(nativeSql: string): TypeStorage {
  const { base, args, array } = parseNativeType(nativeSql);
  if (array) return variable(DEFAULT_AVG_LENGTHS.array, 8);
  const f = PG_FIXED[base];
  if (f) return f;
  switch (base) {
    case 'numeric':
    case 'decimal':
      return variable(pgNumericBytes(args[0], args[1]), 2);
    case 'character':
    case 'char':
    case 'bpchar':
      return variable(args[0] ?? 1, 4);
    case 'varchar':
    case 'character varying':
      return variable(varcharDefaultAvg(args[0]), 4, { maxBytes: args[0] !== undefined ? args[0] * 4 : undefined });
    case 'bit':
    case 'bit varying':
    case 'varbit':
      return variable(4 + Math.ceil((args[0] ?? 1) / 8), 4);
    case 'inet':
    case 'cidr':
      return variable(6, 4);
    case 'json':
    case 'jsonb':
      return variable(DEFAULT_AVG_LENGTHS.json, 4);
    case 'bytea':
      return variable(DEFAULT_AVG_LENGTHS.binary, 4);
    case 'xml':
      return variable(DEFAULT_AVG_LENGTHS.xml, 4);
    case 'tsvector':
      return variable(DEFAULT_AVG_LENGTHS.tsvector, 4);
    case 'geometry':
    case 'geography':
      return variable(DEFAULT_AVG_LENGTHS.geometry, 8);
    default:
      if (/range$/.test(base)) return variable(DEFAULT_AVG_LENGTHS.range, 8);
      // text, citext, domains over unknown types, user-defined types: a short string.
      return variable(DEFAULT_AVG_LENGTHS.text, 4);
  }
}

export const postgresStorage: DialectStorage = {
  engine: 'PostgreSQL heap',
  logName: 'WAL',
  bufferCacheSetting: '`shared_buffers` plus the OS page cache',
  layout: {
    model: 'heap',
    pageBytes: 8192,
    pageHeaderBytes: 24,
    itemPointerBytes: 4,
    tupleHeaderBytes: 23,
    maxAlign: 8,
    maxTuplesPerPage: 291,
    heapFillfactor: 100,
    varlena: { shortHeaderBytes: 1, shortMaxBytes: 126, longHeaderBytes: 4 },
    toast: { thresholdBytes: 2032, chunkBytes: 1996, pointerBytes: 18, compressionRatio: 1 },
    btree: { fillfactor: 90, specialBytes: 16, tupleHeaderBytes: 8, nullBitmapBytes: 4, deduplication: { tidBytes: 6, maxPostingBytes: 1352 } },
    otherIndexBytesPerRow: { gin: 12, ginPerValueByte: 0.3, gist: 48, spgist: 40, brinPerRange: 40, brinPagesPerRange: 128 },
    hash: { entryBytes: 20, fillfactor: 75, metaPages: 2 },
    walRecordOverheadBytes: 60,
  },
  typeStorage: pgTypeStorage,
  enumStorage: () => fixed(4),
  arrayHeaderBytes: 24,
};

// ---------------------------------------------------------------------------------------------
// InnoDB (MySQL 8, MariaDB), DYNAMIC row format, utf8mb4 with mostly ASCII data

/** DECIMAL(p,s): 4 bytes per 9 digits, leftover digits 0-8 take 0,1,1,2,2,3,3,4,4 bytes, on each side. */
export function innodbDecimalBytes(precision = 10, scale = 0): number {
  const left = [0, 1, 1, 2, 2, 3, 3, 4, 4];
  const side = (digits: number) => Math.floor(digits / 9) * 4 + left[digits % 9];
  return side(Math.max(0, precision - scale)) + side(Math.max(0, scale));
}

const fsp = (args: number[]) => Math.ceil((args[0] ?? 0) / 2);

const MYSQL_FIXED: Record<string, (args: number[]) => TypeStorage> = {
  tinyint: () => fixed(1, 1), bool: () => fixed(1, 1), boolean: () => fixed(1, 1), smallint: () => fixed(2, 1), mediumint: () => fixed(3, 1),
  int: () => fixed(4, 1), integer: () => fixed(4, 1), bigint: () => fixed(8, 1), float: () => fixed(4, 1), double: () => fixed(8, 1),
  'double precision': () => fixed(8, 1), real: () => fixed(8, 1), date: () => fixed(3, 1), year: () => fixed(1, 1),
  time: (a) => fixed(3 + fsp(a), 1), datetime: (a) => fixed(5 + fsp(a), 1), timestamp: (a) => fixed(4 + fsp(a), 1),
  decimal: (a) => fixed(innodbDecimalBytes(a[0], a[1]), 1), numeric: (a) => fixed(innodbDecimalBytes(a[0], a[1]), 1),
  bit: (a) => fixed(Math.ceil((a[0] ?? 1) / 8), 1), binary: (a) => fixed(a[0] ?? 1, 1), uuid: () => fixed(16, 1), inet6: () => fixed(16, 1), inet4: () => fixed(4, 1),
  // CHAR(n) in a variable-width character set is stored in n to 4n bytes: n for ASCII data.
  char: (a) => fixed(a[0] ?? 1, 1), character: (a) => fixed(a[0] ?? 1, 1),
};

const LOB_MAX: Record<string, number> = { tinytext: 255, tinyblob: 255, text: 65535, blob: 65535, mediumtext: 16777215, mediumblob: 16777215, longtext: 4294967295, longblob: 4294967295 };

function mysqlTypeStorage(nativeSql: string): TypeStorage {
  const { base, args } = parseNativeType(nativeSql);
  const f = MYSQL_FIXED[base];
  if (f) return f(args);
  if (base === 'varchar' || base === 'character varying') return variable(varcharDefaultAvg(args[0]), 1, { maxBytes: (args[0] ?? 255) * 4 });
  if (base === 'varbinary') return variable(varcharDefaultAvg(args[0]), 1, { maxBytes: args[0] ?? 255 });
  if (base in LOB_MAX) return variable(/blob/.test(base) ? DEFAULT_AVG_LENGTHS.binary : DEFAULT_AVG_LENGTHS.text, 1, { lob: true, maxBytes: LOB_MAX[base] });
  if (base === 'json') return variable(DEFAULT_AVG_LENGTHS.json, 1, { lob: true, maxBytes: LOB_MAX.longtext });
  if (/^(geometry|point|linestring|polygon|multi\w+|geometrycollection)$/.test(base)) return variable(DEFAULT_AVG_LENGTHS.geometry, 1, { lob: true, maxBytes: LOB_MAX.longblob });
  if (base === 'set') return fixed(8, 1);
  return variable(DEFAULT_AVG_LENGTHS.text, 1, { maxBytes: 65535 });
}

export const innodbStorage: DialectStorage = {
  engine: 'InnoDB, DYNAMIC row format',
  logName: 'binary log',
  bufferCacheSetting: '`innodb_buffer_pool_size`',
  layout: {
    model: 'clustered',
    pageBytes: 16384,
    pageOverheadBytes: 38 + 56 + 26 + 8,
    directorySlotBytes: 2,
    recordsPerDirectorySlot: 4,
    reservedBytes: { clustered: 16384 / 16, secondary: 0 },
    recordHeaderBytes: 5,
    trxIdBytes: 6,
    rollPtrBytes: 7,
    rowIdBytes: 6,
    childPointerBytes: 4,
    segments: { fragmentPages: 32, extentPages: 64, reserveFactor: 8 },
    offPage: { recordMaxBytes: 8126, pointerBytes: 20 },
    otherIndexBytesPerRow: { fulltext: 60, spatial: 60, hash: 20 },
    walRecordOverheadBytes: 60,
  },
  typeStorage: mysqlTypeStorage,
  enumStorage: (labels) => fixed(labels > 255 ? 2 : 1, 1),
};

// ---------------------------------------------------------------------------------------------
// SQLite: a rowid table is a B+tree keyed by its rowid (so rows sit in rowid order, like a clustered
// index with an 8-byte integer key), 4 KB pages, records of a header (one varint serial type per
// column) and the values in their smallest form. Approximate: no engine test measures these yet.

/** How SQLite stores a value of a declared type: by the affinity the type name gives it. */
function sqliteTypeStorage(nativeSql: string): TypeStorage {
  const { base, args } = parseNativeType(nativeSql);
  const t = base.toUpperCase();
  // Integers are stored in 0-8 bytes by value; ids and counts typically fit in 3-4.
  if (t.includes('INT')) return fixed(4, 1);
  if (t === 'BOOLEAN' || t === 'BOOL') return fixed(1, 1);
  if (t.includes('CHAR') || t.includes('CLOB') || t.includes('TEXT')) return variable(t.includes('CHAR') ? varcharDefaultAvg(args[0]) : DEFAULT_AVG_LENGTHS.text, 1);
  if (t.includes('BLOB') || t === '') return variable(DEFAULT_AVG_LENGTHS.binary, 1);
  if (t.includes('REAL') || t.includes('FLOA') || t.includes('DOUB')) return fixed(8, 1);
  if (t === 'JSON') return variable(DEFAULT_AVG_LENGTHS.json, 1);
  // NUMERIC affinity: dates and times are stored as their ISO text, decimals as integers or reals.
  if (/^(DATE|TIME|TIMESTAMP|TIMESTAMPTZ|DATETIME)$/.test(t)) return variable(t === 'DATE' ? 10 : t === 'TIME' ? 8 : 19, 1);
  return fixed(8, 1);
}

export const sqliteStorage: DialectStorage = {
  engine: 'SQLite B-tree (rowid tables)',
  logName: 'WAL file (or rollback journal)',
  bufferCacheSetting: '`PRAGMA cache_size` plus the OS page cache',
  layout: {
    model: 'clustered',
    pageBytes: 4096,
    // B-tree page header (8 bytes on a leaf, 12 on an interior page); no page trailer.
    pageOverheadBytes: 12,
    // A 2-byte cell pointer per record.
    directorySlotBytes: 2,
    recordsPerDirectorySlot: 1,
    reservedBytes: { clustered: 0, secondary: 0 },
    // Cell header: payload length and rowid varints, plus the record header's size varint.
    recordHeaderBytes: 4,
    trxIdBytes: 0,
    rollPtrBytes: 0,
    // The rowid of a table without an INTEGER PRIMARY KEY (a varint, typically 3-4 bytes).
    rowIdBytes: 4,
    childPointerBytes: 4,
    // Pages are allocated one at a time from the file (no extents).
    segments: { fragmentPages: 1, extentPages: 1, reserveFactor: 1_000_000 },
    // A record past U-35 bytes (4061 on 4 KB pages) spills to overflow pages, leaving a 4-byte page number.
    offPage: { recordMaxBytes: 4061, pointerBytes: 4 },
    otherIndexBytesPerRow: { fulltext: 60, spatial: 60, hash: 20 },
    walRecordOverheadBytes: 24,
  },
  typeStorage: sqliteTypeStorage,
  // A CHECK-constrained text column: the label's text.
  enumStorage: () => variable(8, 1),
};
