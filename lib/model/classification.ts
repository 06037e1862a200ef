/** Data classification of columns (see `dataClassifications` in document.ts). */
import { PROTECTED_CLASSIFICATIONS, type Column, type DataClassification } from './document';

/** Confidential, personal and special-category columns: the ones the Security section lists. */
export function isProtectedColumn(column: Pick<Column, 'classification'>): boolean {
  return column.classification !== undefined && PROTECTED_CLASSIFICATIONS.includes(column.classification);
}

/** What the inspector and the design document call each level. */
export const CLASSIFICATION_LABELS: Record<DataClassification, string> = {
  public: 'Public',
  internal: 'Internal',
  confidential: 'Confidential',
  personal: 'Personal data',
  special: 'Special category / secret',
};
