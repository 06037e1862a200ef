import { describe, expect, it } from 'vitest';
import { findMentions, mentionedMembers } from './mentions';

const members = [
  { userId: 'u_ann', name: 'Ann', email: 'ann@example.com' },
  { userId: 'u_annlee', name: 'Ann Lee', email: 'lee@example.com' },
  { userId: 'u_bo', name: 'Bo', email: 'bo@example.com' },
];

describe('mentions', () => {
  it('finds @name and @email of members, longest name first, case-insensitive', () => {
    const spans = findMentions('@ann lee and @Ann, cc @bo@example.com.', members);
    expect(spans.map((s) => [s.userId, s.handle])).toEqual([
      ['u_annlee', 'ann lee'],
      ['u_ann', 'Ann'],
      ['u_bo', 'bo@example.com'],
    ]);
  });

  it('mentions nobody who is not a member, and no @ inside a word or a longer handle', () => {
    expect(findMentions('@mallory @annette x@ann mail ann@example.com @ann.lee @bo_x', members)).toEqual([]);
  });

  it('lists each mentioned member once, with the first handle used', () => {
    expect(mentionedMembers('@Bo hi @bo@example.com @ann', members)).toEqual([
      { userId: 'u_bo', handle: 'Bo' },
      { userId: 'u_ann', handle: 'ann' },
    ]);
    expect(mentionedMembers('@Bo', [])).toEqual([]);
  });
});
