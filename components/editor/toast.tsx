'use client';
/** Short-lived messages under the toolbar: command errors and integrity side effects. */
import { useCallback } from 'react';
import { create } from 'zustand';

export type ToastKind = 'info' | 'error';
interface ToastItem {
  id: number;
  text: string;
  kind: ToastKind;
}
interface ToastState {
  items: ToastItem[];
  push(text: string, kind: ToastKind): void;
  dismiss(id: number): void;
}

let nextId = 1;
const useToastStore = create<ToastState>()((set, get) => ({
  items: [],
  push(text, kind) {
    const id = nextId++;
    set({ items: [...get().items.slice(-3), { id, text, kind }] });
    setTimeout(() => get().dismiss(id), kind === 'error' ? 8000 : 5000);
  },
  dismiss(id) {
    set({ items: get().items.filter((t) => t.id !== id) });
  },
}));

export function useToast(): (text: string, kind?: ToastKind) => void {
  const push = useToastStore((s) => s.push);
  return useCallback((text: string, kind: ToastKind = 'info') => push(text, kind), [push]);
}

export function Toasts() {
  const items = useToastStore((s) => s.items);
  const dismiss = useToastStore((s) => s.dismiss);
  return (
    <div className="pointer-events-none absolute left-1/2 top-14 z-50 flex -translate-x-1/2 flex-col gap-2" aria-live="polite">
      {items.map((t) => (
        <div
          key={t.id}
          role={t.kind === 'error' ? 'alert' : 'status'}
          data-testid="toast"
          className={`pointer-events-auto max-w-lg whitespace-pre-line rounded-md px-3 py-2 text-sm shadow-lg ${
            t.kind === 'error' ? 'bg-red-600 text-white' : 'bg-slate-800 text-white dark:bg-slate-200 dark:text-slate-900'
          }`}
          onClick={() => dismiss(t.id)}
        >
          {t.text}
        </div>
      ))}
    </div>
  );
}
