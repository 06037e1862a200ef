/**
 * `draftbase <command> [args]`: a map from subcommand to the module that runs it. Each module exports
 * `run(args, io): Promise<number>` (see CommandRun in io.ts), loaded only when its command runs.
 */
import { EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK, type CliIo, type CommandRun } from './io';

interface Command {
  summary: string;
  /** Resolves the command's `run` (its module is imported only when the command is used). */
  load: () => Promise<CommandRun>;
}

export const COMMANDS: Record<string, Command> = {
  export: {
    summary: 'render a document as PostgreSQL/MySQL DDL, a mermaid ERD or the index strategy table',
    load: async () => (await import('./export-command')).run,
  },
  import: {
    summary: 'import SQL, Prisma or DBML into a Draftbase document',
    load: async () => (await import('./import-command')).run,
  },
  roundtrip: {
    summary: 'check that Draftbase recreates a SQL dump exactly, on a PostgreSQL or MariaDB/MySQL server',
    load: async () => (await import('./roundtrip-command')).run,
  },
  diff: {
    summary: 'compare two versions of a schema: the changes, the migration script (up/down) and its safety lint',
    load: async () => (await import('./diff-command')).run,
  },
  lint: {
    summary: 'review a schema design (keys, indexes, types, naming...): text, JSON, SARIF or GitHub annotations',
    load: async () => (await import('./lint-command')).run,
  },
};

export function usage(): string {
  const lines = ['Usage: draftbase <command> [options]', '', 'Commands:'];
  for (const [name, c] of Object.entries(COMMANDS)) lines.push(`  ${name.padEnd(8)} ${c.summary}`);
  lines.push('', 'Run `draftbase <command> --help` for the options of a command.', '');
  return lines.join('\n');
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout)(usage());
    return name === undefined ? EXIT_BAD_INPUT : EXIT_OK;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    io.stderr(`draftbase: unknown command "${name}"\n\n${usage()}`);
    return EXIT_BAD_INPUT;
  }
  const run = await command.load();
  try {
    return await run(args, io);
  } catch (err) {
    io.stderr(`draftbase ${name}: unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return EXIT_FAILURE;
  }
}
