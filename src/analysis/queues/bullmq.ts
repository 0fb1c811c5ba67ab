/** BullMQ: `new Worker(name, async job => …)`, `worker.on('failed', (job, err) => …)`; payload `job.data`. */
import type { QueueRecord } from './types.js';

export const bullmq: QueueRecord = {
  library: 'bullmq',
  packages: ['bullmq'],
  processMethods: [],
  workerClasses: ['Worker'],
  jobEvents: ['active', 'completed', 'failed', 'progress'],
  jobTypes: ['Job'],
  payload: ['data'],
};
