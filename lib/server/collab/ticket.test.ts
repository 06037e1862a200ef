import { describe, expect, it } from 'vitest';
import { COLLAB_TICKET_TTL_MS } from '@/lib/api/collab';
import { allowedOrigin } from './origin';
import { issueTicket, verifyTicket, type TicketClaims } from './ticket';

const SECRET = 'a-test-secret-of-at-least-32-characters!!';
const claims: TicketClaims = { projectId: 'prj_1', userId: 'usr_1', name: 'Ada', role: 'editor', via: 'member', readOnly: false };
const NOW = Date.UTC(2026, 0, 1);

describe('collab tickets', () => {
  it('verifies what it signed, until it expires', () => {
    const { ticket, expiresAt } = issueTicket(claims, SECRET, NOW);
    expect(expiresAt).toBe(new Date(NOW + COLLAB_TICKET_TTL_MS).toISOString());
    expect(verifyTicket(ticket, SECRET, NOW + 1000)).toEqual(claims);
    expect(verifyTicket(ticket, SECRET, NOW + COLLAB_TICKET_TTL_MS - 1)).toEqual(claims);
    expect(verifyTicket(ticket, SECRET, NOW + COLLAB_TICKET_TTL_MS)).toBeUndefined();
  });

  it('refuses another key, a tampered payload or signature, and garbage', () => {
    const { ticket } = issueTicket(claims, SECRET, NOW);
    expect(verifyTicket(ticket, `${SECRET}x`, NOW)).toBeUndefined();
    const [payload, sig] = ticket.split('.');
    const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url').toString()), role: 'owner', readOnly: false })).toString('base64url');
    expect(verifyTicket(`${forged}.${sig}`, SECRET, NOW)).toBeUndefined();
    const flipped = sig.slice(0, -2) + (sig.at(-2) === 'A' ? 'B' : 'A') + sig.at(-1);
    expect(verifyTicket(`${payload}.${flipped}`, SECRET, NOW)).toBeUndefined();
    for (const bad of ['', '.', 'abc', `${payload}.`, `.${sig}`, `${payload}.${sig}.x`, 'x'.repeat(5000), 42, null, undefined]) {
      expect(verifyTicket(bad, SECRET, NOW)).toBeUndefined();
    }
  });

  it('signs a share link ticket with its link id', () => {
    const share: TicketClaims = { projectId: 'prj_1', userId: 'share:shl_1', name: 'Guest', role: 'viewer', via: 'share', shareLinkId: 'shl_1', readOnly: true };
    expect(verifyTicket(issueTicket(share, SECRET, NOW).ticket, SECRET, NOW)).toEqual(share);
  });
});

describe('allowed WebSocket origins', () => {
  const solo = { DATABASE_URL: 'file:/tmp/x.db' };
  const team = { DRAFTBASE_AUTH: 'on' };
  it('solo: loopback pages on any port; never another site', () => {
    expect(allowedOrigin('http://localhost:3000', '127.0.0.1:3001', [], solo)).toBe(true);
    expect(allowedOrigin('http://127.0.0.1:5173', '127.0.0.1:3001', [], solo)).toBe(true);
    expect(allowedOrigin('https://evil.example', '127.0.0.1:3001', [], solo)).toBe(false);
    expect(allowedOrigin('null', '127.0.0.1:3001', [], solo)).toBe(false);
  });
  it('no Origin (not a browser) is allowed; two Origin headers are not', () => {
    expect(allowedOrigin(undefined, 'x:1', [], team)).toBe(true);
    expect(allowedOrigin(['http://a', 'http://b'], 'x:1', [], team)).toBe(false);
  });
  it('team: the configured origins, else the host serving the app', () => {
    const env = { ...team, DRAFTBASE_URL: 'https://erd.example.com', DRAFTBASE_ORIGIN: 'https://a.example.com, https://b.example.com' };
    expect(allowedOrigin('https://erd.example.com', 'erd.example.com:3001', [], env)).toBe(true);
    expect(allowedOrigin('https://b.example.com', 'erd.example.com:3001', [], env)).toBe(true);
    expect(allowedOrigin('http://localhost:3000', 'localhost:3001', [], env)).toBe(false);
    expect(allowedOrigin('https://erd.example.com.evil.example', 'erd.example.com:3001', [], env)).toBe(false);
    expect(allowedOrigin('http://erd.internal:3000', 'erd.internal:3001', [], team)).toBe(true);
    expect(allowedOrigin('http://evil.example', 'erd.internal:3001', [], team)).toBe(false);
  });
});
