/**
 * The data-access records and the lookup tables derived from them: package → record, method name → the records that
 * have an operation of that name (the classifier's cheap prefilter). Adding a library is adding its record here.
 */
import { drizzle } from './drizzle.js';
import { knex } from './knex.js';
import { kysely } from './kysely.js';
import { mikroOrm } from './mikro-orm.js';
import { mongoose } from './mongoose.js';
import { prisma } from './prisma.js';
import { mysql, pg, postgresJs } from './raw-sql.js';
import { sequelize } from './sequelize.js';
import type { DataAccessRecord } from './types.js';
import { typeorm } from './typeorm.js';

export type * from './types.js';

export const DATA_ACCESS_RECORDS: readonly DataAccessRecord[] = [prisma, typeorm, sequelize, mongoose, drizzle, knex, kysely, mikroOrm, pg, mysql, postgresJs];

const byPackage = new Map<string, DataAccessRecord>();
const byOperation = new Map<string, DataAccessRecord[]>();
for (const record of DATA_ACCESS_RECORDS) {
  for (const name of record.packages) byPackage.set(name, record);
  for (const role of Object.values(record.roles)) {
    for (const method of Object.keys(role.operations ?? {})) {
      const list = byOperation.get(method) ?? [];
      if (!list.includes(record)) list.push(record);
      byOperation.set(method, list);
    }
  }
}

/** The record of an npm package (`drizzle-orm`, `@prisma/client`), by its package name. */
export function recordOfPackage(packageName: string): DataAccessRecord | undefined {
  return byPackage.get(packageName);
}

/** The records with an operation of this method name; empty when no library has one (then nothing else is asked). */
export function recordsWithOperation(method: string): readonly DataAccessRecord[] {
  return byOperation.get(method) ?? [];
}

/** The records with a tagged-template operation (postgres.js `sql`…``). */
/** Every record's `associationOptions` keys (Sequelize `include`). */
export const ASSOCIATION_OPTIONS: ReadonlySet<string> = new Set(DATA_ACCESS_RECORDS.flatMap((record) => record.associationOptions ?? []));

export const TAGGED_RECORDS: readonly DataAccessRecord[] = DATA_ACCESS_RECORDS.filter(record => Object.values(record.roles).some(role => role.tag));

/**
 * Method names by what they do in any record: `write` (an operation other than a read or raw SQL), `read` (a read
 * operation, or a method that leads to another role: `scope`, `getRepository`). A name both read and written
 * somewhere is a write; raw SQL methods (`query`, `execute`, `all`) are neither (their text decides).
 * For a receiver nothing else identifies (read-only inference).
 */
export const DATA_METHOD_NAMES: { readonly read: ReadonlySet<string>; readonly write: ReadonlySet<string> } = (() => {
  const read = new Set<string>();
  const write = new Set<string>();
  for (const record of DATA_ACCESS_RECORDS) {
    for (const role of Object.values(record.roles)) {
      for (const [name, spec] of Object.entries(role.operations ?? {})) {
        if (spec.operation !== 'raw') (spec.operation === 'read' ? read : write).add(name); // raw SQL: its text decides
      }
      for (const name of Object.keys(role.methods ?? {})) read.add(name);
    }
  }
  for (const name of write) read.delete(name);
  return { read, write };
})();

