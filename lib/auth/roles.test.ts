import { describe, expect, it } from 'vitest';
import { ACTION_MIN_ROLE, PROJECT_ROLES, capabilitiesOf, isProjectRole, isShareLinkRole, roleAllows, type ProjectAction, type ProjectRole } from './roles';

const expected: Record<ProjectRole, ProjectAction[]> = {
  viewer: ['view'],
  commenter: ['view', 'comment'],
  editor: ['view', 'comment', 'edit'],
  owner: ['view', 'comment', 'edit', 'manage'],
};

describe('project roles', () => {
  it.each(PROJECT_ROLES)('%s may do exactly its actions', (role) => {
    const allowed = (Object.keys(ACTION_MIN_ROLE) as ProjectAction[]).filter((a) => roleAllows(role, a));
    expect(allowed).toEqual(expected[role]);
    expect(Object.entries(capabilitiesOf(role)).filter(([, v]) => v).map(([k]) => k)).toEqual(expected[role]);
  });

  it('recognises roles and share-link roles, nothing else', () => {
    expect(PROJECT_ROLES.every(isProjectRole)).toBe(true);
    expect(isProjectRole('admin')).toBe(false);
    expect(isProjectRole(undefined)).toBe(false);
    expect(isShareLinkRole('viewer') && isShareLinkRole('commenter')).toBe(true);
    expect(isShareLinkRole('editor') || isShareLinkRole('owner')).toBe(false);
  });
});
