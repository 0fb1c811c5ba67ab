/**
 * Audit calls as sinks: which audit calls write, and which of their arguments they write.
 *
 * **Only calls that write.** The session's audit classification (`isAuditCall`, shared by every rule) is kept as is;
 * the sink detector adds a filter of its own. With `audit.calls` configured, every configured call writes. With the
 * default heuristic (a name with the word `audit`), the called name must say it writes: one of its words is a writing
 * verb or a log level ({@link WRITING_WORDS}: `logAuditEvent`, `auditService.record`, `AuditLog.create`,
 * `insertAuditLogs`, `audit.logCreate`), or it is made only of audit nouns ({@link AUDIT_NOUNS}: `audit()`,
 * `auditLog()`, `auditTrail()`). A pure helper named like an audit call (`diffAuditTrackedFields(a, b)`,
 * `auditFilter(x)`, `audit.withActor(u)`) is not a sink.
 *
 * **Only the event.** An audit call writes its event, not the context it resolves the actor from:
 * - `audit.eventArgument` configured: that argument only;
 * - otherwise the event that `audit-event-fields` reads (the first object argument, see audit-event.ts), unless that
 *   argument is a request context, with the strings beside it (`audit.log(`${user.email} signed in`, event)`);
 * - otherwise every argument that is not a request context (conservative: an argument the analysis cannot see may be
 *   the event);
 * - a save on a person's record with only a context beside it (`user.saveWithCtx(ctx)`, the receiver's name names a
 *   person: `records.ts`) writes the person's changes: the record is the event; a class (`User.saveAll(ctx)`) is not
 *   a record, and a save of another record (`team.saveWithCtx(ctx)`) writes the team's fields, not a person's.
 * A request context is an argument named `ctx`, `context`, `req`, `request`, `res`, `response`, `reply` (or a name
 * ending in `Ctx` / `Context`: `apiContext`), as an identifier or the last member (`this.ctx`), a context made by a call
 * whose name says so (`createContext({ user, ip })`, `this.buildRequestContext(req)`; `createEvent({ … })` is an
 * event), or, in typed mode, an argument (or a call's awaited result) whose type is named `…Context` / `…Ctx` or is a
 * framework's request or response type.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { staticKeyName, staticPropertyName } from '../../ast/keys.js';
import { unwrapExpression } from '../../ast/unwrap.js';
import { createAuditEventReader } from '../../audit-event.js';
import { ASSOCIATION_OPTIONS } from '../../data-access/index.js';
import { namesPerson } from '../../flow/records.js';
import { calleePath, splitWords } from '../../matchers.js';
import { typedInfo, type SinkState } from './state.js';

/** Words of a called name that say the call writes (verbs, and log levels: `auditLogger.info`). */
const WRITING_WORDS: ReadonlySet<string> = new Set([
  'log', 'record', 'create', 'write', 'emit', 'track', 'save', 'insert', 'add', 'push', 'send', 'publish', 'store',
  'persist', 'append', 'capture', 'report', 'notify', 'enqueue', 'queue', 'dispatch', 'submit', 'post', 'put', 'ingest',
  'trace', 'info', 'warn', 'warning', 'error', 'debug', 'fatal', 'notice', 'critical', 'success',
]);

/** Words that name an audit record: a call named only with them writes one (`audit()`, `auditLog()`, `auditEvent()`). */
const AUDIT_NOUNS: ReadonlySet<string> = new Set(['audit', 'log', 'logs', 'trail', 'event', 'events', 'entry', 'entries', 'record', 'records']);

const CONTEXT_NAMES: ReadonlySet<string> = new Set(['ctx', 'context', 'req', 'request', 'res', 'response', 'reply']);

/** Framework request / response type names (typed mode), beside any type named `…Context` / `…Ctx`. */
const CONTEXT_TYPES: ReadonlySet<string> = new Set([
  'Request', 'Response', 'IncomingMessage', 'ServerResponse', 'FastifyRequest', 'FastifyReply', 'NextRequest', 'NextApiRequest',
  'HonoRequest',
]);

/** A value that is syntactically a string: `'x'`, `` `a ${b}` ``, `'a' + b`. */
function isStringExpression(node: TSESTree.Node): boolean {
  const expression = unwrapExpression(node);
  if (expression.type === AST_NODE_TYPES.Literal) return typeof expression.value === 'string';
  if (expression.type === AST_NODE_TYPES.TemplateLiteral) return true;
  return expression.type === AST_NODE_TYPES.BinaryExpression && expression.operator === '+' && (isStringExpression(expression.left) || isStringExpression(expression.right));
}

/** Whether an audit call writes (see the module comment): always when `audit.calls` is configured. */
export function auditCallWrites(state: SinkState, call: TSESTree.CallExpression): boolean {
  if (state.policy.audit.calls !== undefined) return true;
  const path = calleePath(unwrapExpression(call.callee));
  const method = path?.[path.length - 1];
  if (method === undefined) return false;
  const words = splitWords(method);
  if (words.length === 0) return false;
  return words.some((word) => WRITING_WORDS.has(word)) || words.every((word) => AUDIT_NOUNS.has(word));
}

function isContextName(name: string | undefined): boolean {
  if (name === undefined) return false;
  if (CONTEXT_NAMES.has(name)) return true;
  const words = splitWords(name);
  const last = words[words.length - 1];
  return words.length > 1 && (last === 'ctx' || last === 'context');
}

function typeNameIsContext(name: string | undefined): boolean {
  return name !== undefined && (CONTEXT_TYPES.has(name) || /(?:Context|Ctx)$/u.test(name));
}

/** `createContext(…)`, `this.buildRequestContext(…)`, `makeCtx(…)`: a call whose called name ends in `context` / `ctx`. */
function isContextCall(call: TSESTree.CallExpression): boolean {
  const path = calleePath(unwrapExpression(call.callee));
  const words = splitWords(path?.[path.length - 1] ?? '');
  const last = words[words.length - 1];
  return last === 'ctx' || last === 'context';
}

/** Whether an argument is a request context (by name, by the call that makes it, or by type in typed mode). */
export function isRequestContext(state: SinkState, argument: TSESTree.Node): boolean {
  let value = unwrapExpression(argument);
  if (value.type === AST_NODE_TYPES.AwaitExpression) value = unwrapExpression(value.argument);
  if (value.type === AST_NODE_TYPES.Identifier && isContextName(value.name)) return true;
  if (value.type === AST_NODE_TYPES.MemberExpression && isContextName(staticPropertyName(value))) return true;
  if (value.type === AST_NODE_TYPES.CallExpression && isContextCall(value)) return true;
  if (value.type !== AST_NODE_TYPES.Identifier && value.type !== AST_NODE_TYPES.MemberExpression && value.type !== AST_NODE_TYPES.CallExpression) return false;
  const typed = typedInfo(state);
  const found = typed?.typeOf(value);
  if (!typed || !found || typed.isLoose(found)) return false;
  try {
    const type = value.type === AST_NODE_TYPES.CallExpression ? (typed.checker.getAwaitedType(found) ?? found) : found;
    return typeNameIsContext(type.aliasSymbol?.name) || typeNameIsContext(type.getSymbol()?.name);
  } catch {
    return false;
  }
}

/** The arguments an audit call writes (see the module comment). */
export function auditLoggedArguments(state: SinkState, call: TSESTree.CallExpression): readonly TSESTree.Node[] {
  const { audit } = state.policy;
  const index = audit.eventArgument;
  if (index !== undefined) {
    const spreadBefore = call.arguments.slice(0, index + 1).some((argument) => argument.type === AST_NODE_TYPES.SpreadElement);
    const argument = call.arguments[index];
    if (!spreadBefore) return argument ? [argument] : [];
  }
  state.auditEvents ??= createAuditEventReader(state.context, {
    eventArgument: undefined,
    aliases: audit.fieldAliases,
    isAuditCall: (node) => node.type === AST_NODE_TYPES.CallExpression && state.isAuditCall(node),
  });
  const event = state.auditEvents.eventOf(call);
  if (event && !isRequestContext(state, event.argument)) {
    return withoutAssociations(call, call.arguments.filter((argument) => argument === event.argument || isStringExpression(argument)));
  }
  const written = call.arguments.filter((argument) => argument.type === AST_NODE_TYPES.SpreadElement || !isRequestContext(state, argument));
  const record = written.length === 0 ? savedRecord(call) : undefined;
  return record ? [record] : withoutAssociations(call, written);
}

/**
 * `Model.createWithCtx(ctx, { name, authentications: [a] }, { include: 'authentications' })`: the associations an
 * ORM's write options name (`ASSOCIATION_OPTIONS`) are other rows, not the record's values; the values object is
 * written without them (its other properties, each under its key), and the options object is not an event.
 */
function withoutAssociations(call: TSESTree.CallExpression, written: readonly TSESTree.Node[]): readonly TSESTree.Node[] {
  const options = call.arguments.find((argument): argument is TSESTree.ObjectExpression => argument.type === AST_NODE_TYPES.ObjectExpression && associationsOf(argument) !== undefined);
  const associations = options ? associationsOf(options) : undefined;
  if (!options || !associations) return written;
  return written.flatMap((argument): TSESTree.Node[] => {
    if (argument === options) return [];
    const value = unwrapExpression(argument);
    if (value.type !== AST_NODE_TYPES.ObjectExpression || !value.properties.some((property) => property.type === AST_NODE_TYPES.Property && associations.has(staticKeyName(property.key, property.computed) ?? ''))) {
      return [argument];
    }
    return value.properties.filter((property) => property.type !== AST_NODE_TYPES.Property || !associations.has(staticKeyName(property.key, property.computed) ?? '')).map((property) => (property.type === AST_NODE_TYPES.Property ? property : property.argument));
  });
}

/** The association names an options object lists: `include: 'a'`, `include: ['a', { association: 'b' }]`. */
function associationsOf(options: TSESTree.ObjectExpression): ReadonlySet<string> | undefined {
  for (const property of options.properties) {
    if (property.type !== AST_NODE_TYPES.Property || !ASSOCIATION_OPTIONS.has(staticKeyName(property.key, property.computed) ?? '')) continue;
    const names = new Set<string>();
    const value = unwrapExpression(property.value);
    for (const item of value.type === AST_NODE_TYPES.ArrayExpression ? value.elements : [value]) {
      if (item?.type === AST_NODE_TYPES.Literal && typeof item.value === 'string') names.add(item.value);
      if (item?.type === AST_NODE_TYPES.ObjectExpression) {
        for (const inner of item.properties) {
          if (inner.type === AST_NODE_TYPES.Property && staticKeyName(inner.key, inner.computed) === 'association' && inner.value.type === AST_NODE_TYPES.Literal && typeof inner.value.value === 'string') names.add(inner.value.value);
        }
      }
    }
    return names.size > 0 ? names : undefined;
  }
  return undefined;
}

/** `user.saveWithCtx(ctx)`: a save on a person's record, with only a context beside it, writes the person's changes. */
function savedRecord(call: TSESTree.CallExpression): TSESTree.Node | undefined {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const words = splitWords(staticPropertyName(callee) ?? '');
  if (words[0] !== 'save') return undefined;
  const receiver = unwrapExpression(callee.object);
  const name = receiver.type === AST_NODE_TYPES.Identifier ? receiver.name : receiver.type === AST_NODE_TYPES.MemberExpression ? staticPropertyName(receiver) : undefined;
  if (name === undefined || /^[A-Z]/u.test(name) || !namesPerson(name)) return undefined;
  return receiver;
}
