import { readdir, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import winston from 'winston';
import { AUDIT_LOG_DIR } from '../audit/audit-logger.js';

/** HIPAA 164.316(b)(2): six years, plus a month of slack for the archive copy to settle. */
const RETENTION_DAYS = 6 * 365 + 31;

const jobLog = winston.createLogger({
  level: 'info',
  format: winston.format.combine(winston.format.timestamp(), winston.format.json()),
  defaultMeta: { job: 'audit-retention' },
  transports: [new winston.transports.Console()],
});

/**
 * Nightly: removes local audit files that are past retention. The shipped copies in the
 * archive bucket are governed by its own object-lock policy, not by this job.
 */
export async function purgeExpiredAuditFiles(now = new Date()): Promise<number> {
  const cutoff = now.getTime() - RETENTION_DAYS * 24 * 60 * 60 * 1000;
  let removed = 0;
  for (const name of await readdir(AUDIT_LOG_DIR)) {
    const file = path.join(AUDIT_LOG_DIR, name);
    const { mtimeMs } = await stat(file);
    if (mtimeMs >= cutoff) continue;
    await unlink(file);
    removed += 1;
  }
  jobLog.info(`purged ${removed} audit files older than ${new Date(cutoff).toISOString()}`);
  return removed;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  purgeExpiredAuditFiles().catch((error: unknown) => {
    jobLog.error('audit retention failed', { error });
    process.exitCode = 1;
  });
}
