/** Agenda: `agenda.define(name, async job => …)`, `agenda.on('fail', (err, job) => …)` (job second: not listed); payload `job.attrs.data`. */
import type { QueueRecord } from './types.js';

export const agenda: QueueRecord = {
  library: 'agenda',
  packages: ['agenda'],
  processMethods: ['define'],
  workerClasses: [],
  jobEvents: ['start', 'complete', 'success'],
  jobTypes: ['Job'],
  payload: ['attrs', 'data'],
};
