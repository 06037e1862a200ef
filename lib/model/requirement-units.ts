/**
 * Numbers with units in the declared requirements (document version 4): reading the free text that
 * version 3 stored ("20 GB", "p99 < 50 ms", "300/s", "1 h", "9:1", "400 concurrent requests") and
 * writing the numbers back as text for the design document and the form.
 *
 * A parse is `exact` when the text said nothing but the number in the field's unit (allowing filler
 * such as "about", "<", "p99", "requests"); otherwise the caller keeps the original text as a note,
 * so nothing the architect wrote is lost. No parse guesses a unit that is not written: "10 M orders"
 * is not a data size, "5x on Black Friday" is not a rate.
 */
import type { ByteUnit, DataSize } from './document';

export interface Parsed<T> {
  value: T;
  /** True when the text holds nothing beyond the value (the note can be dropped). */
  exact: boolean;
}

const NUMBER = String.raw`(\d+(?:\.\d+)?)`;
/** Words that say nothing beyond the number (approximations, bounds, the percentile the field means). */
const FILLER = /^(?:~|≈|about|around|approx\.?|approximately|roughly|up to|at most|max\.?|maximum|under|below|less than|<=?|≤|target:?|p99:?|p99 latency:?|p99\s*(?:<=?|≤)|)\s*/i;

/** Lower-cases, drops thousands separators ("2,000" / "2_000" / "2 000") and the filler words in front. */
function normalise(text: string): string {
  let t = text.trim().toLowerCase().replace(/(\d)[,_ ](?=\d{3}(?!\d))/g, '$1');
  for (let i = 0; i < 3; i++) t = t.replace(FILLER, '');
  return t.trim();
}

/** `k`/`m`/`b` multipliers ("2k" = 2000), as written in throughput and count figures. */
function scaled(value: string, suffix: string | undefined): number {
  const n = Number(value);
  switch (suffix) {
    case 'k': return n * 1e3;
    case 'm': return n * 1e6;
    case 'b': return n * 1e9;
    default: return n;
  }
}

/** Finds the first match of `re` anywhere in `text` when the whole-text match failed (the note is kept). */
function loose<T>(text: string, re: string, read: (m: RegExpMatchArray) => T | undefined): Parsed<T> | undefined {
  const t = normalise(text);
  const whole = new RegExp(`^(?:${re})$`, 'i').exec(t);
  if (whole) {
    const value = read(whole);
    if (value !== undefined) return { value, exact: true };
  }
  const anywhere = new RegExp(`(?:^|[^\\w.])(?:${re})(?![\\w])`, 'i').exec(t);
  if (anywhere) {
    const value = read(anywhere);
    if (value !== undefined) return { value, exact: false };
  }
  return undefined;
}

const BYTE_UNIT: Record<string, ByteUnit> = {
  b: 'B', byte: 'B', bytes: 'B',
  kb: 'KB', kib: 'KB', mb: 'MB', mib: 'MB', gb: 'GB', gib: 'GB', tb: 'TB', tib: 'TB', pb: 'PB', pib: 'PB',
};

/** "20 GB", "2TB", "about 1.5 TiB" (binary and decimal prefixes both read as 1024-based). */
export function parseDataSize(text: string): Parsed<DataSize> | undefined {
  return loose(text, String.raw`${NUMBER}\s*(bytes?|b|kib|kb|mib|mb|gib|gb|tib|tb|pib|pb)`, (m) => ({ value: Number(m[1]), unit: BYTE_UNIT[m[2].toLowerCase()] }));
}

const MS_PER: Record<string, number> = { us: 0.001, 'µs': 0.001, ms: 1, millisecond: 1, milliseconds: 1, msec: 1, s: 1000, sec: 1000, secs: 1000, second: 1000, seconds: 1000 };

/** A p99 latency in milliseconds: "p99 < 50 ms", "10ms", "0.2 s". Another percentile ("p95 < 80 ms") keeps its note. */
export function parseLatencyMs(text: string): Parsed<number> | undefined {
  const r = loose(text, String.raw`${NUMBER}\s*(µs|us|ms|msec|milliseconds?|s|secs?|seconds?)`, (m) => {
    const ms = Number(m[1]) * MS_PER[m[2].toLowerCase()];
    return ms > 0 ? ms : undefined;
  });
  return r && { value: round(r.value), exact: r.exact };
}

const PER_SECOND: Record<string, number> = { s: 1, sec: 1, second: 1, min: 1 / 60, minute: 1 / 60, m: 1 / 60, h: 1 / 3600, hr: 1 / 3600, hour: 1 / 3600, d: 1 / 86400, day: 1 / 86400 };
/** What is counted: these say nothing beyond "queries" (other words, like "writes", keep the note). */
const RATE_NOUNS = String.raw`(?:queries|query|requests|request|reqs|req|ops|operations|transactions|tx|txn|calls|times|executions)`;

/** A rate per second: "300/s", "2k qps", "10 per minute", "1,000 requests per hour". */
export function parseRatePerSecond(text: string): Parsed<number> | undefined {
  const re = String.raw`${NUMBER}\s*([kmb])?\s*(?:(qps|tps|rps|ops/s)|(?:${RATE_NOUNS}\s*)?(?:/|per\s+|an?\s+)(s|sec|second|min|minute|m|h|hr|hour|d|day)s?)`;
  const r = loose(text, re, (m) => scaled(m[1], m[2]?.toLowerCase()) * (m[3] ? 1 : PER_SECOND[m[4].toLowerCase()]));
  if (r) return { value: round(r.value), exact: r.exact };
  // "2,000 writes/s": a number per second of something named: the number, and the note keeps the noun.
  const named = loose(text, String.raw`${NUMBER}\s*([kmb])?\s*[a-z]+\s*(?:/|per\s+)(s|sec|second|min|minute|h|hr|hour|d|day)s?`, (m) => scaled(m[1], m[2]?.toLowerCase()) * PER_SECOND[m[3].toLowerCase()]);
  return named && { value: round(named.value), exact: false };
}

const MINUTES_PER: Record<string, number> = { s: 1 / 60, sec: 1 / 60, second: 1 / 60, m: 1, min: 1, minute: 1, h: 60, hr: 60, hour: 60, d: 1440, day: 1440 };

/** A duration in minutes (RPO/RTO): "5 minutes", "1 h", "30 s", "2 days". */
export function parseDurationMinutes(text: string): Parsed<number> | undefined {
  const r = loose(text, String.raw`${NUMBER}\s*(s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?)`, (m) => Number(m[1]) * MINUTES_PER[m[2].toLowerCase().replace(/s$/, '') || 's']);
  return r && { value: round(r.value), exact: r.exact };
}

/** Reads per write: "9:1" = 9, "80/20" = 4, "1:4" = 0.25, "10 to 1" = 10. */
export function parseReadsPerWrite(text: string): Parsed<number> | undefined {
  return loose(text, String.raw`${NUMBER}\s*(?::|/|to)\s*${NUMBER}(?:\s*(?:reads?\s*(?::|/|to)\s*writes?|r\s*[:/]\s*w))?`, (m) => (Number(m[2]) > 0 ? round(Number(m[1]) / Number(m[2])) : undefined));
}

/** A count of connections: "400", "400 concurrent requests", "about 2k connections". */
export function parseConnections(text: string): Parsed<number> | undefined {
  const r = loose(text, String.raw`${NUMBER}\s*([kmb])?(?:\s*(?:concurrent|simultaneous|parallel|active|open))?(?:\s*(?:connections?|conns?|requests?|users?|clients?|sessions?))?`, (m) => Math.round(scaled(m[1], m[2]?.toLowerCase())));
  return r;
}

/** Six significant digits: unit conversions give 0.16666666666666666 per second for "10/min". */
function round(n: number): number {
  return Number(n.toPrecision(6));
}

// -----------------------------------------------------------------------------------------------
// Writing numbers back as text

const BYTES_PER: Record<ByteUnit, number> = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3, TB: 1024 ** 4, PB: 1024 ** 5 };

/** Bytes in a declared size (1 KB = 1024 B). */
export function bytesOf(size: DataSize): number {
  return size.value * BYTES_PER[size.unit];
}

/** "1,234.5": grouped digits, at most `digits` decimals (trailing zeros dropped). */
export function formatNumber(n: number, digits = 2): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: digits });
}

export function formatDataSize(size: DataSize): string {
  return `${formatNumber(size.value)} ${size.unit}`;
}

export function formatMs(ms: number): string {
  return ms >= 1000 && ms % 1000 === 0 ? `${formatNumber(ms / 1000)} s` : `${formatNumber(ms, 3)} ms`;
}

/** A rate per second, written per minute or per hour when it is under one per second. */
export function formatRate(perSecond: number): string {
  if (perSecond === 0 || perSecond >= 1) return `${formatNumber(perSecond)}/s`;
  if (perSecond * 60 >= 1) return `${formatNumber(perSecond * 60)}/min`;
  return `${formatNumber(perSecond * 3600)}/h`;
}

export function formatMinutes(minutes: number): string {
  if (minutes === 0) return '0 (no data loss)';
  if (minutes < 1) return `${formatNumber(minutes * 60)} s`;
  if (minutes >= 1440 && minutes % 1440 === 0) return `${formatNumber(minutes / 1440)} ${minutes === 1440 ? 'day' : 'days'}`;
  if (minutes >= 60 && minutes % 60 === 0) return `${formatNumber(minutes / 60)} ${minutes === 60 ? 'hour' : 'hours'}`;
  return `${formatNumber(minutes)} ${minutes === 1 ? 'minute' : 'minutes'}`;
}

/** "9:1" for 9 reads per write, "1:4" for 0.25. */
export function formatReadsPerWrite(readsPerWrite: number): string {
  if (readsPerWrite >= 1 || readsPerWrite === 0) return `${formatNumber(readsPerWrite)}:1`;
  return `1:${formatNumber(1 / readsPerWrite)}`;
}
