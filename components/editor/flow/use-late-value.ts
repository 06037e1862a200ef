/**
 * A value shown one task late: the component renders with what it showed before, and the new value
 * arrives in a render of its own in the next macrotask. A big redraw (an auto-layout of thousands of
 * tables) then splits into tasks the browser can paint between, instead of one long main-thread task.
 * (React's useDeferredValue is not enough here: after a synchronous store update React flushes the
 * deferred render within the same task.) With `lateOnMount`, even the first value arrives a task late
 * (`value` is undefined until then).
 */
import { useEffect, useState } from 'react';

export function useLateValue<T>(value: T, late?: boolean): { value: T; stale: boolean };
export function useLateValue<T>(value: T, late: boolean, lateOnMount: true): { value: T | undefined; stale: boolean };
export function useLateValue<T>(value: T, late = true, lateOnMount = false): { value: T | undefined; stale: boolean } {
  const [shown, setShown] = useState<{ value: T | undefined; none: boolean }>(() => (lateOnMount ? { value: undefined, none: true } : { value, none: false }));
  useEffect(() => {
    // Not late: the caller uses `value` directly; `shown` catches up the next time it is late (and
    // says so with `stale`), which saves a render per change on the fast path (drag frames).
    if (!late || (!shown.none && shown.value === value)) return;
    const timer = setTimeout(() => setShown({ value, none: false }), 0);
    return () => clearTimeout(timer);
  }, [value, late, shown]);
  return late ? { value: shown.value, stale: shown.none || shown.value !== value } : { value, stale: false };
}
