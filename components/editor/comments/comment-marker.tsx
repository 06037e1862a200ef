'use client';
import './comments.css';
/**
 * The badge on a table node with open review threads (on the table, its columns, its indexes or its
 * outgoing relationships): the count, and a click opens the Comments panel at that table. Reads one
 * number from the comments store, so it costs a map lookup per node and re-renders only when the
 * table's count changes.
 */
import { CommentIcon } from './comment-icon';
import { useComments, useCommentsController } from './comments-store';

export function CommentMarker({ tableId }: { tableId: string }) {
  const count = useComments((s) => s.tableCounts.get(tableId) ?? 0);
  const controller = useCommentsController();
  if (!count || !controller) return null;
  const label = `${count} open comment ${count === 1 ? 'thread' : 'threads'}`;
  return (
    <button
      type="button"
      className="nodrag db-comment-marker"
      title={label}
      aria-label={label}
      data-testid="table-comment-marker"
      data-count={count}
      onClick={(e) => {
        e.stopPropagation();
        controller.focus(`table:${tableId}`);
      }}
    >
      <CommentIcon /> {count}
    </button>
  );
}
