'use client';
/** Small building blocks shared by the inspector panes. */
import type { ReactNode } from 'react';
import { Button, IconButton } from '@/components/ui/button';
import { cx } from '@/components/ui/styles';

export function PaneHeader({ kind, title, actions }: { kind: string; title: string; actions?: ReactNode }) {
  return (
    <div className="flex items-start justify-between gap-2 pb-1">
      <div className="min-w-0">
        <div className="text-[10px] font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">{kind}</div>
        <h2 className="truncate text-sm font-semibold text-slate-900 dark:text-slate-100" title={title}>
          {title}
        </h2>
      </div>
      {actions && <div className="flex shrink-0 gap-1">{actions}</div>}
    </div>
  );
}

export function ErrorLine({ error, onDismiss }: { error: string | undefined; onDismiss?: () => void }) {
  if (!error) return null;
  return (
    <div role="alert" className="flex items-start justify-between gap-2 rounded border border-red-300 bg-red-50 px-2 py-1 text-[11px] text-red-700 dark:border-red-800 dark:bg-red-950 dark:text-red-300">
      <span>{error}</span>
      {onDismiss && (
        <IconButton label="Dismiss error" onClick={onDismiss}>
          ✕
        </IconButton>
      )}
    </div>
  );
}

/** A row in a list of sub-elements (a check, a unique, a partition) with its own controls. */
export function ItemCard({ children, className, label }: { children: ReactNode; className?: string; label: string }) {
  return (
    <div role="group" aria-label={label} className={cx('flex flex-col gap-1 rounded border border-slate-200 p-1.5 dark:border-slate-700', className)}>
      {children}
    </div>
  );
}

/** A link-like button that selects another element (a column from the table pane, ...). */
export function NavButton({ children, onClick, label, className }: { children: ReactNode; onClick: () => void; label?: string; className?: string }) {
  return (
    <Button variant="ghost" aria-label={label} onClick={onClick} className={cx('w-full justify-start truncate px-1 text-left font-normal', className)}>
      {children}
    </Button>
  );
}

export function MoveButtons({ index, count, onMove, what }: { index: number; count: number; onMove: (to: number) => void; what: string }) {
  return (
    <>
      <IconButton label={`Move ${what} up`} disabled={index === 0} onClick={() => onMove(index - 1)}>
        ↑
      </IconButton>
      <IconButton label={`Move ${what} down`} disabled={index >= count - 1} onClick={() => onMove(index + 1)}>
        ↓
      </IconButton>
    </>
  );
}

export function Muted({ children }: { children: ReactNode }) {
  return <p className="text-[11px] text-slate-500 dark:text-slate-400">{children}</p>;
}
