'use client';
/** How a severity looks everywhere in the review UI: colours, icon, words. */
import type { Severity } from '@/lib/review/types';
import { cx } from '@/components/ui/styles';

export const SEVERITY_LABEL: Record<Severity, { one: string; many: string }> = {
  error: { one: 'error', many: 'errors' },
  warning: { one: 'warning', many: 'warnings' },
  info: { one: 'note', many: 'notes' },
};

export const SEVERITY_ICON: Record<Severity, string> = { error: '✖', warning: '▲', info: 'ℹ' };

const TEXT: Record<Severity, string> = {
  error: 'text-red-600 dark:text-red-400',
  warning: 'text-amber-600 dark:text-amber-400',
  info: 'text-sky-600 dark:text-sky-400',
};

/** `compact`: the glyph's own width (the toolbar), else a fixed column (lists line up). */
export function SeverityIcon({ severity, className, compact }: { severity: Severity; className?: string; compact?: boolean }) {
  return (
    <span aria-hidden className={cx('inline-block shrink-0 text-center text-[10px] leading-none', compact ? 'pr-px' : 'w-3', TEXT[severity], className)}>
      {SEVERITY_ICON[severity]}
    </span>
  );
}
