/**
 * A waiver recorded as a decision (issue 16): accepting a design-review finding is a design decision,
 * so the waive dialog can also file it as an ADR — the finding as context, the rationale as the
 * decision, the finding's element attached, linked to the waiver by its key.
 */
import type { Decision, ElementRef } from '../model/governance';
import type { Waiver } from '../model/review-config';
import { ruleById } from './rules';
import type { Finding, FindingTarget } from './types';

/** The element a finding is about, as a governance reference (a unique or check: its table). */
export function elementOfTarget(target: FindingTarget): ElementRef | undefined {
  switch (target.kind) {
    case 'table': return { kind: 'table', id: target.tableId };
    case 'column': return { kind: 'column', id: target.columnId, tableId: target.tableId };
    case 'index': return { kind: 'index', id: target.indexId, tableId: target.tableId };
    case 'unique':
    case 'check': return { kind: 'table', id: target.tableId };
    case 'relationship': return { kind: 'relationship', id: target.relationshipId };
    case 'enum': return { kind: 'enum', id: target.enumId };
    case 'view': return { kind: 'view', id: target.viewId };
    case 'document': return undefined;
  }
}

export function decisionFromWaiver(id: string, finding: Finding, waiver: Waiver, label: string): Decision {
  const element = elementOfTarget(finding.target);
  const rule = ruleById(finding.ruleId)?.title ?? finding.ruleId;
  return {
    id,
    title: `Accept "${rule}" for ${label}`.slice(0, 300),
    status: 'accepted',
    ...(waiver.at ? { date: waiver.at.slice(0, 10) } : {}),
    ...(waiver.author ? { author: waiver.author } : {}),
    context: `The design review reports: ${finding.message}`,
    decision: waiver.rationale,
    alternatives: [],
    elements: element ? [element] : [],
    waiverKey: waiver.key,
  };
}
