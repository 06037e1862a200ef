/**
 * The Better Auth calls the invite page makes, through auth-core's postAuth (readable errors). Sign-up
 * carries the invite's token (`inviteToken`): accounts on a team server are created by invitation only
 * (lib/server/auth/signup-gate.ts). Better Auth signs the new account in (autoSignIn).
 */
import { postAuth } from '@/components/auth/auth-client';

export const signUpWithInvite = (input: { name: string; email: string; password: string; inviteToken: string }) => postAuth<unknown>('/api/auth/sign-up/email', input).then(() => undefined);

export const signInWithPassword = (input: { email: string; password: string }) => postAuth<unknown>('/api/auth/sign-in/email', input).then(() => undefined);

export const signOut = () => postAuth<unknown>('/api/auth/sign-out', {}).then(() => undefined);
