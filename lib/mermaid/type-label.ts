/**
 * A short, human-readable type for a column, as an ER diagram shows it: the native type written for
 * the document's dialect when the architect set one, else the logical type as the dialect spells it,
 * with its length/precision (`varchar(255)`, `numeric(10,2)` in PostgreSQL, `decimal(10,2)` in MySQL), the enum or domain name, and `[]` per array dimension.
 */
import type { Column, Dialect, SchemaDocument } from '../model/document';
import { displayName } from '../model/lookup';
import { spelledTypeName } from '../dialects/dialects';

export function columnTypeLabel(doc: SchemaDocument, column: Column, dialect: Dialect): string {
  const t = column.type;
  let label: string;
  switch (t.kind) {
    case 'scalar': {
      const native = t.native?.[dialect];
      if (native) {
        label = native;
        break;
      }
      const params =
        t.precision !== undefined && (t.name === 'decimal' || t.scale !== undefined)
          ? [t.precision, ...(t.scale !== undefined ? [t.scale] : [])]
          : t.length !== undefined
            ? [t.length]
            : t.precision !== undefined
              ? [t.precision]
              : [];
      const name = spelledTypeName(t.name, dialect);
      label = params.length ? `${name}(${params.join(',')})` : name;
      if (t.unsigned) label += ' unsigned';
      break;
    }
    case 'enum': {
      const e = doc.enums[t.enumId];
      label = e ? displayName(doc, e) : 'enum';
      break;
    }
    case 'domain': {
      const d = doc.domains[t.domainId];
      label = d ? displayName(doc, d) : 'domain';
      break;
    }
    default: {
      const unreachable: never = t;
      throw new Error(`unknown column type ${JSON.stringify(unreachable)}`);
    }
  }
  return label + '[]'.repeat(column.arrayDims ?? 0);
}
