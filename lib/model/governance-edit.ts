/**
 * Editing helpers for the governance record (pure): the alternatives of a decision as one line each
 * (`option: trade-offs`), and the decisions and questions attached to one element of the canvas.
 */
import type { Decision, ElementRef, Governance, Risk } from './governance';

/** One alternative per line: `ON DELETE CASCADE: erases history`. The first `: ` splits. */
export function parseAlternatives(text: string): Decision['alternatives'] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const at = line.indexOf(': ');
      if (at <= 0) return { option: line };
      const tradeoffs = line.slice(at + 2).trim();
      return { option: line.slice(0, at).trim(), ...(tradeoffs ? { tradeoffs } : {}) };
    });
}

export function alternativesText(alternatives: Decision['alternatives']): string {
  return alternatives.map((a) => (a.tradeoffs ? `${a.option}: ${a.tradeoffs}` : a.option)).join('\n');
}

export function sameElement(a: ElementRef, b: ElementRef): boolean {
  return a.kind === b.kind && a.id === b.id;
}

/** The decisions that concern `ref` and the risks / questions attached to it. */
export function recordsOf(governance: Governance | undefined, ref: ElementRef): { decisions: Decision[]; risks: Risk[] } {
  return {
    decisions: (governance?.decisions ?? []).filter((d) => d.elements.some((e) => sameElement(e, ref))),
    risks: (governance?.risks ?? []).filter((r) => r.element && sameElement(r.element, ref)),
  };
}

/** A proposed decision about one element, dated today, for the architect to fill in. */
export function draftDecision(id: string, ref: ElementRef, label: string, today: string): Decision {
  return { id, title: `Decision about ${label}`.slice(0, 300), status: 'proposed', date: today, alternatives: [], elements: [ref] };
}

export function draftQuestion(id: string, ref: ElementRef, label: string): Risk {
  return { id, kind: 'question', title: `Open question about ${label}`.slice(0, 300), status: 'open', element: ref };
}
