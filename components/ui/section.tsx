'use client';
import { useId, useState, type ReactNode } from 'react';
import { cx } from './styles';

export interface SectionProps {
  title: string;
  children: ReactNode;
  /** Shown right of the title, e.g. an "Add" button. */
  actions?: ReactNode;
  defaultOpen?: boolean;
  count?: number;
  className?: string;
}

/** A collapsible titled group of fields (a disclosure button with aria-expanded). */
export function Section({ title, children, actions, defaultOpen = true, count, className }: SectionProps) {
  const [open, setOpen] = useState(defaultOpen);
  const id = useId();
  return (
    <section className={cx('border-t border-slate-200 py-1.5 dark:border-slate-700', className)} aria-labelledby={`${id}-h`}>
      <div className="flex items-center justify-between gap-2">
        <h3 id={`${id}-h`} className="m-0">
          <button
            type="button"
            aria-expanded={open}
            aria-controls={`${id}-body`}
            onClick={() => setOpen(!open)}
            className="flex items-center gap-1 text-[11px] font-semibold uppercase tracking-wide text-slate-600 hover:text-slate-900 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 dark:text-slate-400 dark:hover:text-slate-100"
          >
            <span aria-hidden className="inline-block w-2">{open ? '▾' : '▸'}</span>
            {title}
            {count !== undefined && <span className="font-normal normal-case text-slate-400">({count})</span>}
          </button>
        </h3>
        {open && actions && <div className="flex gap-1">{actions}</div>}
      </div>
      {open && (
        <div id={`${id}-body`} className="mt-1 flex flex-col gap-1.5">
          {children}
        </div>
      )}
    </section>
  );
}
