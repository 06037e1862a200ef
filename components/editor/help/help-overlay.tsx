'use client';
/**
 * The keyboard help overlay: every editor action that has keys (EDITOR_ACTIONS, the same list the
 * keyboard handler and the toolbar read), by group, then what the mouse does. Controlled: the editor
 * shell owns `open` (the `?` key and the toolbar's ? button are the `help` action).
 */
import { Dialog } from '@/components/ui/dialog';
import { helpSections } from '../actions/editor-actions';
import { formatCombo } from '../actions/keys';
import { useIsMac } from '../actions/use-action-keys';
import { GESTURES } from './gestures';

export interface HelpOverlayProps {
  open: boolean;
  onClose: () => void;
}

export function HelpOverlay({ open, onClose }: HelpOverlayProps) {
  const isMac = useIsMac();
  return (
    <Dialog open={open} onClose={onClose} title="Keyboard shortcuts">
      <div data-testid="help-overlay" className="grid gap-4 sm:grid-cols-2">
        {helpSections().map(({ group, actions }) => (
          <section key={group} aria-label={group}>
            <h3 className="mb-1 text-[11px] font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">{group}</h3>
            <dl className="flex flex-col gap-1 text-xs">
              {actions.map((a) => (
                <div key={a.id} className="flex items-center justify-between gap-3" data-action={a.id}>
                  <dt>{a.label}</dt>
                  <dd className="flex shrink-0 items-center gap-1">
                    {a.keys?.map((combo, i) => (
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
