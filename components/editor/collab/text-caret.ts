/**
 * Where a caret goes when the text around it changes under it (someone else typing in the same
 * narrative section): the change is the span between the common prefix and suffix of the two texts
 * (as lib/collab writes text: one replacement between them). A caret before that span stays; a caret
 * after it moves by the change in length; a caret inside it goes to the span's new end.
 */
export function shiftCaret(before: string, after: string, caret: number): number {
  if (before === after) return caret;
  let prefix = 0;
  const max = Math.min(before.length, after.length);
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  const removedEnd = before.length - suffix;
  const insertedEnd = after.length - suffix;
  if (caret <= prefix) return caret;
  if (caret >= removedEnd) return caret + (after.length - before.length);
  return insertedEnd;
}
