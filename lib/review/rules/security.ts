/**
 * Security: columns whose names say they hold personal data or secrets, and whether the design says
 * so. Classification (lib/model/classification.ts) drives the design document's Security section, so
 * an unclassified password column is a gap in that section, not only a missing label.
 */
import { CLASSIFICATION_LABELS, isProtectedColumn } from '../../model/classification';
import type { Column, DataClassification, Table } from '../../model/document';
import type { ReviewModel } from '../model';
import type { RawFinding, Rule } from '../types';

/** Words (or word pairs) in a column name, and the classification their data usually needs. */
const SINGLE: Record<string, DataClassification> = {
  password: 'special', passwd: 'special', pwd: 'special', secret: 'special', token: 'special', apikey: 'special', otp: 'special', totp: 'special',
  mfa: 'special', credential: 'special', credentials: 'special', cvv: 'special', cvc: 'special', pin: 'special', diagnosis: 'special', medical: 'special', biometric: 'special',
  email: 'personal', phone: 'personal', mobile: 'personal', telephone: 'personal', ssn: 'personal', dob: 'personal', birthday: 'personal', birthdate: 'personal', birth: 'personal',
  address: 'personal', street: 'personal', postcode: 'personal', zipcode: 'personal', passport: 'personal', surname: 'personal', firstname: 'personal', lastname: 'personal', gender: 'personal',
  iban: 'confidential', salary: 'confidential', income: 'confidential',
};
const PAIRS: Record<string, DataClassification> = {
  'api key': 'special', 'private key': 'special', 'secret key': 'special', 'access key': 'special', 'e mail': 'personal', 'first name': 'personal', 'last name': 'personal', 'full name': 'personal',
  'given name': 'personal', 'family name': 'personal', 'ip address': 'personal', 'postal code': 'personal', 'zip code': 'personal', 'national id': 'personal', 'tax id': 'personal',
  'card number': 'confidential', 'credit card': 'confidential', 'account number': 'confidential', 'routing number': 'confidential',
};
/**
 * Last words that keep the data what it was (`password_hash`, `email_address`, `card_number`). Any
 * other last word makes the column about the data, not the data (`email_quota`, `password_policy`,
 * `health_check`): the sensitive word must be the name's head noun or stand just before one of these.
 */
const QUALIFIERS = new Set(['hash', 'hashed', 'salt', 'digest', 'ciphertext', 'encrypted', 'address', 'number', 'no', 'num', 'value']);
const SENSITIVE_IDS = new Set(['national', 'tax', 'passport', 'ssn']);
const TEMPORAL = new Set(['date', 'time', 'timetz', 'timestamp', 'timestamptz', 'interval', 'year']);

const RANK: Record<DataClassification, number> = { public: 0, internal: 1, confidential: 2, personal: 3, special: 4 };
const stronger = (a: DataClassification | undefined, b: DataClassification | undefined) => (!a || (b && RANK[b] > RANK[a]) ? b : a);

/** What a column name alone says: the level its words suggest, and whether it names a birth date or a sensitive id. */
interface NameVerdict {
  level?: DataClassification;
  birth: boolean;
  endsWithId: boolean;
  sensitiveId: boolean;
}

function nameVerdict(words: readonly string[]): NameVerdict {
  const last = words[words.length - 1];
  const birth = words.some((w) => w === 'birth' || w === 'dob' || w === 'birthday' || w === 'birthdate');
  const verdict: NameVerdict = { birth, endsWithId: last === 'id', sensitiveId: words.some((w) => SENSITIVE_IDS.has(w)) };
  if (!last) return verdict;
  // The head noun: the last word, or the one before a qualifier (`password_hash`, `refresh_token_ciphertext`).
  const head = QUALIFIERS.has(last) && words.length > 1 ? words.length - 2 : words.length - 1;
  let level = stronger(SINGLE[last], SINGLE[words[head]]);
  if (head > 0) level = stronger(level, PAIRS[`${words[head - 1]} ${words[head]}`]);
  // A pair that is itself the qualified noun (`ip_address`, `card_number`, `postal_code`).
  if (words.length > 1) level = stronger(level, PAIRS[`${words[words.length - 2]} ${last}`]);
  if (birth) level = stronger(level, 'personal');
  verdict.level = level;
  return verdict;
}

/** The classification a column's name suggests, or undefined when the name says nothing sensitive. */
export function suggestedClassification(model: ReviewModel, table: Table, column: Column): DataClassification | undefined {
  // Names repeat across tables (email, created_at): each distinct name is read once per run.
  const verdicts = model.memo('security:names', () => new Map<string, NameVerdict>());
  let v = verdicts.get(column.name);
  if (!v) verdicts.set(column.name, (v = nameVerdict(model.words(column.name))));
  if (!v.level) return undefined;
  const scalar = model.scalarOf(column.type);
  if (scalar?.name === 'boolean') return undefined;
  if (scalar && TEMPORAL.has(scalar.name) && !v.birth) return undefined;
  // References and surrogate ids point at data; they are not the data (a national or tax id is).
  if ((v.endsWithId || model.isForeignKeyColumn(table.id, column.id)) && !v.sensitiveId) return undefined;
  return v.level;
}

const unclassified: Rule = {
  id: 'sensitive-column-unclassified',
  title: 'Sensitive-looking column without a classification',
  category: 'security',
  defaultSeverity: 'warning',
  rationale:
    'Columns named like credentials, contact details or financial data need access control, masking or encryption; until they are classified, the design document\'s Security section does not list them and nobody is asked how they are protected.',
  suggestion: 'Classify the column (personal data, special category / secret, confidential), or public if the name misleads.',
  fix: 'Classifies the column at the level its name suggests.',
  sources: ['Bytebase SQL review (data classification / sensitive data masking)', 'GDPR Art. 30 records of processing', 'tbls lint requireColumnComment'],
  check: ({ model }) => {
    const out: RawFinding[] = [];
    for (const table of model.tables) {
      for (const column of table.columns) {
        if (column.classification !== undefined) continue;
        const level = suggestedClassification(model, table, column);
        if (!level) continue;
        out.push({
          target: { kind: 'column', tableId: table.id, columnId: column.id },
          key: `sensitive-column-unclassified:${table.id}:${column.id}`,
          message: `${model.columnLabel(table, column)} looks like ${level === 'special' ? 'a secret or special-category data' : level === 'personal' ? 'personal data' : 'confidential data'} but is not classified${column.comment?.trim() ? '' : ' nor commented'}`,
          fix: { title: `Classify ${table.name}.${column.name} as ${CLASSIFICATION_LABELS[level]}`, command: { type: 'column.update', tableId: table.id, columnId: column.id, changes: { classification: level } } },
        });
      }
    }
    return out;
  },
};

const undocumented: Rule = {
  id: 'protected-column-undocumented',
  title: 'Protected column without a word on its protection',
  category: 'security',
  defaultSeverity: 'info',
  rationale: 'A column classified confidential, personal or secret should say how it is protected (hashed, encrypted, masked, who may read it); the Security section quotes it.',
  suggestion: 'Write in the column comment how the data is protected and who may read it.',
  sources: ['tbls lint requireColumnComment', 'Bytebase SQL review column.comment'],
  check: ({ model }) => {
    const out: RawFinding[] = [];
    for (const table of model.tables) {
      for (const column of table.columns) {
        if (!isProtectedColumn(column) || column.comment?.trim()) continue;
        out.push({
          target: { kind: 'column', tableId: table.id, columnId: column.id },
          key: `protected-column-undocumented:${table.id}:${column.id}`,
          message: `${model.columnLabel(table, column)} is classified ${CLASSIFICATION_LABELS[column.classification!]} but says nothing about how it is protected`,
        });
      }
    }
    return out;
  },
};

export const securityRules: Rule[] = [unclassified, undocumented];
