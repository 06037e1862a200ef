import { describe, expect, it } from 'vitest';
import { kitchenSinkDocument } from '../model/fixtures/kitchen-sink';
import { FORMAT_CATALOG } from './catalog';
import { exportFile } from './files';
import { RenderOptionsError } from './options';
import { OUTPUT_FORMATS, optionKeys, outputFormat } from './registry';
import { renderFormat, UnknownFormatError } from './render';

describe('the format registry', () => {
  it('pairs every catalog entry with a renderer, in catalog order, ids unique', () => {
    expect(OUTPUT_FORMATS.map((f) => f.id)).toEqual(FORMAT_CATALOG.map((f) => f.id));
    expect(new Set(OUTPUT_FORMATS.map((f) => f.id)).size).toBe(OUTPUT_FORMATS.length);
    for (const f of OUTPUT_FORMATS) expect(typeof f.render).toBe('function');
  });

  it.each(OUTPUT_FORMATS.map((f) => [f.id, f] as const))('%s renders the kitchen sink as text and as a file', (id, f) => {
    const doc = kitchenSinkDocument();
    const out = renderFormat(doc, id);
    expect(out.text.length).toBeGreaterThan(100);
    const file = exportFile(doc, id, { baseName: 'Shop Ünï' });
    expect(file.text.endsWith(out.text)).toBe(true); // the file = header comment (if any) + the text
    expect(file.contentType).toBe(f.file.contentType);
    expect(file.fileName).toMatch(/^[A-Za-z0-9._-]+$/);
  });

  it.each(OUTPUT_FORMATS.map((f) => [f.id, f] as const))('%s rejects an option it does not take, naming it', (id) => {
    expect(() => renderFormat(kitchenSinkDocument(), id, { colour: 'red' })).toThrow(RenderOptionsError);
    expect(() => renderFormat(kitchenSinkDocument(), id, { colour: 'red' })).toThrow(/options: Unrecognized key: "colour"|colour/);
  });

  it('dialect-dependent formats take `dialect`; the DDL formats name theirs and do not', () => {
    for (const f of OUTPUT_FORMATS) {
      expect(optionKeys(f).includes('dialect'), f.id).toBe(f.dialectual);
      if (f.fixedDialect) expect(f.id).toBe(f.fixedDialect);
    }
  });

  it('an unknown format is an error naming it', () => {
    expect(() => renderFormat(kitchenSinkDocument(), 'svg')).toThrow(UnknownFormatError);
    expect(outputFormat('svg')).toBeUndefined();
  });
});
