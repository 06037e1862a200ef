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
    expect(Object.keys(COMMANDS).sort()).toEqual(['export', 'import']);
    const exportRun = await COMMANDS.export.load();
    expect(typeof exportRun).toBe('function');
    const importRun = await COMMANDS.import.load();
    // The import command is written by another part of the project: present or reported absent.
    expect(importRun === undefined).toBe(!existsSync(path.resolve(__dirname, 'import-command.ts')));
  });

  it.skipIf(!existsSync(path.resolve(__dirname, 'import-command.ts')))('dispatches to cli/import-command.ts when it is present', async () => {
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
