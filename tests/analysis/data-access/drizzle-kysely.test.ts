/** Drizzle and Kysely: table-first builders, `where` in the chain, set/values fields, relational queries, raw SQL, transactions. */
import { runCases } from './probe.js';

runCases('drizzle', [
  {
    name: 'drizzle builders',
    code: `import { drizzle } from 'drizzle-orm/node-postgres';
import { sql, eq } from 'drizzle-orm';
import { pgTable, serial, text } from 'drizzle-orm/pg-core';
const auditLogs = pgTable('audit_logs', { id: serial('id'), action: text('action') });
const users = pgTable('users', { id: serial('id'), role: text('role') });
const db = drizzle('postgres://localhost');
export async function f(id: number) {
  await db.delete(auditLogs);
  await db.delete(auditLogs).where(eq(auditLogs.id, id));
  await db.update(users).set({ role: 'admin' }).where(eq(users.id, id));
  await db.insert(auditLogs).values({ action: 'x' });
  await db.select().from(users);
  await db.execute(sql\`TRUNCATE audit_logs\`);
  await db.transaction(async (tx) => { await tx.delete(auditLogs); });
}`,
    ops: [
      'drizzle-orm delete delete store=auditLogs filtered=false',
      'drizzle-orm delete delete store=auditLogs filtered=true',
      'drizzle-orm update update store=users filtered=true fields=role',
      'drizzle-orm create insert store=auditLogs fields=action',
      'drizzle-orm read select store=users',
      'drizzle-orm raw execute sql',
      'drizzle-orm delete delete store=auditLogs filtered=false',
    ],
  },
  {
    name: 'kysely builders',
    code: `import { Kysely, PostgresDialect, sql } from 'kysely';
interface DB { audit_logs: { id: number; action: string }; users: { id: number; role: string } }
const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: {} as never }) });
export async function f(id: number) {
  await db.deleteFrom('audit_logs').execute();
  await db.deleteFrom('audit_logs').where('id', '=', id).execute();
  await db.updateTable('users').set({ role: 'admin' }).where('id', '=', id).execute();
  await db.selectFrom('users').selectAll().execute();
  await sql\`TRUNCATE audit_logs\`.execute(db);
  await db.transaction().execute(async (trx) => { await trx.deleteFrom('audit_logs').execute(); });
}`,
    ops: [
      'kysely delete deleteFrom store=audit_logs filtered=false',
      'kysely delete deleteFrom store=audit_logs filtered=true',
      'kysely update updateTable store=users filtered=true fields=role',
      'kysely read selectFrom store=users',
      'kysely raw execute sql',
      'kysely delete deleteFrom store=audit_logs filtered=false',
    ],
  },
  {
    name: 'look-alikes: an own delete(table) and a Set',
    code: `const db = { delete(_: unknown) { return { where(_: unknown) { return 1; } }; } };
export function f() { db.delete('audit_logs'); new Set([1]).delete(1); }`,
    ops: [],
  },
]);
