'use client';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import type { SessionInfo, UserInfo } from '@/lib/api/teams';
import { Button } from '@/components/ui/button';
import { postAuth } from './auth-client';

/**
 * Who is signed in, and Sign out (team mode). Renders nothing in solo mode. Pass `user` when the page
 * already knows it; otherwise it asks GET /api/session.
 */
export function AccountMenu({ user: given }: { user?: UserInfo | null }) {
  const router = useRouter();
  const [user, setUser] = useState<UserInfo | null>(given ?? null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (given !== undefined) return;
    let live = true;
    fetch('/api/session', { credentials: 'same-origin' })
      .then((res) => (res.ok ? (res.json() as Promise<SessionInfo>) : null))
      .then((info) => {
        if (live && info?.mode === 'team') setUser(info.user);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [given]);

  if (!user) return null;

  async function signOut() {
    setBusy(true);
    setError(null);
    try {
      await postAuth('/api/auth/sign-out', {});
      router.replace('/sign-in');
      router.refresh();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      setBusy(false);
    }
  }

  return (
    <div className="flex items-center gap-2 text-sm" data-testid="account-menu">
      <span className="max-w-48 truncate text-slate-700 dark:text-slate-300" title={user.email}>
        {user.name || user.email}
      </span>
      <Button size="sm" onClick={signOut} disabled={busy}>
        Sign out
      </Button>
      {error && (
        <span role="alert" className="text-xs text-red-700 dark:text-red-300">
          {error}
        </span>
      )}
    </div>
  );
}
