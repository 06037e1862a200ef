import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { CliIo } from './io';
import { COMMANDS, main } from './main';

function captureIo() {
  const out = { stdout: '', stderr: '' };
  const io: CliIo = {
    stdout: (t) => void (out.stdout += t),
    stderr: (t) => void (out.stderr += t),
    readText: async () => {
      throw new Error('no files in this test');
    },
    writeText: async () => undefined,
  };
  return { io, out };
}

describe('draftbase dispatcher', () => {
  it('maps every subcommand to a module that exports run', async () => {
    expect(Object.keys(COMMANDS).sort()).toEqual(['diff', 'export', 'import', 'lint', 'roundtrip']);
    const exportRun = await COMMANDS.export.load();
    expect(typeof exportRun).toBe('function');
    // `draftbase import` is part of the CLI (README): it must load, not be reported absent.
    expect(existsSync(path.resolve(__dirname, 'import-command.ts'))).toBe(true);
    const importRun = await COMMANDS.import.load();
    expect(typeof importRun).toBe('function');
  });

  it('dispatches to cli/import-command.ts', async () => {
    const { io, out } = captureIo();
    expect(await main(['import', '--help'], io)).toBe(0);
    expect(out.stdout).toMatch(/^Usage: draftbase import/);
  });

  it('reports a crash in a command as exit 1 with the error', async () => {
    const { io, out } = captureIo();
    const original = COMMANDS.export.load;
    COMMANDS.export.load = async () => async () => {
      throw new Error('boom');
    };
    try {
      expect(await main(['export'], io)).toBe(1);
      expect(out.stderr).toMatch(/draftbase export: unexpected error: Error: boom/);
    } finally {
      COMMANDS.export.load = original;
    }
  });
});
