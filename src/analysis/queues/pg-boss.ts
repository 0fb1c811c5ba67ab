/** pg-boss: `boss.work(name, [options,] async job => …)`; payload `job.data`. */
import type { QueueRecord } from './types.js';

export const pgBoss: QueueRecord = {
  library: 'pg-boss',
  packages: ['pg-boss'],
  processMethods: ['work'],
  workerClasses: [],
  jobEvents: [],
  jobTypes: ['Job', 'JobWithMetadata'],
  payload: ['data'],
};
