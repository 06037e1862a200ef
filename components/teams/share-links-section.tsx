'use client';
/**
 * Read-only links (owner): anyone with one opens the project as a viewer (or a commenter) without an
 * account. Each is shown once when created; revoking stops it at once, open tabs included.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { ShareLinkInfo, ShareLinkRole } from '@/lib/api/teams';
import { ROLE_LABELS, SHARE_LINK_ROLES } from '@/lib/auth/roles';
import { Button } from '@/components/ui/button';
import { controlClass } from '@/components/ui/styles';
import { CopyLink } from './copy-link';
import { useTeamAction } from './use-team-action';
import { endOfDayIso, errorText, shortDate } from './format';
import { absoluteUrl, createShareLink, listShareLinks, revokeShareLink } from './teams-client';

export function ShareLinksSection({ projectId }: { projectId: string }) {
  const [links, setLinks] = useState<ShareLinkInfo[]>();
  const [role, setRole] = useState<ShareLinkRole>('viewer');
  const [label, setLabel] = useState('');
  const [expires, setExpires] = useState('');
  const [created, setCreated] = useState<string>();
  const [loadError, setLoadError] = useState<string>();
  const reload = useCallback(() => {
    listShareLinks(projectId).then(
      (r) => setLinks(r.links),
      (e: unknown) => setLoadError(errorText(e)),
    );
  }, [projectId]);
  useEffect(reload, [reload]);
  const { busy, error: actionError, run } = useTeamAction(reload);
  const error = actionError ?? loadError;

  const create = async (e: FormEvent) => {
    e.preventDefault();
    await run(async () => {
      const expiresAt = endOfDayIso(expires);
      const r = await createShareLink(projectId, { role, ...(label.trim() && { label: label.trim() }), ...(expiresAt && { expiresAt }) });
      setCreated(absoluteUrl(r.url));
      setLabel('');
      setExpires('');
    });
  };
  const revoke = (id: string) => run(() => revokeShareLink(projectId, id), id);

  return (
    <section aria-labelledby="share-links-title" className="flex flex-col gap-1">
      <h3 id="share-links-title" className="text-sm font-semibold">
        Share links
      </h3>
      <p className="text-[11px] text-slate-500">Anyone with a link sees the canvas, the diagram and the design document, without an account.</p>
      <form className="flex flex-wrap items-end gap-1" onSubmit={create}>
        <label className="flex flex-col text-[11px]">
          Link role
          <select className={controlClass} value={role} onChange={(e) => setRole(e.target.value as ShareLinkRole)} data-testid="share-role">
            {SHARE_LINK_ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </label>
        <label className="flex min-w-0 flex-1 flex-col text-[11px]">
          Label (optional)
          <input className={controlClass} value={label} maxLength={200} onChange={(e) => setLabel(e.target.value)} data-testid="share-label" />
        </label>
        <label className="flex flex-col text-[11px]">
          Expires (optional)
          <input type="date" className={controlClass} value={expires} onChange={(e) => setExpires(e.target.value)} data-testid="share-expires" />
        </label>
        <Button type="submit" variant="primary" disabled={busy === true} data-testid="share-create">
          Create link
        </Button>
      </form>
      {error && (
        <p role="alert" className="text-xs text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
      {created && <CopyLink url={created} label="Share link" testId="share-url" />}
      <table className="w-full text-left text-xs" aria-label="Share links">
        <thead className="text-slate-500">
          <tr>
            <th className="font-medium">Role</th>
            <th className="font-medium">Label</th>
            <th className="font-medium">Expires</th>
            <th className="font-medium">Created</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {links?.length === 0 && (
            <tr>
              <td colSpan={5} className="py-1 text-slate-500">
                No links yet.
              </td>
            </tr>
          )}
          {links?.map((l) => (
            <tr key={l.id} data-testid="share-link" data-label={l.label ?? ''} data-revoked={l.revokedAt ? 'true' : undefined}>
              <td>{ROLE_LABELS[l.role]}</td>
              <td className="max-w-32 truncate">{l.label ?? '—'}</td>
              <td>{shortDate(l.expiresAt)}</td>
              <td>{shortDate(l.createdAt)}</td>
              <td className="text-right">
                {l.revokedAt ? (
                  <span className="text-slate-500">Revoked</span>
                ) : (
                  <Button variant="danger" onClick={() => void revoke(l.id)} data-testid="share-revoke">
                    Revoke
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
