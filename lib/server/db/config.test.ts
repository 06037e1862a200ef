import { describe, expect, it } from 'vitest';
import { describeDatabase, resolveDatabaseConfig } from './config';

describe('resolveDatabaseConfig', () => {
  it.each([
    [undefined, { provider: 'sqlite', path: '/srv/app/data/draftbase.db' }],
    ['', { provider: 'sqlite', path: '/srv/app/data/draftbase.db' }],
    ['file:./db/x.db', { provider: 'sqlite', path: '/srv/app/db/x.db' }],
    ['file:x.db', { provider: 'sqlite', path: '/srv/app/x.db' }],
    ['file:/var/lib/draftbase.db', { provider: 'sqlite', path: '/var/lib/draftbase.db' }],
    ['file:///var/lib/draftbase.db', { provider: 'sqlite', path: '/var/lib/draftbase.db' }],
    ['file:/tmp/my%20projects.db?mode=rwc', { provider: 'sqlite', path: '/tmp/my projects.db' }],
    ['postgresql://u:p@db:5432/draftbase', { provider: 'postgres', url: 'postgresql://u:p@db:5432/draftbase' }],
    ['postgres://db/draftbase', { provider: 'postgres', url: 'postgres://db/draftbase' }],
  ])('%s', (url, expected) => {
    expect(resolveDatabaseConfig(url, '/srv/app')).toMatchObject(expected);
  });

  it.each([
    ['mysql://root@localhost/x', /unsupported scheme "mysql"/],
    ['file::memory:', /needs a file path/],
    ['file:', /needs a file path/],
  ])('rejects %s', (url, message) => {
    expect(() => resolveDatabaseConfig(url, '/srv/app')).toThrow(message);
  });

  it('masks passwords when describing the database', () => {
    expect(describeDatabase(resolveDatabaseConfig('postgresql://me:secret@db:5432/d'))).toBe('PostgreSQL at postgresql://me:***@db:5432/d');
    expect(describeDatabase(resolveDatabaseConfig('file:/tmp/a.db'))).toBe('SQLite at /tmp/a.db');
  });
});
