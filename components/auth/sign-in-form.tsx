'use client';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { AuthCallError, postAuth } from './auth-client';

const inputClass =
  'mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-blue-500 focus:outline-none focus:ring-2 focus:ring-blue-500/30 dark:border-slate-600 dark:bg-slate-900';
const primaryClass = 'w-full rounded-md bg-blue-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-blue-700 disabled:opacity-60';
const secondaryClass =
  'w-full rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 shadow-sm hover:bg-slate-100 disabled:opacity-60 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700';

export interface SignInFormProps {
  /** Same-site path to open after signing in (already checked by the page). */
  next: string;
  /** The OpenID Connect button's label, when a provider is configured. */
  oidcLabel: string | null;
  initialError?: string | null;
  /** An invite token, for a first sign-in through OpenID Connect that creates the account. */
  inviteToken?: string | null;
}

/** Email + password sign-in, and the single sign-on button. */
export function SignInForm({ next, oidcLabel, initialError = null, inviteToken = null }: SignInFormProps) {
  const router = useRouter();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(initialError);

  async function handleSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await postAuth('/api/auth/sign-in/email', { email: email.trim(), password });
      router.replace(next);
      router.refresh();
    } catch (err) {
      setError(err instanceof AuthCallError ? err.message : String(err));
      setBusy(false);
    }
  }

  async function handleOidc() {
    setBusy(true);
    setError(null);
    if (inviteToken) {
      // The OpenID Connect callback creates the account; it reads the invite from this cookie (15 min).
      const secure = window.location.protocol === 'https:' ? '; Secure' : '';
      document.cookie = `draftbase_invite=${encodeURIComponent(inviteToken)}; Path=/api/auth; Max-Age=900; SameSite=Lax${secure}`;
    }
    try {
      const { url } = await postAuth<{ url: string }>('/api/auth/sign-in/social', { provider: 'oidc', callbackURL: next, errorCallbackURL: '/sign-in' });
      window.location.assign(url);
    } catch (err) {
      setError(err instanceof AuthCallError ? err.message : String(err));
      setBusy(false);
    }
  }

  return (
    <div className="space-y-6">
      {error && (
        <p role="alert" data-testid="sign-in-error" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200">
          {error}
        </p>
      )}
      <form onSubmit={handleSubmit} className="space-y-4">
        <div>
          <label htmlFor="sign-in-email" className="block text-sm font-medium text-slate-700 dark:text-slate-300">
            Email
          </label>
          <input id="sign-in-email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} className={inputClass} />
        </div>
        <div>
          <label htmlFor="sign-in-password" className="block text-sm font-medium text-slate-700 dark:text-slate-300">
            Password
          </label>
          <input id="sign-in-password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} className={inputClass} />
        </div>
        <button type="submit" disabled={busy} className={primaryClass}>
          Sign in
        </button>
      </form>
      {oidcLabel && (
        <div className="space-y-2 border-t border-slate-200 pt-4 dark:border-slate-800">
          <button type="button" disabled={busy} onClick={handleOidc} className={secondaryClass}>
            {`Sign in with ${oidcLabel}`}
          </button>
        </div>
      )}
    </div>
  );
}
