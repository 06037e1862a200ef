'use client';
/**
 * The keyboard help overlay: lists SHORTCUTS by group. `HelpOverlay` is controlled (the toolbar or the
 * canvas key handler owns `open`); `HelpButton` is a self-contained toolbar button that also opens
 * the overlay on `?` when no text field has focus.
 */
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { formatCombo, GESTURES, isMacPlatform, isTextInputTarget, matchesShortcut, SHORTCUT_GROUPS, SHORTCUTS } from './shortcuts';

export interface HelpOverlayProps {
  open: boolean;
  onClose: () => void;
}

const noSubscribe = () => () => {};

/** macOS after hydration; false on the server so the first render matches. */
function useIsMac(): boolean {
  return useSyncExternalStore(noSubscribe, isMacPlatform, () => false);
}

export function HelpOverlay({ open, onClose }: HelpOverlayProps) {
  const isMac = useIsMac();
  return (
    <Dialog open={open} onClose={onClose} title="Keyboard shortcuts">
      <div data-testid="help-overlay" className="grid gap-4 sm:grid-cols-2">
        {SHORTCUT_GROUPS.map((group) => (
          <section key={group} aria-label={group}>
            <h3 className="mb-1 text-[11px] font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">{group}</h3>
            <dl className="flex flex-col gap-1 text-xs">
              {SHORTCUTS.filter((s) => s.group === group).map((s) => (
                <div key={s.id} className="flex items-center justify-between gap-3">
                  <dt>{s.description}</dt>
                  <dd className="flex shrink-0 items-center gap-1">
                    {s.combos.map((combo, i) => (
                      <span key={i} className="flex items-center gap-0.5">
                        {i > 0 && <span className="px-0.5 text-slate-400">or</span>}
                        {formatCombo(combo, isMac).map((cap) => (
                          <kbd
                            key={cap}
                            className="min-w-5 rounded border border-slate-300 bg-slate-50 px-1 text-center font-mono text-[11px] shadow-sm dark:border-slate-600 dark:bg-slate-800"
                          >
                            {cap}
                          </kbd>
                        ))}
                      </span>
                    ))}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
        <section aria-label="With the mouse" className="sm:col-span-2">
          <h3 className="mb-1 text-[11px] font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">With the mouse</h3>
          <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 text-xs">
            {GESTURES.map((g) => (
              <div key={g.task} className="contents">
                <dt className="font-medium">{g.task}</dt>
                <dd>{g.how}</dd>
              </div>
            ))}
          </dl>
        </section>
      </div>
    </Dialog>
  );
}

/**
 * Opens the overlay on `?` (outside text fields). Use in the editor once; the canvas key handler
 * need not handle `help` itself when this is mounted.
 */
export function useHelpShortcut(onOpen: () => void): void {
  // The latest callback without re-subscribing on every render.
  const latest = useRef(onOpen);
  useEffect(() => {
    latest.current = onOpen;
  }, [onOpen]);
  useEffect(() => {
    const handleKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      if (matchesShortcut(e, 'help', { isMac: isMacPlatform(), inTextField: isTextInputTarget(e.target) })) {
        e.preventDefault();
        latest.current();
      }
    };
    window.addEventListener('keydown', handleKeyDown);
    return () => window.removeEventListener('keydown', handleKeyDown);
  }, []);
}

/** A toolbar button "?" that opens the overlay, plus the `?` key binding. */
export function HelpButton({ className }: { className?: string }) {
  const [open, setOpen] = useState(false);
  useHelpShortcut(() => setOpen(true));
  return (
    <>
      <Button className={className} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)" data-testid="help-button" onClick={() => setOpen(true)}>
        ?
      </Button>
      <HelpOverlay open={open} onClose={() => setOpen(false)} />
    </>
  );
}
