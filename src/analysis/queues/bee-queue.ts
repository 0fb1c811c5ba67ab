/** Bee-Queue: `queue.process([concurrency,] async job => …)`, `queue.on('succeeded' | 'failed', (job, …) => …)`; payload `job.data`. */
import type { QueueRecord } from './types.js';

export const beeQueue: QueueRecord = {
  library: 'bee-queue',
  packages: ['bee-queue'],
  processMethods: ['process'],
  workerClasses: [],
  jobEvents: ['succeeded', 'failed', 'retrying', 'progress'],
  jobTypes: ['Job'],
  payload: ['data'],
};
