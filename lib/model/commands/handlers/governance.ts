/** governance.*: the document's status and people, the sign-off, decision records and risks (issue 16). */
import { z } from 'zod';
import type { SchemaDocument } from '../../document';
import { designFingerprint } from '../../design-fingerprint';
import { decisionSchema, designStatusSchema, governanceSchema, riskSchema, type Governance } from '../../governance';
import { assignChanges, changeableKeys, checkChangeKeys, checkShape, requireIndexIn } from '../context';
import { CommandError } from '../errors';
import type { CommandOf } from '../types';

function governanceOf(doc: SchemaDocument): Governance {
  doc.governance ??= {};
  return doc.governance;
}

const metaChangesSchema = governanceSchema.pick({ authors: true, reviewers: true }).extend({
  // `approved` comes only from governance.approve, which records who and when.
  status: designStatusSchema.exclude(['approved']).optional(),
});

export function setMeta(doc: SchemaDocument, cmd: CommandOf<'governance.setMeta'>): void {
  checkChangeKeys(cmd.changes, ['status', 'authors', 'reviewers'], 'design status and people');
  checkShape(metaChangesSchema, cmd.changes, 'design status and people');
  const g = governanceOf(doc);
  assignChanges(g, cmd.changes);
  // Moving the design back to draft or into review withdraws the approval.
  if ('status' in cmd.changes) delete g.approval;
}

const approveSchema = z.object({ reviewer: z.string().trim().min(1).max(200), at: z.string().max(40), versionName: z.string().max(256).optional() });

export function approve(doc: SchemaDocument, cmd: CommandOf<'governance.approve'>): void {
  const { reviewer, at, versionName } = checkShape(approveSchema, cmd, 'approval');
  const g = governanceOf(doc);
  if (!(g.reviewers ?? []).includes(reviewer)) {
    throw new CommandError('invalid-value', `only a reviewer named in the front matter can approve the design; "${reviewer}" is not one (add them to the reviewers first)`);
  }
  g.status = 'approved';
  g.approval = { reviewer, at, ...(versionName ? { versionName } : {}), fingerprint: designFingerprint(doc) };
}

export function addDecision(doc: SchemaDocument, cmd: CommandOf<'governance.decision.add'>): void {
  const decision = checkShape(decisionSchema, cmd.decision, 'decision');
  const list = (governanceOf(doc).decisions ??= []);
  if (list.some((d) => d.id === decision.id)) throw new CommandError('duplicate-id', `a decision with id "${decision.id}" already exists`);
  list.push(decision);
}

export function updateDecision(doc: SchemaDocument, cmd: CommandOf<'governance.decision.update'>): void {
  const list = governanceOf(doc).decisions ?? [];
  const decision = list[requireIndexIn(list, cmd.decisionId, 'decision', 'the design')];
  checkChangeKeys(cmd.changes, changeableKeys(decisionSchema), 'decision');
  assignChanges(decision, cmd.changes);
  checkShape(decisionSchema, decision, 'decision');
}

export function removeDecision(doc: SchemaDocument, cmd: CommandOf<'governance.decision.remove'>): void {
  const list = governanceOf(doc).decisions ?? [];
  list.splice(requireIndexIn(list, cmd.decisionId, 'decision', 'the design'), 1);
}

export function addRisk(doc: SchemaDocument, cmd: CommandOf<'governance.risk.add'>): void {
  const risk = checkShape(riskSchema, cmd.risk, 'risk');
  const list = (governanceOf(doc).risks ??= []);
  if (list.some((r) => r.id === risk.id)) throw new CommandError('duplicate-id', `a risk or question with id "${risk.id}" already exists`);
  list.push(risk);
}

export function updateRisk(doc: SchemaDocument, cmd: CommandOf<'governance.risk.update'>): void {
  const list = governanceOf(doc).risks ?? [];
  const risk = list[requireIndexIn(list, cmd.riskId, 'risk or question', 'the design')];
  checkChangeKeys(cmd.changes, changeableKeys(riskSchema), 'risk');
  assignChanges(risk, cmd.changes);
  checkShape(riskSchema, risk, 'risk');
}

export function removeRisk(doc: SchemaDocument, cmd: CommandOf<'governance.risk.remove'>): void {
  const list = governanceOf(doc).risks ?? [];
  list.splice(requireIndexIn(list, cmd.riskId, 'risk or question', 'the design'), 1);
}
