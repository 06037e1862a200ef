/** A small schema with the two classic mistakes (orders has no key; its FK to customers no index), for the report tests. */
import { documentOf, makeColumn, makeRelationship, makeTable, scalar } from '../../model/build';
import type { SchemaDocument } from '../../model/document';
import { sequentialIds } from '../../model/ids';
import { RULES } from '../rules';
import type { ReviewConfig, Rule } from '../types';

export function shopDocument(): SchemaDocument {
  const ids = sequentialIds();
  const customers = makeTable({ id: 't_c', name: 'customers', columns: [makeColumn({ id: 'c_c_id', name: 'id', type: scalar('bigint'), nullable: false }, ids)], primaryKey: { columnIds: ['c_c_id'] } }, ids);
  const orders = makeTable(
    {
      id: 't_o',
      name: 'orders',
      columns: [
        makeColumn({ id: 'c_o_id', name: 'id', type: scalar('bigint'), nullable: false }, ids),
        makeColumn({ id: 'c_o_cust', name: 'customer_id', type: scalar('bigint'), nullable: false }, ids),
      ],
    },
    ids,
  );
  const rel = makeRelationship({ id: 'r_o_c', fromTableId: 't_o', toTableId: 't_c', columnPairs: [{ fromColumnId: 'c_o_cust', toColumnId: 'c_c_id' }] }, ids);
  return documentOf({ tables: [customers, orders], relationships: [rel] });
}

/** The same schema as PostgreSQL DDL: orders on line 4, its customer_id on line 6. */
export const SHOP_SQL = `CREATE TABLE customers (
  id bigint PRIMARY KEY
);
CREATE TABLE orders (
  id bigint NOT NULL,
  customer_id bigint NOT NULL REFERENCES customers (id)
);
`;

/**
 * The two rules the surface tests are about, as a rule list and as a project configuration that
 * turns every other rule off: the surfaces' tests stay about the surfaces when rules are added.
 */
export const SHOP_RULE_IDS = ['no-primary-key', 'fk-without-index'] as const;

export function shopRules(): Rule[] {
  return RULES.filter((r) => (SHOP_RULE_IDS as readonly string[]).includes(r.id));
}

export function onlyShopRules(): ReviewConfig {
  return { rules: Object.fromEntries(RULES.filter((r) => !(SHOP_RULE_IDS as readonly string[]).includes(r.id)).map((r) => [r.id, { enabled: false }])) };
}
