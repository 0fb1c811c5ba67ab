import type { Request } from 'express';
import type { AuditActor, AuditSource } from '../audit/audit-logger.js';

export interface RequestAuditContext {
  actor: AuditActor | undefined;
  source: AuditSource;
  timestamp: string;
}

/** Who, from where and when, for an audit event raised while handling `req`. */
export function auditContext(req: Request): RequestAuditContext {
  return {
    actor: req.user ? { id: req.user.id, role: req.user.role } : undefined,
    source: { ip: req.ip, userAgent: req.get('user-agent') },
    timestamp: new Date().toISOString(),
  };
}
