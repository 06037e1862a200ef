'use client';
/**
 * The Comments toggle with the open threads' count. It floats over the main area rather than taking
 * toolbar width (the toolbar must stay one line at 1600 px): top right of the canvas, bottom right
 * over the design document (whose own actions sit top right).
 */
import { cx } from '@/components/ui/styles';
import { CommentIcon } from './comment-icon';
import { useComments, useCommentsController } from './comments-store';

export function CommentsButton({ placement = 'top' }: { placement?: 'top' | 'bottom' }) {
  const controller = useCommentsController();
  const open = useComments((s) => s.open);
  const count = useComments((s) => s.threads.reduce((n, t) => n + (t.resolved ? 0 : 1), 0));
  if (!controller) return null;
  return (
    <button
      type="button"
      className={cx(
        'absolute right-3 z-10 inline-flex items-center gap-1 rounded-full border border-slate-300 bg-white/95 px-2.5 py-1 text-xs font-medium shadow-sm hover:bg-slate-100 aria-pressed:bg-blue-50 aria-pressed:text-blue-800 dark:border-slate-600 dark:bg-slate-900/95 dark:hover:bg-slate-800 dark:aria-pressed:bg-blue-950 dark:aria-pressed:text-blue-200',
        placement === 'top' ? 'top-3' : 'bottom-3',
      )}
      aria-pressed={open}
      aria-label={`Comments (${count} open)`}
      title="Review comments"
      data-testid="comments-button"
      data-count={count}
      onClick={() => controller.setOpen((o) => !o)}
    >
      <CommentIcon />
      Comments{count ? ` ${count}` : ''}
    </button>
  );
}
