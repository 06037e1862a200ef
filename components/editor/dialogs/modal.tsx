'use client';
/** A small modal for the editor's own questions (delete, conflict). Native <dialog>: focus and Escape come from the browser. */
import { useEffect, useRef, type ReactNode } from 'react';

export function Modal({ title, children, actions, onClose, testId }: { title: string; children: ReactNode; actions: ReactNode; onClose?: () => void; testId?: string }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (el && !el.open) el.showModal();
    return () => el?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      aria-label={title}
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        onClose?.();
      }}
      // The editor's shortcuts listen for Escape on window and prevent its default action, which is
      // the dialog's cancel: close here, before the key gets there.
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || !onClose) return;
        e.preventDefault();
        e.stopPropagation();
        onClose();
      }}
      className="m-auto w-[min(34rem,92vw)] rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-black/40 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <div className="px-5 py-4">
        <h2 className="mb-2 text-base font-semibold">{title}</h2>
        <div className="text-sm">{children}</div>
      </div>
      <div className="flex justify-end gap-2 border-t border-slate-200 px-5 py-3 dark:border-slate-700">{actions}</div>
    </dialog>
  );
}

export const buttonClass =
  'rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 disabled:opacity-50 dark:border-slate-600 dark:hover:bg-slate-800';
export const primaryButtonClass = 'rounded-md bg-blue-600 px-3 py-1.5 text-sm text-white hover:bg-blue-700 disabled:opacity-50';
export const dangerButtonClass = 'rounded-md bg-red-600 px-3 py-1.5 text-sm text-white hover:bg-red-700 disabled:opacity-50';
