/** MikroORM's entity manager and repositories, and raw SQL drivers (pg, mysql2, postgres.js). */
import { runCases } from './probe.js';

runCases('mikro-orm and raw SQL', [
  {
    name: 'mikro-orm entity manager and repository',
    code: `import { EntityManager, EntityRepository } from '@mikro-orm/core';
class AuditLog { id!: number; }
export class Service {
  constructor(private readonly em: EntityManager, private readonly logs: EntityRepository<AuditLog>) {}
  async run(id: number) {
    await this.em.nativeDelete(AuditLog, {});
    await this.em.nativeUpdate(AuditLog, { id }, { action: 'x' });
    await this.em.find(AuditLog, { id });
    await this.logs.nativeDelete({ id });
  }
}`,
    ops: [
      'mikro-orm delete nativeDelete store=AuditLog filtered=false',
      'mikro-orm update nativeUpdate store=AuditLog filtered=true fields=action',
      'mikro-orm read find store=AuditLog',
      'mikro-orm delete nativeDelete store=AuditLog filtered=true',
    ],
  },
  {
    name: 'pg, mysql2 and postgres.js',
    code: `import { Pool } from 'pg';
import mysql from 'mysql2/promise';
import postgres from 'postgres';
const pool = new Pool();
const connection = mysql.createPool({});
const sql = postgres('postgres://localhost');
export async function f() {
  await pool.query('DELETE FROM audit_logs');
  const client = await pool.connect();
  await client.query('TRUNCATE audit_logs');
  await connection.execute('DELETE FROM audit_logs');
  await sql\`DELETE FROM audit_logs\`;
  await sql.unsafe('DROP TABLE audit_logs');
}`,
    ops: ['pg raw query sql', 'pg raw query sql', 'mysql2 raw execute sql', 'postgres raw sql sql', 'postgres raw unsafe sql'],
  },
  {
    name: 'look-alikes: an own query method, an unrelated tag',
    code: `const api = { query(_: string) { return 1; } };
const tag = (strings: TemplateStringsArray) => strings.join('');
export function f() { api.query('DELETE FROM audit_logs'); return tag\`DELETE FROM audit_logs\`; }`,
    ops: [],
  },
]);
