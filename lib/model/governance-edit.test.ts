import { describe, expect, it } from 'vitest';
import { alternativesText, draftDecision, draftQuestion, parseAlternatives, recordsOf } from './governance-edit';
import { decisionSchema, riskSchema } from './governance';

describe('alternatives as lines', () => {
  it.each([
    ['', []],
    ['CASCADE', [{ option: 'CASCADE' }]],
    ['CASCADE: erases history', [{ option: 'CASCADE', tradeoffs: 'erases history' }]],
    ['SET NULL: loses the owner: needs nullable\n\n  RESTRICT  ', [{ option: 'SET NULL', tradeoffs: 'loses the owner: needs nullable' }, { option: 'RESTRICT' }]],
    ['https://x.example: a link stays whole', [{ option: 'https://x.example', tradeoffs: 'a link stays whole' }]],
  ])('%j', (text, expected) => {
    expect(parseAlternatives(text)).toEqual(expected);
    expect(parseAlternatives(alternativesText(parseAlternatives(text)))).toEqual(expected);
  });
});

describe('records of an element', () => {
  it('finds the decisions and questions attached to it; drafts are valid records', () => {
    const ref = { kind: 'table' as const, id: 't1' };
    const d = draftDecision('d1', ref, 'orders', '2026-12-04');
    const q = draftQuestion('q1', ref, 'orders');
    expect(decisionSchema.safeParse(d).success).toBe(true);
    expect(riskSchema.safeParse(q).success).toBe(true);
    const other = draftDecision('d2', { kind: 'table', id: 't2' }, 'users', '2026-12-04');
    expect(recordsOf({ decisions: [d, other], risks: [q] }, ref)).toEqual({ decisions: [d], risks: [q] });
    expect(recordsOf(undefined, ref)).toEqual({ decisions: [], risks: [] });
  });
});
