/**
 * Audit calls as sinks (src/analysis/logging/detector/audit-args.ts): only calls that write are sinks, and they write
 * their event argument, not the request context beside it. Both modes; typed cases use Koa's and Express's real types.
 */
import { describe } from 'vitest';
import { runProbe } from './probe.js';

const OUTLINE_LIKE = { compliance: { audit: { calls: ['Event.createFromContext', '*.saveWithCtx', 'audit.logCreate', 'auditService.record'] } } };

describe('an audit call writes its event, not the context beside it', () => {
  runProbe([
    {
      name: 'context first, event literal second',
      code: `import type { Context } from 'koa';
declare const Event: { createFromContext(ctx: Context, event: object): void };
export function f(ctx: Context, doc: { id: string }) { Event.createFromContext(ctx, { name: 'documents.create', documentId: doc.id }); }`,
      settings: OUTLINE_LIKE,
      hits: ["audit Event.createFromContext [{ name: 'documents.create', documentId: doc.id }]"],
    },
    {
      name: 'the context alone is not logged',
      code: `import type { Context } from 'koa';
declare const model: { saveWithCtx(ctx: Context): void };
export function f(ctx: Context) { model.saveWithCtx(ctx); }`,
      settings: OUTLINE_LIKE,
      hits: ['audit model.saveWithCtx []'],
    },
    {
      name: 'an unseen event beside the context: the event only',
      code: `declare const audit: { logCreate(context: unknown, doc: unknown): void };
export function f(context: unknown, doc: unknown) { audit.logCreate(context, doc); }`,
      settings: OUTLINE_LIKE,
      hits: ['audit audit.logCreate [doc]'],
    },
    {
      name: 'request then event variable',
      code: `import type { Request } from 'express';
declare const auditService: { record(req: Request, event: unknown): void };
export function f(req: Request, event: unknown) { auditService.record(req, event); }`,
      settings: OUTLINE_LIKE,
      hits: ['audit auditService.record [event]'],
    },
    {
      name: 'look-alike: a value not named or typed like a context is logged',
      code: `declare const audit: { logCreate(a: unknown, b: unknown): void };
export function f(user: { email: string }, doc: unknown) { audit.logCreate(user, doc); }`,
      settings: OUTLINE_LIKE,
      hits: ['audit audit.logCreate [user, doc]'],
      // The checker sees an object: the event is the first object argument (audit-event-fields' choice).
      typed: ['audit audit.logCreate [user]'],
    },
    {
      name: 'typed: a context under another name is known by its type',
      code: `import type { Context } from 'koa';
declare const model: { saveWithCtx(c: Context): void };
export function f(c: Context) { model.saveWithCtx(c); }`,
      settings: OUTLINE_LIKE,
      hits: ['audit model.saveWithCtx [c]'],
      typed: ['audit model.saveWithCtx []'],
    },
    {
      name: 'a member named like a context (this.ctx) is not logged; a string beside the event is',
      code: `declare const audit: { logCreate(...a: unknown[]): void };
export class S { ctx: unknown; run(id: string) { audit.logCreate(this.ctx, \`created \${id}\`, { action: 'create', id }); } }`,
      settings: OUTLINE_LIKE,
      hits: ["audit audit.logCreate [`created ${id}`, { action: 'create', id }]"],
    },
    {
      name: 'audit.eventArgument configured: that argument only',
      code: `declare const audit: { logCreate(...a: unknown[]): void };
export function f(user: unknown, event: unknown) { audit.logCreate(user, event); }`,
      settings: { compliance: { audit: { calls: ['audit.logCreate'], eventArgument: 1 } } },
      hits: ['audit audit.logCreate [event]'],
    },
  ]);
});

describe('only audit calls that write are sinks (default heuristic)', () => {
  runProbe([
    {
      name: 'writing verbs and audit nouns',
      code: `declare const audit: any; declare const auditService: any; declare const AuditLog: any;
declare function logAuditEvent(e: unknown): void; declare function auditLog(e: unknown): void; declare function insertAuditLogs(e: unknown): void;
export function f(e: unknown) { audit(e); auditLog(e); logAuditEvent(e); insertAuditLogs(e); auditService.record(e); AuditLog.create(e); audit.logCreate(e); }`,
      hits: ['audit audit [e]', 'audit auditLog [e]', 'audit logAuditEvent [e]', 'audit insertAuditLogs [e]', 'audit auditService.record [e]', 'audit AuditLog.create [e]', 'audit audit.logCreate [e]'],
    },
    {
      name: 'look-alikes: pure helpers named like audit calls',
      code: `declare const audit: any; declare const auditHelpers: any;
declare function diffAuditTrackedFields(a: unknown, b: unknown): unknown; declare function auditFilter(a: unknown): unknown;
declare function getAuditLogs(): unknown; declare function isAuditEnabled(): boolean;
export function f(a: unknown, b: unknown) { diffAuditTrackedFields(a, b); auditFilter(a); getAuditLogs(); isAuditEnabled(); audit.withActor(a); auditHelpers.compare(a, b); }`,
      hits: [],
    },
    {
      name: 'configured audit calls write whatever their name',
      code: `declare function diffAuditTrackedFields(a: unknown, b: unknown): unknown;
export function f(a: unknown, b: unknown) { diffAuditTrackedFields(a, b); }`,
      settings: { compliance: { audit: { calls: ['diffAuditTrackedFields'] } } },
      hits: ['audit diffAuditTrackedFields [a, b]'],
    },
    {
      name: 'a helper named like an audit call falls through to the logger detection',
      code: `declare const auditLogger: { info(...a: unknown[]): void; auditFilter(a: unknown): void };
export function f(a: unknown) { auditLogger.auditFilter(a); auditLogger.info(a); }`,
      hits: ['audit auditLogger.info [a]'],
    },
  ]);
});
