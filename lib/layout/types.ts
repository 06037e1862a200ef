/**
 * The auto-layout's input and output: plain rectangles and table pairs, no document types, so the
 * layout is pure and testable and the page sends the worker only what the layout needs.
 */

export type Point = { x: number; y: number };

export interface LayoutNode {
  id: string;
  width: number;
  height: number;
  /** Nodes of one group (an area) are laid out together and kept together as one block. */
  group?: string;
}

/** A relationship between two nodes: `source` holds the foreign key, `target` is referenced. */
export interface LayoutEdge {
  source: string;
  target: string;
}

export interface LayoutProgress {
  phase: string;
  /** Nodes placed so far and in all: a determinate progress bar. */
  done: number;
  total: number;
}

export interface LayoutOptions {
  /** Width / height of the screen the picture should fill (the canvas's size). */
  aspectRatio: number;
  /** Gap between two nodes. Default 40. */
  spacing?: number;
  /** Gap between two blocks (areas, connected components). Default 3 x spacing. */
  blockSpacing?: number;
  /**
   * Connected components up to this many nodes get the layered layout (ELK); larger ones the
   * force-directed embedding stacked into columns, which scales to thousands. Default 12.
   */
  layeredMaxNodes?: number;
  onProgress?: (progress: LayoutProgress) => void;
}

export interface LayoutResult {
  /** Top-left corner of every node; the picture's bounding box starts at (0, 0). */
  positions: Record<string, Point>;
  width: number;
  height: number;
}

/** A laid-out part of the picture: positions relative to its own top-left corner. */
export interface Block {
  ids: string[];
  positions: Point[];
  width: number;
  height: number;
}
