import { describe, expect, it } from 'vitest';
import { bindDecision, isLoopback, listenAddress } from './bind-policy';

describe('listenAddress', () => {
  it('reads -H / --hostname from the command line first, then DRAFTBASE_BIND, then HOSTNAME', () => {
    expect(listenAddress(['node', 'next', 'start', '-H', '127.0.0.1', '-p', '3000'], { DRAFTBASE_BIND: '0.0.0.0' })).toBe('127.0.0.1');
    expect(listenAddress(['node', 'next', 'start', '--hostname=0.0.0.0'], {})).toBe('0.0.0.0');
    expect(listenAddress(['node', 'next', 'start', '-H', '127.0.0.1', '--hostname', '::'], {})).toBe('::');
    expect(listenAddress(['node', 'start-server.js'], { DRAFTBASE_BIND: '192.168.1.5', HOSTNAME: 'localhost' })).toBe('192.168.1.5');
    expect(listenAddress(['node', 'server.js'], { HOSTNAME: 'localhost' })).toBe('localhost');
    expect(listenAddress(['node', 'next', 'dev'], {})).toBeUndefined();
  });
});

describe('isLoopback', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['localhost', true],
    ['::1', true],
    ['[::1]', true],
    ['0.0.0.0', false],
    ['::', false],
    ['192.168.1.5', false],
    ['draftbase.example.com', false],
    ['127.0.0.1.evil.example', false],
  ])('%s -> %s', (host, loopback) => expect(isLoopback(host)).toBe(loopback));
});

describe('bindDecision', () => {
  it('lets solo mode listen on loopback, and team mode anywhere', () => {
    expect(bindDecision('127.0.0.1', 'solo', {})).toEqual({ action: 'ok' });
    expect(bindDecision('0.0.0.0', 'team', {})).toEqual({ action: 'ok' });
    expect(bindDecision(undefined, 'team', {})).toEqual({ action: 'ok' });
  });

  it('refuses solo mode on another address or every interface, saying how to fix it', () => {
    for (const host of ['0.0.0.0', '192.168.1.5', undefined]) {
      const d = bindDecision(host, 'solo', {});
      expect(d.action).toBe('refuse');
      if (d.action === 'refuse') expect(d.message).toMatch(/127\.0\.0\.1.*DRAFTBASE_AUTH=on.*DRAFTBASE_ALLOW_REMOTE_SOLO=1/s);
    }
    expect(bindDecision('0.0.0.0', 'solo', { DRAFTBASE_ALLOW_REMOTE_SOLO: '0' }).action).toBe('refuse');
  });

  it('allows it with DRAFTBASE_ALLOW_REMOTE_SOLO=1, with a warning', () => {
    const d = bindDecision('0.0.0.0', 'solo', { DRAFTBASE_ALLOW_REMOTE_SOLO: '1' });
    expect(d.action).toBe('warn');
    if (d.action === 'warn') expect(d.message).toMatch(/WARNING: solo mode \(no sign-in\) listening on 0\.0\.0\.0/);
  });
});
