/** Knex: builders from `knex('table')`, chains with and without `where`, raw SQL, schema drops, transactions. */
import { runCases } from './probe.js';

runCases('knex', [
  {
    name: 'builder chains',
    code: `import knexFactory from 'knex';
const knex = knexFactory({ client: 'pg' });
export async function f(id: number) {
  await knex('audit_logs').del();
  await knex('audit_logs').where({ id }).del();
  await knex('users').where('id', id).update({ role: 'admin' });
  await knex('users').select('*');
  await knex.raw('TRUNCATE audit_logs');
  await knex.schema.dropTable('audit_logs');
  await knex.transaction(async (trx) => { await trx('audit_logs').truncate(); });
}`,
    ops: [
      'knex delete del store=audit_logs filtered=false',
      'knex delete del store=audit_logs filtered=true',
      'knex update update store=users filtered=true fields=role',
      'knex read select store=users',
      'knex raw raw sql',
      'knex drop dropTable store=audit_logs filtered=false',
      'knex truncate truncate store=audit_logs filtered=false',
    ],
  },
  {
    name: 'a builder kept in a variable: the filter is not known',
    code: `import { knex } from 'knex';
const db = knex({ client: 'pg' });
export async function f(all: boolean) {
  const query = db('audit_logs').del();
  if (!all) query.where('id', 1);
  await query;
}`,
    ops: ['knex delete del store=audit_logs'],
  },
  {
    name: 'look-alikes: a Map delete and an own del',
    code: `const map = new Map<string, number>();
const q = { del() { return 1; } };
export function f() { map.delete('a'); q.del(); }`,
    ops: [],
  },
]);
