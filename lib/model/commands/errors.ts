/** Why a command was refused. The document is never touched when one is thrown. */
export type CommandErrorCode = 'unknown-id' | 'duplicate-id' | 'duplicate-name' | 'invalid-value' | 'integrity';

export class CommandError extends Error {
  readonly code: CommandErrorCode;

  constructor(code: CommandErrorCode, message: string) {
    super(message);
    this.name = 'CommandError';
    this.code = code;
  }
}
