/**
 * Names of tables and columns this replica has seen removed, so a repair made later (when a
 * concurrent edit that still refers to one arrives) can name it instead of showing its id. Found by
 * identity: only tables whose object changed are compared, so a change costs one pass over the
 * table ids, not over the document.
 */
import type { SchemaDocument } from '../model/document';

const LIMIT = 10_000;

export class RemovedNames {
  private readonly names = new Map<string, string>();

  /** Records what `next` no longer has of `previous`. */
  note(previous: SchemaDocument, next: SchemaDocument): void {
    if (previous.tables === next.tables) return;
    for (const [id, table] of Object.entries(previous.tables)) {
      const now = next.tables[id];
      if (now === table) continue;
      if (!now) {
        this.remember(id, table.name);
        for (const c of table.columns) this.remember(`${id}/${c.id}`, c.name);
        continue;
      }
      if (now.columns === table.columns) continue;
      const kept = new Set(now.columns.map((c) => c.id));
      for (const c of table.columns) if (!kept.has(c.id)) this.remember(`${id}/${c.id}`, c.name);
    }
  }

  table(id: string): string | undefined {
    return this.names.get(id);
  }

  column(tableId: string, columnId: string): string | undefined {
    return this.names.get(`${tableId}/${columnId}`);
  }

  private remember(key: string, name: string): void {
    this.names.delete(key);
    this.names.set(key, name);
    if (this.names.size > LIMIT) this.names.delete(this.names.keys().next().value!);
  }
}
