'use client';
/**
 * An invite link (/invite/:token): which project, which role, for which email. Signed out, the
 * invitee creates an account (the email is the invite's; the token goes with the sign-up, which a
 * team server allows only with an invite) or signs in; then Accept opens the project.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useRouter } from 'next/navigation';
import type { SessionInfo } from '@/lib/api/teams';
import { ROLE_LABELS } from '@/lib/auth/roles';
import { Button } from '@/components/ui/button';
import { controlClass } from '@/components/ui/styles';
import { signInWithPassword, signOut, signUpWithInvite } from './auth-requests';
import { errorText, shortDate } from './format';
import { acceptInvite, fetchInvite, fetchSession, TeamsApiError, type InviteDetails } from './teams-client';

type Load = { kind: 'loading' } | { kind: 'gone'; message: string } | { kind: 'ready'; invite: InviteDetails; session: SessionInfo };

export function InvitePage({ token }: { token: string }) {
  const router = useRouter();
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  // Bumped after signing in or out: the invite and the session are read again.
  const [loads, setLoads] = useState(0);
  const refresh = useCallback(async () => setLoads((n) => n + 1), []);
  useEffect(() => {
    let stop = false;
    Promise.all([fetchInvite(token), fetchSession()]).then(
      ([invite, session]) => !stop && setLoad({ kind: 'ready', invite, session }),
      (e: unknown) =>
        !stop && setLoad({ kind: 'gone', message: e instanceof TeamsApiError && e.status === 404 ? 'This invite link is not valid: it may have expired, been revoked or already been used.' : errorText(e) }),
    );
    return () => {
      stop = true;
    };
  }, [token, loads]);

  const work = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await fn();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  if (load.kind === 'loading') return <Shell><p role="status" className="text-sm text-slate-500">Loading the invite…</p></Shell>;
  if (load.kind === 'gone') return <Shell><p role="alert" className="text-sm">{load.message}</p></Shell>;

  const { invite, session } = load;
  const user = session.user;
  const accept = () =>
    work(async () => {
      const { projectId } = await acceptInvite(token);
      router.push(`/projects/${encodeURIComponent(projectId)}`);
    });

  return (
    <Shell>
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm" data-testid="invite-details">
        <dt className="text-slate-500">Project</dt>
        <dd className="font-medium" data-testid="invite-project">{invite.projectName}</dd>
        <dt className="text-slate-500">Role</dt>
        <dd data-testid="invite-role">{ROLE_LABELS[invite.role]}</dd>
        <dt className="text-slate-500">For</dt>
        <dd data-testid="invite-for">{invite.email}</dd>
        <dt className="text-slate-500">Expires</dt>
        <dd>{shortDate(invite.expiresAt)}</dd>
      </dl>
      {error && (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
      {user ? (
        user.email.trim().toLowerCase() === invite.email.trim().toLowerCase() ? (
          <Button variant="primary" size="sm" disabled={busy} onClick={() => void accept()}>
            Accept
          </Button>
        ) : (
          <div className="flex flex-col gap-2 text-sm">
            <p>
              You are signed in as {user.email}; this invite is for {invite.email}.
            </p>
            <Button size="sm" disabled={busy} onClick={() => void work(async () => (await signOut(), await refresh()))}>
              Sign out
            </Button>
          </div>
        )
      ) : (
        <SignedOut token={token} email={invite.email} busy={busy} work={work} onSignedIn={refresh} />
      )}
    </Shell>
  );
}

function SignedOut({ token, email, busy, work, onSignedIn }: { token: string; email: string; busy: boolean; work: (fn: () => Promise<void>) => Promise<void>; onSignedIn: () => Promise<void> }) {
  const [mode, setMode] = useState<'create' | 'sign-in'>('create');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void work(async () => {
      if (mode === 'create') await signUpWithInvite({ name: name.trim(), email, password, inviteToken: token });
      else await signInWithPassword({ email, password });
      await onSignedIn();
    });
  };
  return (
    <form className="flex flex-col gap-2" onSubmit={submit} aria-label={mode === 'create' ? 'Create your account' : 'Sign in'}>
      <h2 className="text-sm font-semibold">{mode === 'create' ? 'Create your account' : 'Sign in'}</h2>
      <label className="flex flex-col gap-0.5 text-xs">
        Email
        <input className={controlClass} value={email} readOnly aria-readonly />
      </label>
      {mode === 'create' && (
        <label className="flex flex-col gap-0.5 text-xs">
          Name
          <input className={controlClass} value={name} required maxLength={200} autoComplete="name" onChange={(e) => setName(e.target.value)} />
        </label>
      )}
      <label className="flex flex-col gap-0.5 text-xs">
        Password
        <input className={controlClass} type="password" value={password} required minLength={mode === 'create' ? 8 : undefined} autoComplete={mode === 'create' ? 'new-password' : 'current-password'} onChange={(e) => setPassword(e.target.value)} />
      </label>
      <Button type="submit" variant="primary" size="sm" disabled={busy}>
        {mode === 'create' ? 'Create account' : 'Sign in'}
      </Button>
      <button type="button" className="self-start text-xs text-blue-600 underline" onClick={() => setMode(mode === 'create' ? 'sign-in' : 'create')}>
        {mode === 'create' ? 'I already have an account: sign in' : 'I need an account: create one'}
      </button>
    </form>
  );
}

function Shell({ children }: { children: React.ReactNode }) {
  return (
    <main className="mx-auto flex max-w-md flex-col gap-4 px-4 py-16" data-testid="invite-page">
      <h1 className="text-xl font-semibold">You are invited to a Draftbase project</h1>
      {children}
    </main>
  );
}
