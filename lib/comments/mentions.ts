/**
 * `@name` and `@email` mentions of project members. Only members can be mentioned: the text after an
 * `@` is matched against their names and emails (longest first, case-insensitive), so "@Ann Lee"
 * mentions Ann Lee while "@Ann" alone mentions a member named Ann. Anything else after an `@` is
 * plain text. An `@` inside a word (an email address written in the text) starts no mention.
 */

export interface MentionCandidate {
  userId: string;
  name: string;
  email?: string;
}

export interface MentionSpan {
  /** Index of the `@`. */
  start: number;
  /** Index after the mention's last character. */
  end: number;
  userId: string;
  /** The text after `@` as typed ("Ann Lee", "ann@example.com"). */
  handle: string;
}

/** Letters, digits, marks, `_`, `-`, `@`: a handle may not stop in the middle of such a run. */
const WORD = /[\p{L}\p{M}\p{N}_@-]/u;

function endsCleanly(text: string, end: number): boolean {
  const next = text[end];
  if (next === undefined || !WORD.test(next)) {
    // "@ann@example.com." ends the sentence; "@ann.lee" is another handle, not "@ann" + ".lee".
    if (next === '.' && text[end + 1] !== undefined && WORD.test(text[end + 1])) return false;
    return true;
  }
  return false;
}

/** The mentions in `body`, in order, of `members` only. */
export function findMentions(body: string, members: readonly MentionCandidate[]): MentionSpan[] {
  if (!members.length || !body.includes('@')) return [];
  // Every handle a member answers to, longest first so "Ann Lee" wins over "Ann".
  const handles: { text: string; userId: string }[] = [];
  for (const m of members) {
    for (const h of [m.email, m.name]) {
      const t = h?.trim();
      if (t) handles.push({ text: t.toLowerCase(), userId: m.userId });
    }
  }
  handles.sort((a, b) => b.text.length - a.text.length);
  const lower = body.toLowerCase();
  const spans: MentionSpan[] = [];
  for (let i = body.indexOf('@'); i >= 0; i = body.indexOf('@', i + 1)) {
    if (i > 0 && WORD.test(body[i - 1])) continue;
    const hit = handles.find((h) => lower.startsWith(h.text, i + 1) && endsCleanly(body, i + 1 + h.text.length));
    if (!hit) continue;
    const end = i + 1 + hit.text.length;
    spans.push({ start: i, end, userId: hit.userId, handle: body.slice(i + 1, end) });
    i = end - 1;
  }
  return spans;
}

/** Each mentioned member once, with the handle first used for them. */
export function mentionedMembers(body: string, members: readonly MentionCandidate[]): { userId: string; handle: string }[] {
  const seen = new Map<string, string>();
  for (const s of findMentions(body, members)) if (!seen.has(s.userId)) seen.set(s.userId, s.handle);
  return [...seen].map(([userId, handle]) => ({ userId, handle }));
}
