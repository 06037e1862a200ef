'use client';
/**
 * The small badge on a table node that has open design review findings: coloured by the worst
 * severity, with the count, the messages in its tooltip. Reads its own table's marker only, which
 * keeps its identity while the table's findings do not change (review-model.ts): an edit elsewhere
 * does not re-render this node.
 */
import { useReview } from './review-model';
import { SEVERITY_ICON } from './severity';

export function TableMarker({ tableId }: { tableId: string }) {
  const marker = useReview((s) => s.markers.get(tableId));
  if (!marker) return null;
  return (
    <span className={`db-review-marker is-${marker.worst}`} title={marker.title} data-testid="table-marker" data-severity={marker.worst} data-count={marker.count} role="img" aria-label={marker.title.split('\n')[0]}>
      {SEVERITY_ICON[marker.worst]} {marker.count}
    </span>
  );
}
