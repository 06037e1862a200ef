'use client';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { AuthCallError, postAuth } from './auth-client';

const inputClass =
  'mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-blue-500 focus:outline-none focus:ring-2 focus:ring-blue-500/30 dark:border-slate-600 dark:bg-slate-900';

/** First run: the first owner's name, email and password (POST /api/setup). */
export function SetupForm({ minPasswordLength }: { minPasswordLength: number }) {
  const router = useRouter();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function handleSubmit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await postAuth('/api/setup', { name: name.trim(), email: email.trim(), password });
      router.replace('/');
      router.refresh();
    } catch (err) {
      if (err instanceof AuthCallError && err.status === 409) {
        router.replace('/sign-in');
        return;
      }
      setError(err instanceof AuthCallError ? err.message : String(err));
      setBusy(false);
    }
  }

  return (
    <form onSubmit={handleSubmit} className="space-y-4">
      {error && (
        <p role="alert" data-testid="setup-error" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-900 dark:bg-red-950 dark:text-red-200">
          {error}
        </p>
      )}
      <div>
        <label htmlFor="setup-name" className="block text-sm font-medium text-slate-700 dark:text-slate-300">
          Name
        </label>
        <input id="setup-name" autoComplete="name" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} className={inputClass} />
      </div>
      <div>
        <label htmlFor="setup-email" className="block text-sm font-medium text-slate-700 dark:text-slate-300">
          Email
        </label>
        <input id="setup-email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} className={inputClass} />
      </div>
      <div>
        <label htmlFor="setup-password" className="block text-sm font-medium text-slate-700 dark:text-slate-300">
          Password
        </label>
        <input
          id="setup-password"
          type="password"
          autoComplete="new-password"
          required
          minLength={minPasswordLength}
          aria-describedby="setup-password-hint"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          className={inputClass}
        />
        <p id="setup-password-hint" className="mt-1 text-xs text-slate-500 dark:text-slate-400">
          At least {minPasswordLength} characters.
        </p>
      </div>
      <button type="submit" disabled={busy} className="w-full rounded-md bg-blue-600 px-4 py-2 text-sm font-medium text-white shadow-sm hover:bg-blue-700 disabled:opacity-60">
        Create owner account
      </button>
    </form>
  );
}
