/**
 * A rule's options as the engine hands them to its check: every declared option present, the
 * project's value where it has the declared type (and range or allowed values), the default otherwise.
 * A mistyped or out-of-range setting never breaks the review; it falls back to the default.
 */
import type { Rule, RuleContext, RuleOptionSpec } from './types';

function accepted(spec: RuleOptionSpec, value: unknown): boolean {
  switch (spec.type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) && (spec.min === undefined || value >= spec.min) && (spec.max === undefined || value <= spec.max);
    case 'string':
      return typeof value === 'string' && (!spec.values || spec.values.includes(value));
    case 'boolean':
      return typeof value === 'boolean';
  }
}

export function resolveOptions(rule: Pick<Rule, 'options'>, given: Readonly<Record<string, unknown>> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(rule.options ?? {})) {
    const value = given?.[name];
    out[name] = value !== undefined && accepted(spec, value) ? value : spec.default;
  }
  return out;
}

/** A number option of the running rule (resolved by the engine, so always present when declared). */
export const numberOption = (ctx: RuleContext, name: string): number => ctx.options[name] as number;
export const stringOption = (ctx: RuleContext, name: string): string => ctx.options[name] as string;
export const booleanOption = (ctx: RuleContext, name: string): boolean => ctx.options[name] as boolean;
