/** bull: `queue.process([name,] [concurrency,] async job => …)`, `queue.on('failed', (job, err) => …)`; payload `job.data`. */
import type { QueueRecord } from './types.js';

export const bull: QueueRecord = {
  library: 'bull',
  packages: ['bull'],
  processMethods: ['process'],
  workerClasses: [],
  jobEvents: ['active', 'completed', 'failed', 'progress', 'stalled', 'removed', 'lock-extension-failed'],
  jobTypes: ['Job'],
  payload: ['data'],
};
