import { describe, expect, it } from 'vitest';
import { pageRedirect } from './page-gate';

describe('pageRedirect', () => {
  it('never redirects in solo mode', () => {
    expect(pageRedirect('solo', '/projects/p1', '', null)).toBeUndefined();
  });

  it('sends a signed-out page request to /sign-in with the path to come back to', () => {
    expect(pageRedirect('team', '/', '', null)).toBe('/sign-in');
    expect(pageRedirect('team', '/projects/p1', '?tab=doc', null)).toBe('/sign-in?next=%2Fprojects%2Fp1%3Ftab%3Ddoc');
    expect(pageRedirect('team', '/projects/p1', '', 'theme=dark; draftbase.session_token=')).toBe('/sign-in?next=%2Fprojects%2Fp1');
  });

  it('lets through requests with a session cookie, and the open pages and files', () => {
    expect(pageRedirect('team', '/projects/p1', '', 'draftbase.session_token=abc.def')).toBeUndefined();
    expect(pageRedirect('team', '/projects/p1', '', '__Secure-draftbase.session_token=abc.def')).toBeUndefined();
    for (const path of ['/sign-in', '/setup', '/s/tok123', '/invite/tok123', '/favicon.ico', '/robots.txt']) {
      expect(pageRedirect('team', path, '', null)).toBeUndefined();
    }
    expect(pageRedirect('team', '/sign-in-elsewhere', '', null)).toBe('/sign-in?next=%2Fsign-in-elsewhere');
  });
});
