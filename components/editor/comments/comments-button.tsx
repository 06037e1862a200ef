'use client';
/** The toolbar's Comments toggle: an icon and the open threads' count (narrow: the toolbar is one line). */
import { useComments, useCommentsController } from './comments-store';

export function CommentsButton() {
  const controller = useCommentsController();
  const open = useComments((s) => s.open);
  const count = useComments((s) => s.threads.reduce((n, t) => n + (t.resolved ? 0 : 1), 0));
  if (!controller) return null;
  return (
    <button
      type="button"
      className="shrink-0 whitespace-nowrap rounded px-2 py-1 text-xs font-medium hover:bg-slate-100 aria-pressed:bg-slate-200 dark:hover:bg-slate-800 dark:aria-pressed:bg-slate-700"
      aria-pressed={open}
      aria-label={`Comments (${count} open)`}
      title="Review comments"
      data-testid="comments-button"
      data-count={count}
      onClick={() => controller.setOpen((o) => !o)}
    >
      💬{count ? ` ${count}` : ''}
    </button>
  );
}
