import { describe, expect, it } from 'vitest';
import { capabilitiesOf } from '@/lib/auth/roles';
import { accessFromBody, readOnlyReason } from './access';

describe('the editor under roles (issue 18)', () => {
  it('no access (solo) and editors and owners may edit; viewers and commenters get the reason', () => {
    expect(readOnlyReason(undefined)).toBeUndefined();
    expect(readOnlyReason({ role: 'editor', capabilities: capabilitiesOf('editor'), via: 'member' })).toBeUndefined();
    expect(readOnlyReason({ role: 'owner', capabilities: capabilitiesOf('owner'), via: 'member' })).toBeUndefined();
    expect(readOnlyReason({ role: 'viewer', capabilities: capabilitiesOf('viewer'), via: 'member' })).toBe('Read-only: your role is viewer');
    expect(readOnlyReason({ role: 'commenter', capabilities: capabilitiesOf('commenter'), via: 'share' })).toBe('Read-only: your role is commenter');
  });

  it('reads access beside or inside the project, and recomputes capabilities from the role', () => {
    const viewer = { role: 'viewer', capabilities: { view: true, comment: true, edit: true, manage: true }, via: 'share' };
    expect(accessFromBody({ project: { id: 'p' }, access: viewer })).toEqual({ role: 'viewer', capabilities: capabilitiesOf('viewer'), via: 'share' });
    expect(accessFromBody({ project: { id: 'p', access: { role: 'editor', via: 'member' } } })?.capabilities.edit).toBe(true);
    expect(accessFromBody({ project: { id: 'p' } })).toBeUndefined();
    expect(accessFromBody({ access: { role: 'admin' } })).toBeUndefined();
  });
});
