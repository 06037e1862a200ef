'use client';
/**
 * Lays out an imported document before it becomes a project, with the editor's layout worker, so a
 * new project opens arranged by its relationships and areas, shaped to the window (the editor's
 * canvas does not exist yet). Tables that already have a position (a Draftbase JSON import) keep
 * it. If the worker fails, the document is returned as it was: the canvas then places
 * unpositioned tables on its grid, and the user can run the layout.
 */
import { layoutInput } from '@/components/editor/layout/layout-input';
import { aspectRatioOf, createLayoutWorker, positionsFromXY, type LayoutRequest, type LayoutResponse } from '@/components/editor/layout/layout-worker-client';
import type { SchemaDocument } from '@/lib/model/document';

export function unpositionedTableIds(doc: SchemaDocument): string[] {
  return Object.keys(doc.tables).filter((id) => !doc.layout.tables[id]);
}

export function withPositions(doc: SchemaDocument, positions: Record<string, { x: number; y: number }>): SchemaDocument {
  const tables = { ...doc.layout.tables };
  for (const [id, p] of Object.entries(positions)) if (doc.tables[id] && !tables[id]) tables[id] = { x: p.x, y: p.y };
  return { ...doc, layout: { ...doc.layout, tables } };
}

export function layoutImportedDocument(doc: SchemaDocument, onPhase: (phase: string) => void): Promise<SchemaDocument> {
  const tableIds = unpositionedTableIds(doc);
  if (tableIds.length === 0 || typeof Worker === 'undefined') return Promise.resolve(doc);
  const worker = createLayoutWorker();
  const { nodes, edges } = layoutInput(doc, tableIds);
  return new Promise<SchemaDocument>((resolve) => {
    worker.onmessage = (event: MessageEvent<LayoutResponse>) => {
      const msg = event.data;
      if (msg.type === 'progress') onPhase(msg.phase);
      else resolve(msg.type === 'done' ? withPositions(doc, positionsFromXY(nodes, msg.xy)) : doc);
    };
    worker.onerror = () => resolve(doc);
    const request: LayoutRequest = { requestId: 1, nodes, edges, aspectRatio: aspectRatioOf(null) };
    worker.postMessage(request);
  }).finally(() => worker.terminate());
}
