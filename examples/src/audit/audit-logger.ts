import { pino } from 'pino';

export type AuditOutcome = 'success' | 'failure' | 'denied';

export interface AuditActor {
  id: string;
  role?: string;
}

export interface AuditSource {
  ip?: string;
  userAgent?: string;
}

export interface AuditEvent {
  /** Dotted verb: `user.create`, `patient.read`, `auth.login`. */
  action: string;
  actor?: AuditActor;
  resource?: { type: string; id: string };
  outcome?: AuditOutcome;
  source?: AuditSource;
  /** ISO 8601, UTC. */
  timestamp?: string;
  /** Extra context. Identifiers only, never credentials or PHI. */
  details?: Record<string, string | number | boolean>;
}

export const AUDIT_LOG_DIR = process.env.AUDIT_LOG_DIR ?? './var/log/audit';

/** Append-only JSON lines, one file per process; the log agent ships them to the audit store. */
const auditSink = pino(
  { name: 'audit', base: { stream: 'audit' }, timestamp: pino.stdTimeFunctions.isoTime },
  pino.destination({ dest: `${AUDIT_LOG_DIR}/audit-${process.pid}.jsonl`, mkdir: true, sync: false }),
);

/** Writes one audit record and resolves once it has been handed to the file system. */
export function writeAuditRecord(record: Record<string, unknown> & { action?: string; event?: string }): Promise<void> {
  return new Promise((resolve, reject) => {
    auditSink.info({ audit: record }, record.action ?? record.event ?? 'audit');
    auditSink.flush((error) => (error ? reject(error) : resolve()));
  });
}

class AuditLogger {
  async log(event: AuditEvent): Promise<void> {
    await writeAuditRecord({ ...event, timestamp: event.timestamp ?? new Date().toISOString() });
  }
}

export const auditLogger = new AuditLogger();
