/**
 * Words in names, for the rules that read names the way a reviewer does: `customer_id`, `customerId`
 * and `CustomerID` are the words customer + id; `order_items` ends in the plural `items`. English
 * inflection is approximated by suffix rules plus the irregular words schemas actually use; a word the
 * rules cannot decide (data, metadata, status...) counts as neither singular nor plural.
 */

/** Lower-case words: split at `_`, `-`, spaces, digits boundaries and camelCase humps (`HTTPRequest` -> http, request). */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9\u0080-\uffff]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

/** Words whose number is not told by their ending: never reported as singular or plural. */
const UNCOUNTABLE = new Set([
  'data', 'metadata', 'media', 'information', 'info', 'equipment', 'news', 'series', 'species', 'staff', 'status', 'analysis',
  'feedback', 'inventory', 'audio', 'software', 'hardware', 'traffic', 'money', 'sheep', 'fish', 'access', 'address', 'business',
  'process', 'progress', 'settings', 'stats', 'analytics', 'history', 'rental', 'film', 'payment', 'config', 'auth', 'sms',
]);

const IRREGULAR_PLURALS: Record<string, string> = {
  people: 'person', children: 'child', men: 'man', women: 'woman', criteria: 'criterion', indices: 'index', matrices: 'matrix',
  vertices: 'vertex', mice: 'mouse', geese: 'goose', teeth: 'tooth', feet: 'foot', phenomena: 'phenomenon', quizzes: 'quiz',
};
const IRREGULAR_SINGULARS = new Set(Object.values(IRREGULAR_PLURALS));

/** The singular of an English word (a best effort: the rules schemas need). */
export function singularOf(word: string): string {
  const w = word.toLowerCase();
  if (UNCOUNTABLE.has(w) || IRREGULAR_SINGULARS.has(w)) return w;
  if (IRREGULAR_PLURALS[w]) return IRREGULAR_PLURALS[w];
  if (/[^aeiou]ies$/.test(w)) return `${w.slice(0, -3)}y`;
  if (/(ss|x|z|ch|sh)es$/.test(w)) return w.slice(0, -2);
  if (/uses$/.test(w)) return w.slice(0, -2);
  if (/(ss|us|is|os)$/.test(w)) return w;
  if (/[^s]s$/.test(w)) return w.slice(0, -1);
  return w;
}

export type GrammaticalNumber = 'singular' | 'plural' | 'unknown';

/** Whether a word reads as singular or plural; `unknown` for words whose ending does not tell. */
export function numberOf(word: string): GrammaticalNumber {
  const w = word.toLowerCase();
  if (UNCOUNTABLE.has(w) || w.length < 3 || /\d$/.test(w)) return 'unknown';
  if (IRREGULAR_PLURALS[w]) return 'plural';
  if (IRREGULAR_SINGULARS.has(w)) return 'singular';
  return singularOf(w) === w ? 'singular' : 'plural';
}

/** The plural of an English word (for a fix that renames a table to the project's convention). */
export function pluralOf(word: string): string {
  const w = word.toLowerCase();
  const irregular = Object.entries(IRREGULAR_PLURALS).find(([, s]) => s === w);
  if (irregular) return irregular[0];
  if (/[^aeiou]y$/.test(w)) return `${w.slice(0, -1)}ies`;
  if (/(ss|x|z|ch|sh|us)$/.test(w)) return `${w}es`;
  return `${w}s`;
}

/** `a`, `a and b`, `a, b and c`. */
export function andList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** `1 index`, `3 indexes`. */
export function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}
