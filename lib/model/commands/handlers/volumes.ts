/**
 * table.setVolume / table.setVolumes: a table's declared volumes (issue 15). The volume is replaced
 * whole (the inspector and the Workload grid send the table's full volume after one edited field),
 * validated with the model's schema; an empty volume is removed, so "nothing declared" has one
 * spelling. `table.setVolumes` is the Workload grid's paste: many tables, one undo step.
 */
import { tableVolumeSchema, type SchemaDocument, type TableVolume } from '../../document';
import { checkShape, requireTable } from '../context';
import { CommandError } from '../errors';
import type { CommandOf } from '../types';

function setOne(doc: SchemaDocument, tableId: string, volume: TableVolume | undefined): void {
  const table = requireTable(doc, tableId);
  if (volume === undefined) {
    delete table.volume;
    return;
  }
  const checked = checkShape(tableVolumeSchema, volume, `volume of table "${table.name}"`);
  const clean: TableVolume = {};
  for (const [k, v] of Object.entries(checked) as [keyof TableVolume, unknown][]) if (v !== undefined) (clean as Record<string, unknown>)[k] = v;
  if (clean.avgLength) {
    for (const columnId of Object.keys(clean.avgLength)) {
      if (!table.columns.some((c) => c.id === columnId)) {
        throw new CommandError('unknown-id', `volume of table "${table.name}": average length given for column "${columnId}", which is not a column of it`);
      }
    }
    if (Object.keys(clean.avgLength).length === 0) delete clean.avgLength;
  }
  if (Object.keys(clean).length === 0) delete table.volume;
  else table.volume = clean;
}

export function setVolume(doc: SchemaDocument, cmd: CommandOf<'table.setVolume'>): void {
  setOne(doc, cmd.tableId, cmd.volume);
}

export function setVolumes(doc: SchemaDocument, cmd: CommandOf<'table.setVolumes'>): void {
  if (!Array.isArray(cmd.volumes)) throw new CommandError('invalid-value', 'volumes must be a list of { tableId, volume }');
  const seen = new Set<string>();
  for (const entry of cmd.volumes) {
    if (seen.has(entry.tableId)) throw new CommandError('invalid-value', `table "${entry.tableId}" is listed twice`);
    seen.add(entry.tableId);
    setOne(doc, entry.tableId, entry.volume);
  }
}
