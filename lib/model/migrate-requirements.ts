/**
 * The version 3 -> 4 step for the design's figures: requirement and query-pattern texts become numbers
 * in the field's unit (lib/model/requirement-units.ts). Text that does not parse, or says more than the
 * number (a qualifier, another percentile), stays as a note under the field's old name: nothing the
 * architect wrote is lost. Non-string values (an invalid version-3 document) are left for
 * parseDocument to report.
 */
import {
  parseConnections, parseDataSize, parseDurationMinutes, parseLatencyMs, parseRatePerSecond, parseReadsPerWrite, type Parsed,
} from './requirement-units';

type Raw = Record<string, unknown>;

/** Old free-text key -> new numeric key and the parser that reads it. */
const REQUIREMENT_FIELDS: readonly [old: string, next: string, parse: (text: string) => Parsed<unknown> | undefined][] = [
  ['dataVolumeNow', 'dataVolumeNow', parseDataSize],
  ['dataVolume5y', 'dataVolume5y', parseDataSize],
  ['latencyTarget', 'latencyTargetMs', parseLatencyMs],
  ['throughputTarget', 'throughputQps', parseRatePerSecond],
  ['rpo', 'rpoMinutes', parseDurationMinutes],
  ['rto', 'rtoMinutes', parseDurationMinutes],
  ['readWriteRatio', 'readsPerWrite', parseReadsPerWrite],
  ['peakLoad', 'peakLoadQps', parseRatePerSecond],
  ['concurrency', 'concurrencyConnections', parseConnections],
];

const PATTERN_FIELDS: typeof REQUIREMENT_FIELDS = [
  ['frequency', 'frequencyPerSecond', parseRatePerSecond],
  ['latencyTarget', 'latencyTargetMs', parseLatencyMs],
];

function convert(raw: Raw, fields: typeof REQUIREMENT_FIELDS): Raw {
  const out: Raw = { ...raw };
  const notes: Record<string, string> = {};
  for (const [old, next, parse] of fields) {
    const text = raw[old];
    if (typeof text !== 'string') continue;
    delete out[old];
    if (text.trim() === '') continue;
    const parsed = parse(text);
    if (parsed) out[next] = parsed.value;
    if (!parsed?.exact) notes[old] = text.trim();
  }
  if (Object.keys(notes).length) out.notes = notes;
  return out;
}

export function numericRequirements(requirements: Raw): Raw {
  return convert(requirements, REQUIREMENT_FIELDS);
}

export function numericQueryPattern(pattern: Raw): Raw {
  return convert(pattern, PATTERN_FIELDS);
}
