/**
 * What only types show (a receiver returned by a local function, an inferred parameter), and typed mode falling back
 * to the syntax where a package's types do not resolve (Prisma's package without a generated client).
 */
import { runCases } from './probe.js';

runCases('typed recognition', [
  {
    name: 'a TypeORM repository returned by a local function',
    code: `import { DataSource, Entity } from 'typeorm';
@Entity() class AuditLog {}
const dataSource = new DataSource({ type: 'postgres' });
function logs() { return dataSource.getRepository(AuditLog); }
export async function f() { await logs().delete({}); }`,
    ops: [],
    typed: ['typeorm delete delete store=AuditLog filtered=false'],
  },
  {
    name: 'a knex builder and a Sequelize model instance from local functions',
    code: `import { knex } from 'knex';
import { Model } from 'sequelize';
class User extends Model {}
const db = knex({ client: 'pg' });
function table() { return db('audit_logs'); }
async function load(): Promise<User> { return new User(); }
export async function f() {
  await table().del();
  await (await load()).update({ role: 'admin' });
}`,
    ops: [],
    typed: ['knex delete del filtered=false', 'sequelize update update filtered=true fields=role'],
  },
  {
    name: 'Prisma imported from the package without a generated client: typed mode falls back to the trace',
    code: `import { PrismaClient } from '@prisma/client';
const client = new PrismaClient();
export async function f() { await client.auditLog.deleteMany({}); }`,
    ops: ['prisma delete deleteMany store=auditLog filtered=false'],
  },
]);
