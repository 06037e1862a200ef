/**
 * What a server checks once when it starts (instrumentation.ts), so a misconfiguration stops it with
 * a clear message instead of surfacing as a 500 on some later request:
 * - the auth mode (DRAFTBASE_AUTH) is valid;
 * - solo mode listens only on loopback unless allowed (bind-policy.ts);
 * - team mode has a session secret (auth-secret.ts), a valid DRAFTBASE_URL and a complete OIDC setup.
 */
import 'server-only';
import { secretProblem } from './auth-secret';
import { appUrl } from './app-url';
import { bindDecision, listenAddress } from './bind-policy';
import { authMode } from './mode';
import { oidcConfig } from './oidc-config';

export interface StartupReport {
  /** Reasons not to start (printed, then the process exits). */
  errors: string[];
  warnings: string[];
}

export function startupChecks(argv: readonly string[] = process.argv, env: Record<string, string | undefined> = process.env): StartupReport {
  const errors: string[] = [];
  const warnings: string[] = [];
  let mode;
  try {
    mode = authMode(env);
  } catch (e) {
    return { errors: [e instanceof Error ? e.message : String(e)], warnings };
  }
  const bind = bindDecision(listenAddress(argv, env), mode, env);
  if (bind.action === 'refuse') errors.push(bind.message);
  if (bind.action === 'warn') warnings.push(bind.message);
  if (mode === 'team') {
    const secret = secretProblem(env);
    if (secret) errors.push(secret);
    for (const check of [() => appUrl(env), () => oidcConfig(env)]) {
      try {
        check();
      } catch (e) {
        errors.push(e instanceof Error ? e.message : String(e));
      }
    }
    if (!env.DRAFTBASE_URL?.trim()) {
      warnings.push('Team mode without DRAFTBASE_URL: session cookies are not marked Secure and sign-in links use each request\'s own address. Set DRAFTBASE_URL=https://… (the address users open).');
    }
  }
  return { errors, warnings };
}

/** Prints the report; exits the process when it has errors (instrumentation.ts, Node.js runtime only). */
export function enforceStartupChecks(report: StartupReport = startupChecks()): void {
  for (const warning of report.warnings) console.warn(`[draftbase] ${warning}`);
  if (!report.errors.length) return;
  for (const error of report.errors) console.error(`[draftbase] ${error}`);
  process.exit(1);
}
