/**
 * Shared Tailwind class strings so every primitive looks alike in light and dark mode.
 * Kept as plain strings (not a helper library): Tailwind sees them at build time.
 */
export const controlClass =
  'w-full min-w-0 rounded border border-slate-300 bg-white px-1.5 py-0.5 text-xs text-slate-900 ' +
  'placeholder:text-slate-400 focus:border-sky-500 focus:outline-none focus:ring-1 focus:ring-sky-500 ' +
  'disabled:opacity-50 aria-[invalid=true]:border-red-500 ' +
  'dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:placeholder:text-slate-500';

export const labelClass = 'text-[11px] font-medium text-slate-600 dark:text-slate-400';

export const errorClass = 'text-[11px] text-red-600 dark:text-red-400';

export function cx(...parts: Array<string | false | null | undefined>): string {
  return parts.filter(Boolean).join(' ');
}
