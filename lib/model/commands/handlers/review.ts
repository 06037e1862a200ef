/** review.*: the design review's per-project configuration (rules, waivers), saved in the document. */
import type { SchemaDocument } from '../../document';
import { ruleSettingSchema, waiverSchema } from '../../review-config';
import { checkShape } from '../context';
import type { CommandOf } from '../types';

export function setRule(doc: SchemaDocument, cmd: CommandOf<'review.setRule'>): void {
  const rules = { ...doc.review?.rules };
  if (cmd.setting === undefined) delete rules[cmd.ruleId];
  else rules[cmd.ruleId] = checkShape(ruleSettingSchema, cmd.setting, 'rule setting');
  doc.review = { ...doc.review, rules };
}

export function waive(doc: SchemaDocument, cmd: CommandOf<'review.waive'>): void {
  const waiver = checkShape(waiverSchema, cmd.waiver, 'waiver');
  const waivers = (doc.review?.waivers ?? []).filter((w) => w.key !== waiver.key);
  doc.review = { ...doc.review, waivers: [...waivers, waiver] };
}

export function unwaive(doc: SchemaDocument, cmd: CommandOf<'review.unwaive'>): void {
  const waivers = doc.review?.waivers ?? [];
  if (!waivers.some((w) => w.key === cmd.key)) return;
  doc.review = { ...doc.review, waivers: waivers.filter((w) => w.key !== cmd.key) };
}
