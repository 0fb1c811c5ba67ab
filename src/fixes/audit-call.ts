/**
 * The suggestion of `require-endpoint-audit`: insert an audit call at the start of the handler,
 * built from the configured audit logger and the framework's request context.
 *
 * The logger is named from `settings.compliance.audit.calls` (the first matcher that can be written
 * as code reachable from the handler: a path whose root is in scope, `this.x.y` inside a class,
 * or an `{ import, name }`, whose import is added when missing) or, with the default heuristic,
 * from an audit call the file already makes. No logger that can be named: no suggestion.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { Endpoint, EndpointMethod } from '../analysis/endpoints/types.js';
import type { Policy } from '../policy.js';
import { isPathReachable, type NamedCallee, nameFirstCallee, type NamingOptions } from './toolkit/callee.js';
import { addImport } from './toolkit/imports.js';
import { blockIndent, insertStatementAfter, insertStatementBefore } from './toolkit/statements.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** The audit logger as the inserted call names it (`auditLogger.log`, `record`, `this.audit.log`) and the import it needs. */
export type AuditCallee = NamedCallee;

/** A logger is reached through `this` in a class that declares it, or a root bound here (a configured global counts). */
const NAMING: NamingOptions = { throughThis: true, globals: true };

const VERBS: Partial<Record<EndpointMethod, string>> = {
  POST: 'create',
  PUT: 'update',
  PATCH: 'update',
  DELETE: 'delete',
  GET: 'read',
  HEAD: 'read',
  OPTIONS: 'read',
  QUERY: 'read',
  ALL: 'access',
};

const READ_METHODS: ReadonlySet<EndpointMethod> = new Set(['GET', 'HEAD', 'OPTIONS', 'QUERY']);

/**
 * `'<resource>.<verb>'` from the route: static segments joined by dots, then the verb — of the first method that
 * changes state when the endpoint also answers reads (`GET|POST /items` → `items.create`).
 */
export function actionName(endpoint: Endpoint): string {
  const method = endpoint.methods.find(candidate => !READ_METHODS.has(candidate)) ?? endpoint.methods[0] ?? 'ALL';
  const route = endpoint.route ?? '';
  if (method === 'MUTATION' || method === 'ACTION') {
    return route.replace(/[^\w.]+/gu, '.').replace(/^\.+|\.+$/gu, '') || 'action';
  }
  const resource = route
    .split('/')
    .filter(segment => segment && !segment.startsWith(':') && !segment.startsWith('[') && !segment.startsWith('{') && segment !== '*')
    .map(segment => segment.replace(/[^\w]+/gu, '_'))
    .filter(segment => segment !== 'api')
    .join('.');
  const verb = VERBS[method] ?? method.toLowerCase();
  return `${resource || 'resource'}.${verb}`;
}

/**
 * Whether an existing audit call is a logger call the inserted one can copy: it passes its event first, as the
 * inserted call does (`sendAudit(event)`, `audit.log({ … })` — not `insertAuditLogs(tx, { … })` or
 * `audit.log('user.create', { … })`), and its value is not handed on, as a middleware or wrapper factory's is
 * (`router.use(auditLogMiddleware(queries))`, `const mw = auditTrail()`).
 */
function isLoggerCall(callee: TSESTree.Node): boolean {
  const call = callee.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== callee) return true;
  if (call.arguments.length > 1 && call.arguments[0]?.type !== AST_NODE_TYPES.ObjectExpression) return false;
  const parent = call.parent;
  switch (parent.type) {
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.NewExpression:
      return !parent.arguments.includes(call);
    case AST_NODE_TYPES.VariableDeclarator:
    case AST_NODE_TYPES.ArrayExpression:
    case AST_NODE_TYPES.Property:
    case AST_NODE_TYPES.ExportDefaultDeclaration:
      return false;
    default:
      return true;
  }
}

/**
 * Names the audit logger for the inserted call, or undefined when none can be named.
 * `existingCallees` are the callee texts of audit calls already made in the file (default heuristic).
 */
export function nameAuditCallee(
  context: Context,
  policy: Policy,
  at: TSESTree.Node,
  existingCallees: readonly TSESTree.Node[],
): AuditCallee | undefined {
  const { sourceCode } = context;
  if (policy.audit.calls) return nameFirstCallee(sourceCode, policy.audit.calls, at, NAMING);
  for (const callee of existingCallees) {
    const text = sourceCode.getText(callee);
    if (!/^[\w$]+(?:\.[\w$]+)*$/u.test(text) || !isLoggerCall(callee)) continue;
    if (isPathReachable(sourceCode, text.split('.'), at, NAMING)) return { text };
  }
  return undefined;
}

/** A single-quoted string literal for `text` (quotes, backslashes and line breaks escaped). */
function singleQuoted(text: string): string {
  return `'${JSON.stringify(text).slice(1, -1).replace(/\\"/gu, '"').replace(/'/gu, "\\'")}'`;
}

/** The event object literal's properties, from the policy's required fields and the request context. */
export function eventProperties(policy: Policy, endpoint: Endpoint): string[] {
  const required = new Set(policy.requiredFields);
  const properties: string[] = [`action: '${actionName(endpoint)}'`];
  if (endpoint.context?.actor) properties.push(`actor: ${endpoint.context.actor}`);
  if (endpoint.route !== undefined) properties.push(`resource: ${singleQuoted(endpoint.route)}`);
  if (endpoint.context?.source) properties.push(`source: ${endpoint.context.source}`);
  if (required.has('outcome')) properties.push(`outcome: 'success'`);
  if (required.has('timestamp')) properties.push('timestamp: new Date().toISOString()');
  return properties;
}

/**
 * Where the call goes: before the first statement of the branch or handler body (directives such as 'use server'
 * stay first), after the directives of a body that has only those, into an empty body, or into a block that replaces
 * a concise body.
 */
type InsertionPoint =
  | { readonly kind: 'before'; readonly node: TSESTree.Node }
  | { readonly kind: 'after'; readonly node: TSESTree.Node }
  | { readonly kind: 'wrap'; readonly body: TSESTree.Expression; readonly owner: TSESTree.Node }
  | { readonly kind: 'empty'; readonly body: TSESTree.BlockStatement; readonly owner: TSESTree.Node };

function insertionPoint(endpoint: Endpoint): InsertionPoint | undefined {
  const branch = endpoint.branch;
  if (branch) {
    if (branch.type === AST_NODE_TYPES.SwitchCase) {
      const first = branch.consequent[0];
      if (!first) return undefined;
      const target = first.type === AST_NODE_TYPES.BlockStatement && first.body[0] ? first.body[0] : first;
      return { kind: 'before', node: target };
    }
    if (branch.type === AST_NODE_TYPES.BlockStatement) {
      const first = branch.body[0];
      return first ? { kind: 'before', node: first } : undefined;
    }
    return { kind: 'before', node: branch };
  }
  const handler = endpoint.handler;
  if (!handler?.body) return undefined;
  if (handler.body.type === AST_NODE_TYPES.BlockStatement) {
    const body = handler.body.body;
    const first = body.find(statement => !(statement.type === AST_NODE_TYPES.ExpressionStatement && statement.directive));
    if (first) return { kind: 'before', node: first };
    // Only directives: the call goes after them. An empty body: the call becomes its statement.
    const directive = body.at(-1);
    return directive ? { kind: 'after', node: directive } : { kind: 'empty', body: handler.body, owner: handler };
  }
  return { kind: 'wrap', body: handler.body, owner: handler };
}

/** The fix that writes `call` at `point`. */
function insertCall(fixer: TSESLint.RuleFixer, sourceCode: Readonly<TSESLint.SourceCode>, point: InsertionPoint, call: string): TSESLint.RuleFix {
  if (point.kind === 'before') return insertStatementBefore(fixer, sourceCode, point.node, call);
  if (point.kind === 'after') return insertStatementAfter(fixer, sourceCode, point.node, call);
  // New lines of a block written for the handler: its statements one level deeper than the handler's line.
  const { outer, inner } = blockIndent(sourceCode, point.owner);
  if (point.kind === 'empty') {
    // `{}` becomes a block with the call; a body holding only comments keeps them after it.
    const open = point.body.range[0];
    const inside = sourceCode.text.slice(open + 1, point.body.range[1] - 1);
    return /^\s*$/u.test(inside) ? fixer.replaceText(point.body, `{${inner}${call}${outer}}`) : fixer.insertTextAfterRange([open, open + 1], `${inner}${call}`);
  }
  const bodyText = sourceCode.getText(point.body);
  const returned = point.body.type === AST_NODE_TYPES.ObjectExpression ? `(${bodyText})` : bodyText;
  return fixer.replaceText(point.body, `{${inner}${call}${inner}return ${returned};${outer}}`);
}

/** The fix that inserts the audit call, or undefined when no logger can be named or there is no body to insert into. */
export function buildAuditCallFix(
  context: Context,
  policy: Policy,
  endpoint: Endpoint,
  existingCallees: readonly TSESTree.Node[],
): TSESLint.ReportFixFunction | undefined {
  const handler = endpoint.handler;
  const at = endpoint.branch ?? handler?.body;
  if (!handler || !at) return undefined;
  const callee = nameAuditCallee(context, policy, at, existingCallees);
  if (!callee) return undefined;
  const point = insertionPoint(endpoint);
  if (!point) return undefined;
  const call = `${handler.async ? 'await ' : ''}${callee.text}({ ${eventProperties(policy, endpoint).join(', ')} });`;
  const { sourceCode, filename } = context;
  const importRequest = callee.addImport;
  return fixer => {
    // A script cannot have `import` declarations: it gets a `require`; a module gets an import, whatever else it uses.
    const fixes = importRequest ? [addImport(fixer, sourceCode, importRequest, { filename, policy: 'syntax' })] : [];
    fixes.push(insertCall(fixer, sourceCode, point, call));
    return fixes;
  };
}
