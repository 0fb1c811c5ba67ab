/**
 * Every HTTP client whose errors carry the request's headers, one record per file, and the lookup tables derived from
 * them (per process). Adding a client: `http-clients/<library>.ts`, an entry below, a case in
 * `tests/rules/no-sensitive-data-in-logs.sources.test.ts`.
 */
import { axios } from './axios.js';
import { got } from './got.js';
import { ky } from './ky.js';
import type { HttpClientRecord } from './types.js';

export type * from './types.js';

export const HTTP_CLIENT_RECORDS: readonly HttpClientRecord[] = [axios, got, ky];

export interface HttpClientTables {
  /** Package → its record. */
  readonly packages: ReadonlyMap<string, HttpClientRecord>;
  /** Conventional name → its record. */
  readonly names: ReadonlyMap<string, HttpClientRecord>;
  readonly guards: ReadonlySet<string>;
  readonly classes: ReadonlySet<string>;
  readonly requestProperties: ReadonlySet<string>;
}

function derive(records: readonly HttpClientRecord[]): HttpClientTables {
  const packages = new Map<string, HttpClientRecord>();
  const names = new Map<string, HttpClientRecord>();
  for (const record of records) {
    for (const name of record.packages) {
      if (packages.has(name)) throw new Error(`HTTP client records: package ${name} is claimed twice`);
      packages.set(name, record);
    }
    for (const name of record.names) names.set(name, record);
  }
  return {
    packages,
    names,
    guards: new Set(records.flatMap(record => record.errorGuards)),
    classes: new Set(records.flatMap(record => record.errorClasses)),
    requestProperties: new Set(records.flatMap(record => record.requestProperties)),
  };
}

/** Per process. */
export const HTTP_CLIENT_TABLES: HttpClientTables = derive(HTTP_CLIENT_RECORDS);
