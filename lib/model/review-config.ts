/**
 * The design review's per-project configuration, saved in the document (`review`): rules turned on or
 * off, severities and options (naming templates, thresholds), and waivers — findings accepted with a
 * written rationale. lib/review reads it; the shape lives here because the document owns it.
 */
import { z } from 'zod';

export const reviewSeveritySchema = z.enum(['error', 'warning', 'info']);

const ruleIdSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'rule ids are kebab-case').max(80);

export const ruleSettingSchema = z.object({
  enabled: z.boolean().optional(),
  severity: reviewSeveritySchema.optional(),
  /** Rule-specific options (naming templates, thresholds); each rule validates its own. */
  options: z.record(z.string().max(80), z.union([z.string().max(500), z.number().finite(), z.boolean()])).optional(),
});

export const waiverSchema = z.object({
  /** The finding's key (rule id + element ids), stable across renames. */
  key: z.string().min(1).max(600),
  ruleId: ruleIdSchema,
  rationale: z.string().trim().min(1, 'a waiver needs a rationale').max(4000),
  author: z.string().max(200).optional(),
  at: z.string().max(40).optional(),
});

export type RuleSetting = z.infer<typeof ruleSettingSchema>;
export type Waiver = z.infer<typeof waiverSchema>;

export const reviewConfigSchema = z.object({
  rules: z.record(ruleIdSchema, ruleSettingSchema).optional(),
  waivers: z.array(waiverSchema).max(10_000).optional(),
});
export type ReviewConfig = z.infer<typeof reviewConfigSchema>;
