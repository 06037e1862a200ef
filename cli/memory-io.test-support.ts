/** An in-memory CliIo for command tests: files and folders in maps, output captured. */
import type { ImportCommandIo } from './import-command';

export function memoryIo(files: Record<string, string>, folders: Record<string, string[]> = {}) {
  const out = { stdout: '', stderr: '', written: {} as Record<string, string> };
  const io: ImportCommandIo = {
    stdout: (t) => void (out.stdout += t),
    stderr: (t) => void (out.stderr += t),
    readText: async (f) => {
      if (!(f in files)) throw new Error(`ENOENT: no such file or directory, open '${f}'`);
      return files[f];
    },
    writeText: async (f, t) => void (out.written[f] = t),
    listFolder: async (d) => folders[d],
  };
  return { io, out };
}
