/**
 * Crow's-foot markers, defined once and referenced by id from every edge (markerStart/markerEnd).
 * Drawn for the end of a path arriving at a table from the left; `auto-start-reverse` turns the
 * same marker around at the start of a path. The stroke follows --db-edge (set on the canvas).
 */
import { markerId } from './relationship-lines';

const common = { viewBox: '0 0 20 20', markerWidth: 20, markerHeight: 20, refX: 20, refY: 10, orient: 'auto-start-reverse', markerUnits: 'userSpaceOnUse' } as const;
const stroke = { stroke: 'var(--db-edge)', strokeWidth: 1.4, fill: 'none' } as const;

/** Three lines fanning out to the table: "many". */
const crow = <path d="M10 10 L20 3 M10 10 L20 10 M10 10 L20 17" {...stroke} />;

export function FlowMarkers() {
  return (
    <svg style={{ position: 'absolute', width: 0, height: 0 }} aria-hidden>
      <defs>
        <marker id={markerId('exactly-one')} {...common}>
          <path d="M12 3 L12 17 M16 3 L16 17" {...stroke} />
        </marker>
        <marker id={markerId('zero-or-one')} {...common}>
          <circle cx="7" cy="10" r="3.5" {...stroke} fill="var(--db-canvas-bg)" />
          <path d="M15 3 L15 17" {...stroke} />
        </marker>
        <marker id={markerId('one-or-many')} {...common}>
          <path d="M7 3 L7 17" {...stroke} />
          {crow}
        </marker>
        <marker id={markerId('zero-or-many')} {...common}>
          <circle cx="5" cy="10" r="3.5" {...stroke} fill="var(--db-canvas-bg)" />
          {crow}
        </marker>
      </defs>
    </svg>
  );
}
