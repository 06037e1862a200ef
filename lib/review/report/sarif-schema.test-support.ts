/** Validates a SARIF log against the SARIF 2.1.0 JSON schema (test-support/README.md): the errors, empty when valid. */
import Ajv from 'ajv';
import draft04 from 'ajv/lib/refs/json-schema-draft-04.json';
import sarifSchema from './test-support/sarif-2.1.0-rtm.5.json';

let validate: Ajv.ValidateFunction | undefined;

export function sarifSchemaErrors(log: unknown): string[] {
  if (!validate) {
    const ajv = new Ajv({ schemaId: 'auto', allErrors: true });
    ajv.addMetaSchema(draft04);
    validate = ajv.compile(sarifSchema);
  }
  return validate(log) ? [] : (validate.errors ?? []).map((e) => `${e.dataPath} ${e.message}`);
}
