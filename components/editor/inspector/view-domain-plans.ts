/**
 * The parsing of the Domains section's fields, tested in Node (the commands its buttons dispatch are
 * built in lib/model/commands/helpers/view-domain-edits.ts).
 */
import type { SchemaDocument, ScalarType } from '@/lib/model/document';
import { parseTypeText } from '@/lib/dialects/type-text';

/** A domain's base type from the picker text: a scalar type only (no enum, no other domain, no array). */
export function parseDomainBaseType(text: string, doc: Pick<SchemaDocument, 'settings' | 'enums' | 'domains'>): { ok: true; type: ScalarType } | { ok: false; error: string } {
  const trimmed = text.trim();
  const isUserType = [...Object.values(doc.enums), ...Object.values(doc.domains)].some((t) => t.name === trimmed);
  if (isUserType) return { ok: false, error: `"${trimmed}" is an enum or domain; a domain's base type must be a built-in type` };
  const parsed = parseTypeText(text, { dialect: doc.settings.dialect });
  if (!parsed.ok) return parsed;
  if (parsed.value.arrayDims > 0) return { ok: false, error: 'A domain over an array type is not supported' };
  if (parsed.value.type.kind !== 'scalar') return { ok: false, error: "A domain's base type must be a built-in type" };
  return { ok: true, type: parsed.value.type };
}

