/**
 * The shape of a job-queue record (`queues/<library>.ts`): how a library hands a worker its job, as data. A job's
 * payload is what the producer put on the queue (an event with a user's e-mail, a task's props), so a log of the whole
 * payload writes whatever it holds (`no-sensitive-data-in-logs`, `flow/queue-jobs.ts`).
 */
export interface QueueRecord {
  readonly library: string;
  /** Packages whose imports are the library. */
  readonly packages: readonly string[];
  /** Methods taking a processor whose first parameter is a job (`queue.process(fn)`, `boss.work(name, fn)`). */
  readonly processMethods: readonly string[];
  /** Classes whose constructor takes a processor (`new Worker(name, async job => …)`). */
  readonly workerClasses: readonly string[];
  /** Events whose listener's first parameter is a job (`queue.on('failed', (job, err) => …)`). */
  readonly jobEvents: readonly string[];
  /** The job's type names (typed mode), declared in one of `packages`. */
  readonly jobTypes: readonly string[];
  /** The path from the job to its payload (`job.data`, agenda's `job.attrs.data`). */
  readonly payload: readonly string[];
}
