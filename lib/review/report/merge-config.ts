/**
 * A review configuration given beside a document (`draftbase lint --config`, POST /api/lint's
 * `config`) on top of the document's own: its rule settings override, its waivers are added (the
 * same key: the given one wins). The document's waivers stay: they are the project's decisions.
 */
import type { ReviewConfig } from '../types';

export function mergeReviewConfig(own: ReviewConfig | undefined, given: ReviewConfig | undefined): ReviewConfig | undefined {
  if (!given) return own;
  const keys = new Set((given.waivers ?? []).map((w) => w.key));
  return {
    rules: { ...own?.rules, ...given.rules },
    waivers: [...(own?.waivers ?? []).filter((w) => !keys.has(w.key)), ...(given.waivers ?? [])],
  };
}
