import { Injectable } from '@nestjs/common';
import { writeAuditRecord } from '../audit/audit-logger.js';

export interface AuditEntry {
  event: string;
  actorId: string;
  resourceType: string;
  resourceId: string;
  outcome: 'success' | 'failure';
  timestamp: Date;
  /** Filled in by the request-context interceptor when it is available. */
  ip?: string;
}

@Injectable()
export class AuditService {
  async log(entry: AuditEntry): Promise<void> {
    await writeAuditRecord({ ...entry, timestamp: entry.timestamp.toISOString() });
  }
}
