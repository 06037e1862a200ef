/**
 * Fenced code blocks whose content can never close the fence: the fence is one backtick longer than
 * the longest backtick run in the content (MySQL DDL quotes names with backticks; names may hold runs
 * of them), at least three.
 */
import { longestBacktickRun } from '../markdown/escape';

export function fencedBlock(info: string, content: string): string {
  const longest = longestBacktickRun(content);
  const fence = '`'.repeat(Math.max(3, longest + 1));
  const body = content.endsWith('\n') ? content : `${content}\n`;
  return `${fence}${info}\n${body}${fence}`;
}
