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
import type { Matcher } from '../analysis/matchers.js';
import type { Endpoint, EndpointMethod } from '../analysis/endpoints/types.js';
import type { Policy } from '../policy.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export interface AuditCallee {
  /** The callee as written in the inserted code, e.g. `auditLogger.log`, `record`, `this.audit.log`. */
  readonly text: string;
  /** An import to add first, when the logger comes from `{ import, name }` and is not imported yet. */
  readonly addImport?: { readonly module: string; readonly name: string };
}

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

function isInScope(context: Context, node: TSESTree.Node, name: string): boolean {
  let scope: ReturnType<Context['sourceCode']['getScope']> | null = context.sourceCode.getScope(node);
  while (scope) {
    if (scope.set.has(name)) return true;
    if (scope.upper === null && scope.through.some(reference => reference.identifier.name === name)) return false;
    scope = scope.upper;
  }
  return false;
}

function enclosingClass(node: TSESTree.Node): TSESTree.ClassDeclaration | TSESTree.ClassExpression | undefined {
  let current: TSESTree.Node | undefined = node.parent;
  while (current) {
    if (current.type === AST_NODE_TYPES.ClassBody) {
      return current.parent;
    }
    if (
      (current.type === AST_NODE_TYPES.FunctionDeclaration || current.type === AST_NODE_TYPES.FunctionExpression) &&
      current.parent.type !== AST_NODE_TYPES.MethodDefinition
    ) {
      return undefined;
    }
    current = current.parent;
  }
  return undefined;
}

function classHasMember(cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression, name: string): boolean {
  for (const member of cls.body.body) {
    if (
      (member.type === AST_NODE_TYPES.PropertyDefinition || member.type === AST_NODE_TYPES.MethodDefinition) &&
      member.key.type === AST_NODE_TYPES.Identifier &&
      member.key.name === name
    ) {
      return true;
    }
    if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor') {
      for (const param of member.value.params) {
        if (
          param.type === AST_NODE_TYPES.TSParameterProperty &&
          param.parameter.type === AST_NODE_TYPES.Identifier &&
          param.parameter.name === name
        ) {
          return true;
        }
      }
    }
  }
  return false;
}

/** The local name under which `module`'s export `name` is imported in this file, if it is. */
function importedLocalName(program: TSESTree.Program, module: string, name: string): string | undefined {
  for (const statement of program.body) {
    if (statement.type !== AST_NODE_TYPES.ImportDeclaration || statement.source.value !== module || statement.importKind === 'type') {
      continue;
    }
    for (const specifier of statement.specifiers) {
      if (specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier) return `${specifier.local.name}.${name}`;
      if (specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier && name === 'default') return specifier.local.name;
      if (
        specifier.type === AST_NODE_TYPES.ImportSpecifier &&
        specifier.importKind !== 'type' &&
        (specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value) === name
      ) {
        return specifier.local.name;
      }
    }
  }
  return undefined;
}

function calleeFromMatcher(context: Context, matcher: Matcher, at: TSESTree.Node): AuditCallee | undefined {
  if (matcher.kind === 'path') {
    if (matcher.segments.includes('*')) return undefined;
    const [root, second] = matcher.segments;
    if (!root) return undefined;
    if (root === 'this') {
      const cls = enclosingClass(at);
      return cls && second && classHasMember(cls, second) ? { text: matcher.source } : undefined;
    }
    return isInScope(context, at, root) ? { text: matcher.source } : undefined;
  }
  if (matcher.kind === 'import') {
    const [first, ...rest] = matcher.segments;
    if (!first) return undefined;
    const local = importedLocalName(context.sourceCode.ast, matcher.module, first);
    if (local) return { text: [local, ...rest].join('.') };
    if (first === 'default' || isInScope(context, at, first)) return undefined;
    return { text: matcher.segments.join('.'), addImport: { module: matcher.module, name: first } };
  }
  return undefined;
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
  if (policy.audit.calls) {
    for (const matcher of policy.audit.calls) {
      const callee = calleeFromMatcher(context, matcher, at);
      if (callee) return callee;
    }
    return undefined;
  }
  for (const callee of existingCallees) {
    const text = context.sourceCode.getText(callee);
    if (!/^[\w$]+(?:\.[\w$]+)*$/u.test(text) || !isLoggerCall(callee)) continue;
    const root = text.split('.')[0]!;
    if (root === 'this') {
      const cls = enclosingClass(at);
      const second = text.split('.')[1];
      if (cls && second && classHasMember(cls, second)) return { text };
    } else if (isInScope(context, at, root)) {
      return { text };
    }
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

/** The insertion point: the start of the branch or handler body, with the indentation to use. */
function insertionPoint(
  sourceCode: Readonly<TSESLint.SourceCode>,
  endpoint: Endpoint,
):
  | { kind: 'before'; node: TSESTree.Node; indent: string }
  | { kind: 'after'; node: TSESTree.Node; indent: string }
  | { kind: 'wrap'; body: TSESTree.Expression; indent: string }
  | { kind: 'empty'; body: TSESTree.BlockStatement; indent: string }
  | undefined {
  // The text between the inserted call and the statement it precedes: a new line with the statement's
  // indentation when the statement starts its line, a space when it follows other code (`{ stmt }`).
  const indentOf = (node: TSESTree.Node): string => {
    const line = sourceCode.lines[node.loc.start.line - 1] ?? '';
    const before = line.slice(0, node.loc.start.column);
    return /^\s*$/u.test(before) ? `\n${before}` : ' ';
  };
  const branch = endpoint.branch;
  if (branch) {
    if (branch.type === AST_NODE_TYPES.SwitchCase) {
      const first = branch.consequent[0];
      if (!first) return undefined;
      const target = first.type === AST_NODE_TYPES.BlockStatement && first.body[0] ? first.body[0] : first;
      return { kind: 'before', node: target, indent: indentOf(target) };
    }
    if (branch.type === AST_NODE_TYPES.BlockStatement) {
      const first = branch.body[0];
      return first ? { kind: 'before', node: first, indent: indentOf(first) } : undefined;
    }
    return { kind: 'before', node: branch, indent: indentOf(branch) };
  }
  const handler = endpoint.handler;
  if (!handler?.body) return undefined;
  if (handler.body.type === AST_NODE_TYPES.BlockStatement) {
    const body = handler.body.body;
    // Keep directives ('use server') first.
    const first = body.find(statement => !(statement.type === AST_NODE_TYPES.ExpressionStatement && statement.directive));
    if (first) return { kind: 'before', node: first, indent: indentOf(first) };
    // Only directives: the call goes after them. An empty body: the call becomes its statement.
    const directive = body.at(-1);
    return directive
      ? { kind: 'after', node: directive, indent: indentOf(directive) }
      : { kind: 'empty', body: handler.body, indent: lineIndentOf(sourceCode, handler) };
  }
  return { kind: 'wrap', body: handler.body, indent: lineIndentOf(sourceCode, handler) };
}

/** The indentation of the line a node starts on. */
function lineIndentOf(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): string {
  return /^\s*/u.exec(sourceCode.lines[node.loc.start.line - 1] ?? '')?.[0] ?? '';
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
  const point = insertionPoint(context.sourceCode, endpoint);
  if (!point) return undefined;
  const call = `${handler.async ? 'await ' : ''}${callee.text}({ ${eventProperties(policy, endpoint).join(', ')} });`;
  const sourceCode = context.sourceCode;
  return fixer => {
    const fixes: TSESLint.RuleFix[] = [];
    if (callee.addImport) {
      const { name, module } = callee.addImport;
      const { body } = sourceCode.ast;
      // A CommonJS script cannot have `import` declarations: it gets a `require`.
      // (espree reports `commonjs` for such files, beyond the declared `'module' | 'script'`.)
      const sourceType: string = sourceCode.ast.sourceType;
      const text = sourceType === 'module' ? `import { ${name} } from '${module}';` : `const { ${name} } = require('${module}');`;
      // After the last import, else after the directive prologue ('use server' must stay first), else before the first
      // statement (below a shebang or header comment).
      const directives = body.filter((statement, index) =>
        body.slice(0, index + 1).every(item => item.type === AST_NODE_TYPES.ExpressionStatement && item.directive !== undefined),
      );
      const after = body.filter(statement => statement.type === AST_NODE_TYPES.ImportDeclaration).at(-1) ?? directives.at(-1);
      const first = body[0];
      if (after) fixes.push(fixer.insertTextAfter(after, `\n${text}`));
      else if (first) fixes.push(fixer.insertTextBefore(first, `${text}\n`));
      else fixes.push(fixer.insertTextBeforeRange([0, 0], `${text}\n`));
    }
    // New lines of a block written for the handler: its statements one level deeper than the handler's line.
    const outer = point.kind === 'empty' || point.kind === 'wrap' ? `\n${point.indent}` : '';
    const inner = `${outer}  `;
    if (point.kind === 'before') {
      fixes.push(fixer.insertTextBefore(point.node, `${call}${point.indent}`));
    } else if (point.kind === 'after') {
      fixes.push(fixer.insertTextAfter(point.node, `${point.indent}${call}`));
    } else if (point.kind === 'empty') {
      // `{}` becomes a block with the call; a body holding only comments keeps them after it.
      const open = point.body.range[0];
      const inside = sourceCode.text.slice(open + 1, point.body.range[1] - 1);
      fixes.push(
        /^\s*$/u.test(inside)
          ? fixer.replaceText(point.body, `{${inner}${call}${outer}}`)
          : fixer.insertTextAfterRange([open, open + 1], `${inner}${call}`),
      );
    } else {
      const bodyText = sourceCode.getText(point.body);
      const returned = point.body.type === AST_NODE_TYPES.ObjectExpression ? `(${bodyText})` : bodyText;
      fixes.push(fixer.replaceText(point.body, `{${inner}${call}${inner}return ${returned};${outer}}`));
    }
    return fixes;
  };
}
