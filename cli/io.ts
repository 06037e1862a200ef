/**
 * What a CLI command may touch, passed in so commands run in tests without spawning a process:
 * output streams, files and the working directory. `nodeIo` is the real one.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Reads a file as UTF-8; `-` reads standard input. */
  readText(file: string): Promise<string>;
  writeText(file: string, text: string): Promise<void>;
}

/** Signature every subcommand module exports as `run`: arguments after the subcommand, exit code back. */
export type CommandRun = (args: string[], io: CliIo) => Promise<number>;

/**
 * Exit codes: 0 success, 1 unexpected failure, 2 bad input (usage, unreadable/invalid document; an
 * output with errors under `export --strict`), 3 written with errors (the statements the target
 * would reject are in the file, commented out).
 */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_BAD_INPUT = 2;
export const EXIT_WRITTEN_WITH_ERRORS = 3;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

export const nodeIo: CliIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  readText: (file) => (file === '-' ? readStdin() : readFile(path.resolve(file), 'utf8')),
  writeText: (file, text) => writeFile(path.resolve(file), text, 'utf8'),
};
