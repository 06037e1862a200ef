'use client';
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { IconButton } from './button';
import { cx } from './styles';

export interface DialogProps {
  open: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
  className?: string;
  footer?: ReactNode;
}

/**
 * A modal on the native <dialog> element: focus trapping, Escape and the top layer come from the
 * browser. Closing by Escape or the backdrop calls onClose; the parent owns `open`.
 */
export function Dialog({ open, onClose, title, children, className, footer }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (open && !el.open) el.showModal();
    if (!open && el.open) el.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      onClose={onClose}
      onKeyDown={(e) => {
        // Close here rather than rely on the native cancel event: a window-level key handler that
        // calls preventDefault on Escape (the editor's shortcuts do) would suppress it.
        if (e.key === 'Escape') {
          e.stopPropagation();
          e.preventDefault();
          onClose();
        }
      }}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onClick={(e) => {
        // A click on the backdrop lands on the <dialog> itself, outside its content box.
        if (e.target === ref.current) onClose();
      }}
      className={cx(
        'm-auto max-h-[85vh] w-[min(40rem,92vw)] overflow-hidden rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-black/40 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100',
        className,
      )}
    >
      {open && (
        <div className="flex max-h-[85vh] flex-col">
          <header className="flex items-center justify-between border-b border-slate-200 px-4 py-2 dark:border-slate-700">
            <h2 id={titleId} className="text-sm font-semibold">
              {title}
            </h2>
            <IconButton label="Close" onClick={onClose}>
              ✕
            </IconButton>
          </header>
          <div className="overflow-auto px-4 py-3">{children}</div>
          {footer && <footer className="flex justify-end gap-2 border-t border-slate-200 px-4 py-2 dark:border-slate-700">{footer}</footer>}
        </div>
      )}
    </dialog>
  );
}
