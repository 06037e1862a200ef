/**
 * Reading what the user chose or dropped into the Import dialog as named text files: a file list from an
 * <input type="file" multiple> or <input webkitdirectory>, or a drop that may contain folders (walked
 * with the File and Directory Entries API, which browsers expose as webkitGetAsEntry).
 */
import type { SourceFile } from '@/lib/importers/types';
import { isSqliteHeader, stripTopFolder } from './import-client';

/** What the user chose: text files, or one SQLite database file (sent as bytes, never read as text). */
export interface PickedSources {
  files: SourceFile[];
  folderName?: string;
  database?: File;
}

/** Whether `file` starts with the SQLite 3 header. */
export async function isSqliteDatabase(file: Blob): Promise<boolean> {
  if (file.size < 16) return false;
  return isSqliteHeader(new Uint8Array(await file.slice(0, 16).arrayBuffer()));
}

/** Files of an <input type="file">; a webkitdirectory pick names them below the chosen folder. */
export async function readFileList(list: FileList | readonly File[]): Promise<PickedSources> {
  const files = Array.from(list);
  if (files.length === 1 && !files[0].webkitRelativePath && (await isSqliteDatabase(files[0]))) return { files: [], database: files[0] };
  const relative = files.map((f) => f.webkitRelativePath || f.name);
  const folderName = files[0]?.webkitRelativePath ? files[0].webkitRelativePath.split('/')[0] : undefined;
  const out = await Promise.all(files.map(async (f, i) => ({ name: folderName ? stripTopFolder(relative[i]) : f.name, content: await f.text() })));
  return { files: out, folderName };
}

function entryFile(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

function readAllEntries(dir: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = dir.createReader();
  const all: FileSystemEntry[] = [];
  // readEntries returns batches (about 100 at a time in Chromium) until an empty batch.
  return new Promise((resolve, reject) => {
    const next = () =>
      reader.readEntries((batch) => {
        if (!batch.length) resolve(all);
        else {
          all.push(...batch);
          next();
        }
      }, reject);
    next();
  });
}

async function walk(entry: FileSystemEntry, prefix: string, out: SourceFile[], budget: { files: number }): Promise<void> {
  if (budget.files <= 0) return;
  if (entry.isFile) {
    budget.files--;
    const file = await entryFile(entry as FileSystemFileEntry);
    out.push({ name: `${prefix}${entry.name}`, content: await file.text() });
  } else if (entry.isDirectory) {
    for (const child of await readAllEntries(entry as FileSystemDirectoryEntry)) await walk(child, `${prefix}${entry.name}/`, out, budget);
  }
}

/** A drop: files as they are; a single dropped folder gives files named below it. */
export async function readDrop(dataTransfer: DataTransfer, maxFiles = 1000): Promise<PickedSources> {
  const entries = Array.from(dataTransfer.items)
    .map((item) => (item.kind === 'file' ? item.webkitGetAsEntry?.() : null))
    .filter((e): e is FileSystemEntry => !!e);
  if (!entries.length || (entries.length === 1 && entries[0].isFile && dataTransfer.files.length === 1)) return readFileList(dataTransfer.files);
  const out: SourceFile[] = [];
  const budget = { files: maxFiles };
  for (const e of entries) await walk(e, '', out, budget);
  const folderName = entries.length === 1 && entries[0].isDirectory ? entries[0].name : undefined;
  return { files: folderName ? out.map((f) => ({ ...f, name: stripTopFolder(f.name) })) : out, folderName };
}
