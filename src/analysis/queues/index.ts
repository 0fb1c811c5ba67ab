/**
 * Every job-queue library, one record per file, and the lookup tables derived from them (per process). Adding a
 * library: `queues/<library>.ts`, an entry below, a case in `tests/rules/no-sensitive-data-in-logs.recall.test.ts`.
 */
import { agenda } from './agenda.js';
import { beeQueue } from './bee-queue.js';
import { bull } from './bull.js';
import { bullmq } from './bullmq.js';
import { pgBoss } from './pg-boss.js';
import type { QueueRecord } from './types.js';

export type * from './types.js';

export const QUEUE_RECORDS: readonly QueueRecord[] = [bull, bullmq, beeQueue, pgBoss, agenda];

export interface QueueTables {
  /** Package → its record. */
  readonly packages: ReadonlyMap<string, QueueRecord>;
  /** Process method → the records that have it. */
  readonly processMethods: ReadonlyMap<string, readonly QueueRecord[]>;
  /** Worker class → the records that have it. */
  readonly workerClasses: ReadonlyMap<string, readonly QueueRecord[]>;
  /** Job event → the records that emit it. */
  readonly jobEvents: ReadonlyMap<string, readonly QueueRecord[]>;
  readonly jobTypes: ReadonlySet<string>;
}

function index(records: readonly QueueRecord[], keys: (record: QueueRecord) => readonly string[]): Map<string, QueueRecord[]> {
  const map = new Map<string, QueueRecord[]>();
  for (const record of records) for (const key of keys(record)) map.set(key, [...(map.get(key) ?? []), record]);
  return map;
}

export function deriveQueueTables(records: readonly QueueRecord[]): QueueTables {
  const packages = new Map<string, QueueRecord>();
  for (const record of records) {
    for (const name of record.packages) {
      if (packages.has(name)) throw new Error(`Queue records: package ${name} is claimed twice`);
      packages.set(name, record);
    }
  }
  return {
    packages,
    processMethods: index(records, record => record.processMethods),
    workerClasses: index(records, record => record.workerClasses),
    jobEvents: index(records, record => record.jobEvents),
    jobTypes: new Set(records.flatMap(record => record.jobTypes)),
  };
}

/** Per process. */
export const QUEUE_TABLES: QueueTables = deriveQueueTables(QUEUE_RECORDS);
