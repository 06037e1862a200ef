'use client';
/** An area: a named, coloured frame drawn behind its tables (its bounds follow the tables). */
import { memo } from 'react';
import type { NodeProps } from '@xyflow/react';
import type { AreaNode } from '../flow/to-flow';

export const AreaNodeView = memo(function AreaNodeView({ data, selected }: NodeProps<AreaNode>) {
  return (
    <div
      className={`db-area ${selected ? 'is-selected' : ''}`}
      style={{ borderColor: data.color, background: `${data.color}1a` }}
      data-testid="area-node"
      data-area-name={data.name}
    >
      <div className="db-area-label" style={{ color: data.color }}>
        {data.name}
      </div>
    </div>
  );
});
