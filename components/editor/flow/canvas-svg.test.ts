// @vitest-environment jsdom
/**
 * The canvas as an SVG file: well-formed XML, every table at its canvas position with its rows,
 * lines for the relationships among the drawn tables, areas, hostile names escaped, and a selection
 * draws only its tables.
 */
import { describe, expect, it } from 'vitest';
import { commandsFixture } from '@/lib/model/commands/test-fixture';
import { createFlowDeriver } from './to-flow';
import { canvasSvg } from './canvas-svg';

function parse(svg: string): Document {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(doc.querySelector('parsererror')).toBeNull();
  return doc;
}

describe('canvasSvg', () => {
  it('draws every table where the canvas does, with its rows, lines and areas', () => {
    const doc = commandsFixture();
    const { boxes } = createFlowDeriver()({ doc, selection: { kind: 'none' }, dragPositions: {} });
    const svg = parse(canvasSvg({ doc, boxes, dialect: 'postgres' }));
    const tables = [...svg.querySelectorAll('g.table')];
    expect(tables.map((t) => t.getAttribute('data-table-id')).sort()).toEqual(Object.keys(doc.tables).sort());
    for (const t of tables) {
      const b = boxes.get(t.getAttribute('data-table-id')!)!;
      expect(t.getAttribute('transform')).toBe(`translate(${b.x} ${b.y})`);
    }
    const users = tables.find((t) => t.getAttribute('data-table-id') === 't_users')!;
    expect(users.textContent).toContain('users');
    expect(users.textContent).toContain('email');
    // one path per column pair: 4 relationships, one of them composite (2 pairs)
    expect(svg.querySelectorAll('path.rel')).toHaveLength(5);
    expect(svg.querySelector('g.area text')!.textContent).toBe('Sales');
  });

  it('escapes hostile names and keeps them exact in the text', () => {
    const doc = commandsFixture();
    doc.tables.t_users.name = '<script>alert(1)</script> & "x"';
    const { boxes } = createFlowDeriver()({ doc, selection: { kind: 'none' }, dragPositions: {} });
    const text = canvasSvg({ doc, boxes, dialect: 'postgres' });
    expect(text).not.toContain('<script>');
    const svg = parse(text);
    expect(svg.querySelector('script')).toBeNull();
    expect([...svg.querySelectorAll('g.table text')].some((t) => t.textContent === '<script>alert(1)</script> & "x"')).toBe(true);
  });

  it('a selection draws only its tables and the lines between them', () => {
    const doc = commandsFixture();
    const { boxes } = createFlowDeriver()({ doc, selection: { kind: 'none' }, dragPositions: {} });
    const svg = parse(canvasSvg({ doc, boxes, dialect: 'postgres', tableIds: ['t_users', 't_orders'] }));
    expect([...svg.querySelectorAll('g.table')].map((t) => t.getAttribute('data-table-id')).sort()).toEqual(['t_orders', 't_users']);
    // orders -> users and the users self-reference
    expect(svg.querySelectorAll('path.rel')).toHaveLength(2);
  });
});
