/**
 * The part of Prisma's DMMF (`getDMMF().datamodel`) the importer reads, declared structurally so the
 * pure layer does not depend on Prisma packages. The real `DMMF.Datamodel` is assignable to it.
 */
export type DmmfDefault =
  | { readonly name: string; readonly args: ReadonlyArray<string | number> }
  | string
  | number
  | boolean
  | ReadonlyArray<string | number | boolean>;

export interface DmmfField {
  readonly kind: 'scalar' | 'object' | 'enum' | 'unsupported';
  readonly name: string;
  readonly dbName?: string | null;
  readonly isRequired: boolean;
  readonly isList: boolean;
  readonly isUnique: boolean;
  readonly isId: boolean;
  readonly isUpdatedAt?: boolean;
  readonly type: string;
  readonly nativeType?: readonly [string, readonly string[]] | null;
  readonly hasDefaultValue: boolean;
  readonly default?: DmmfDefault;
  readonly relationName?: string;
  readonly relationFromFields?: readonly string[];
  readonly relationToFields?: readonly string[];
  readonly relationOnDelete?: string;
  readonly relationOnUpdate?: string;
  readonly documentation?: string;
}

export interface DmmfModel {
  readonly name: string;
  readonly dbName: string | null;
  readonly schema?: string | null;
  readonly fields: readonly DmmfField[];
  readonly primaryKey: { readonly name: string | null; readonly fields: readonly string[] } | null;
  readonly documentation?: string;
}

export interface DmmfEnum {
  readonly name: string;
  readonly dbName?: string | null;
  readonly values: ReadonlyArray<{ readonly name: string; readonly dbName: string | null }>;
  readonly documentation?: string;
}

export interface DmmfIndex {
  readonly model: string;
  readonly type: 'id' | 'normal' | 'unique' | 'fulltext';
  readonly isDefinedOnField: boolean;
  readonly name?: string;
  readonly dbName?: string;
  readonly algorithm?: string;
  readonly fields: ReadonlyArray<{ readonly name: string; readonly sortOrder?: 'asc' | 'desc'; readonly length?: number; readonly operatorClass?: string }>;
}

export interface DmmfDatamodel {
  readonly models: readonly DmmfModel[];
  readonly enums: readonly DmmfEnum[];
  readonly indexes: readonly DmmfIndex[];
}
