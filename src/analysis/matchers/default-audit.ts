/** The default audit-call heuristic, used when `settings.compliance.audit.calls` is not configured. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { calleeOf, calleePath, EXPRESSION_SEGMENT } from './paths.js';
import { hasWord, splitWords } from './words.js';

/**
 * First words of a method name that read, build, test or erase rather than emit: `getAuditLogs()`,
 * `prisma.auditLog.findMany()`, `isAuditEnabled()`, `buildAuditEvent()`, `auditLog.destroy()` are not audit writes.
 */
const NON_EMITTING_VERBS = new Set([
  'get', 'find', 'list', 'fetch', 'read', 'load', 'query', 'search', 'count', 'select', 'aggregate', 'group',
  'is', 'has', 'can', 'should', 'use', 'build', 'make', 'format', 'parse', 'validate', 'serialize', 'to', 'map',
  'export', 'download', 'delete', 'remove', 'destroy', 'clear', 'purge', 'truncate', 'drop', 'erase', 'wipe', 'prune',
  'update', 'upsert', 'restore', 'disable', 'stop',
]);

/**
 * The default audit-call recognizer, used when `audit.calls` is not configured: the called name (last segment) or a
 * receiver segment contains `audit` as a whole word part (see {@link splitWords}), and the called name does not start
 * with a read/build/test/erase verb ({@link NON_EMITTING_VERBS}).
 *
 * Matches `audit()`, `auditLog()`, `sendAudit()`, `insertAuditLogs()`, `req.audit()`, `ctx.auditLog()`,
 * `this.auditService.log()`, `AuditLog.create()`, `AUDIT.push()`. Does not match `audited()`, `auditorium.book()`,
 * `logger.info('user audited')` (arguments are not looked at), `createEvent({ type: 'audit' })`, `getAuditLogs()`,
 * `prisma.auditLog.deleteMany()`, `new AuditEvent()` (constructing is not emitting). Accepts the callee, or a call.
 */
export function isDefaultAuditCall(callee: TSESTree.Node): boolean {
  if (callee.type === AST_NODE_TYPES.NewExpression) return false;
  const path = calleePath(calleeOf(callee));
  if (!path) return false;
  const method = path[path.length - 1] ?? '';
  const methodWords = splitWords(method);
  if (methodWords.length === 0 || NON_EMITTING_VERBS.has(methodWords[0] ?? '')) return false;
  if (methodWords.includes('audit')) return true;
  return path.slice(0, -1).some((segment) => segment !== EXPRESSION_SEGMENT && hasWord(segment, 'audit'));
}
