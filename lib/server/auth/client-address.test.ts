import { describe, expect, it } from 'vitest';
import { clientAddress } from './client-address';

const h = (xff?: string) => new Headers(xff === undefined ? {} : { 'x-forwarded-for': xff });

describe('clientAddress', () => {
  it('is the shared key "local" unless DRAFTBASE_TRUST_PROXY=1: any client can write X-Forwarded-For', () => {
    expect(clientAddress(h('203.0.113.9'), {})).toBe('local');
    expect(clientAddress(h('203.0.113.9'), { DRAFTBASE_TRUST_PROXY: '0' })).toBe('local');
  });

  it('behind a trusted proxy, is the last X-Forwarded-For entry (the one our proxy appended)', () => {
    const env = { DRAFTBASE_TRUST_PROXY: '1' };
    expect(clientAddress(h('203.0.113.9'), env)).toBe('203.0.113.9');
    expect(clientAddress(h('1.2.3.4, 203.0.113.9'), env)).toBe('203.0.113.9');
    expect(clientAddress(h('2001:DB8::1'), env)).toBe('2001:db8::1');
    expect(clientAddress(h('[2001:db8::1]:443'), env)).toBe('2001:db8::1');
    expect(clientAddress(h('203.0.113.9:5555'), env)).toBe('203.0.113.9');
    expect(clientAddress(h('not-an-ip'), env)).toBe('local');
    expect(clientAddress(h(), env)).toBe('local');
  });
});
