/** Dates in the sharing dialog: short, local, and a plain word for "never". */
export function shortDate(iso: string | null | undefined, never = 'never'): string {
  if (!iso) return never;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** A date input's value (yyyy-mm-dd, local) as the end of that day, in ISO; undefined when empty. */
export function endOfDayIso(dateInput: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateInput.trim());
  if (!m) return undefined;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 23, 59, 59);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

export const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));
