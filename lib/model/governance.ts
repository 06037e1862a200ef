/**
 * What a review board needs around the design (issue 16), saved in the document (`governance`): the
 * document's status and people, the sign-off, decision records (ADR-style) and risks / open questions.
 * The design document (lib/design-doc/front-matter.ts, governance-sections.ts) writes them out; the
 * shape lives here because the document owns it. Absent = a draft with no decisions and no risks.
 *
 * Elements are referenced by id, so renames keep the link; a reference to an element since removed
 * is kept (the record is history) and shown as removed.
 */
import { z } from 'zod';

const id = z.string().min(1).max(64);
const text = (max: number) => z.string().max(max);
const person = z.string().trim().min(1).max(200);
/** A calendar date as written in ADRs: YYYY-MM-DD. */
export const isoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2026-12-04');

export const designStatusSchema = z.enum(['draft', 'in-review', 'approved']);
export type DesignStatus = z.infer<typeof designStatusSchema>;

export const elementRefSchema = z.object({
  kind: z.enum(['table', 'column', 'relationship', 'index', 'area', 'view', 'enum']),
  id,
  /** The table of a column or index. */
  tableId: id.optional(),
});
export type ElementRef = z.infer<typeof elementRefSchema>;

export const decisionStatusSchema = z.enum(['proposed', 'accepted', 'superseded', 'rejected']);

export const decisionSchema = z.object({
  id,
  title: z.string().trim().min(1, 'a decision needs a title').max(300),
  status: decisionStatusSchema,
  date: isoDateSchema.optional(),
  context: text(20_000).optional(),
  decision: text(20_000).optional(),
  /** The alternatives considered and what choosing each would have meant. */
  alternatives: z.array(z.object({ option: z.string().trim().min(1).max(500), tradeoffs: text(5_000).optional() })).max(50),
  consequences: text(20_000).optional(),
  /** The elements the decision concerns (shown on them, linked from the document). */
  elements: z.array(elementRefSchema).max(200),
  /** The design-review waiver this decision records (review.waivers[].key). */
  waiverKey: z.string().max(600).optional(),
  author: person.optional(),
});
export type Decision = z.infer<typeof decisionSchema>;

export const riskStatusSchema = z.enum(['open', 'mitigating', 'accepted', 'closed']);

export const riskSchema = z.object({
  id,
  kind: z.enum(['risk', 'question']),
  title: z.string().trim().min(1, 'a risk or question needs a title').max(300),
  detail: text(20_000).optional(),
  owner: person.optional(),
  status: riskStatusSchema,
  impact: z.enum(['low', 'medium', 'high']).optional(),
  element: elementRefSchema.optional(),
});
export type Risk = z.infer<typeof riskSchema>;

/** A reviewer's approval of the design as it was (its fingerprint), for a named version. */
export const approvalSchema = z.object({
  reviewer: person,
  /** ISO timestamp. */
  at: z.string().max(40),
  versionName: z.string().max(256).optional(),
  /** designFingerprint(doc) when approved; a later change to the design no longer matches. */
  fingerprint: z.string().regex(/^[0-9a-f]{16}$/),
});
export type Approval = z.infer<typeof approvalSchema>;

export const governanceSchema = z.object({
  /** What the architect set; `approved` is only ever set by the approval command. */
  status: designStatusSchema.optional(),
  authors: z.array(person).max(100).optional(),
  reviewers: z.array(person).max(100).optional(),
  approval: approvalSchema.optional(),
  decisions: z.array(decisionSchema).max(1_000).optional(),
  risks: z.array(riskSchema).max(1_000).optional(),
});
export type Governance = z.infer<typeof governanceSchema>;
