/** The unit pickers of the requirements form and the query patterns: each unit's factor to the stored unit. */
import { byteUnits, type ByteUnit } from '@/lib/model/document';

export const BYTE_UNITS: readonly { value: ByteUnit; label: string }[] = byteUnits.map((u) => ({ value: u, label: u }));

/** Latency, stored in milliseconds. */
export const LATENCY_UNITS = [
  { value: 'ms', label: 'ms', factor: 1 },
  { value: 's', label: 's', factor: 1000 },
] as const;

/** Rates, stored per second. */
export const RATE_UNITS = [
  { value: 's', label: 'per second', factor: 1 },
  { value: 'min', label: 'per minute', factor: 1 / 60 },
  { value: 'h', label: 'per hour', factor: 1 / 3600 },
] as const;

/** Durations, stored in minutes. */
export const DURATION_UNITS = [
  { value: 's', label: 'seconds', factor: 1 / 60 },
  { value: 'min', label: 'minutes', factor: 1 },
  { value: 'h', label: 'hours', factor: 60 },
  { value: 'd', label: 'days', factor: 1440 },
] as const;

/** Plain counts (connections, reads per write): one unit. */
export const CONNECTION_UNITS = [{ value: 'connections', label: 'connections', factor: 1 }] as const;
export const RATIO_UNITS = [{ value: 'reads', label: 'reads per write', factor: 1 }] as const;
