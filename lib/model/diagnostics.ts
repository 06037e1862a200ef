/**
 * What a generator, importer or command could not do faithfully. Nothing is dropped silently: every
 * lossy step returns one of these, shown in the UI, the CLI and the exported document.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  severity: Severity;
  /** Stable machine-readable code, e.g. `mysql.partial-index-dropped`. */
  code: string;
  /** A sentence a user can act on, naming the element (`index "ix_a" on "orders"`). */
  message: string;
  /** The element concerned, when there is one. */
  entityId?: string;
  /** Dotted path into the document, when there is one. */
  path?: string;
  /** 1-based source position (importers); in `file` when the source had several files. */
  line?: number;
  file?: string;
  column?: number;
  /**
   * 1-based position inside the SQL text at `path` (an expression or a view body that does not
   * parse, or names a missing column). Not a file position: `line`/`column` are for source files.
   */
  textPosition?: { line: number; column: number };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}
