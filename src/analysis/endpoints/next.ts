/**
 * Next.js endpoints, decided by the file (`context.filename`) and its directives:
 *
 * - App Router route handlers: in `…/app/**\/route.(ts|js|mts|tsx…)`, the exports `GET POST PUT PATCH DELETE HEAD
 *   OPTIONS` — function declarations, `export const X = async () => …`, wrapped handlers
 *   (`export const PATCH = withWorkspace(async ({ req }) => …)`: chain = the wrapper call, handler = the innermost inline
 *   function) and `export { handler as POST }`. Route from the directories after `app/`, without route groups `(admin)`
 *   and slots `@modal`. Re-exports from another module (`export { POST } from './x'`) are reported where they are defined.
 * - Pages Router API routes: the default export of `…/pages/api/**`. When the handler dispatches on `req.method`
 *   (`switch (req.method) { case 'PUT': … }`, `if (req.method === 'DELETE') {…}`, `['POST', 'PUT'].includes(req.method)`),
 *   one endpoint per branch (`branch` = the case or the if's consequent); a guard `if (req.method !== 'POST') return …`
 *   makes the rest of the handler the POST endpoint; otherwise one `ALL` endpoint.
 * - Server actions (method `ACTION`): every exported function of a file whose directive prologue has `'use server'`,
 *   and every function whose own body starts with `'use server'`.
 *
 * A `'use client'` file has no endpoints. Outside these files, exports named `POST` are ordinary functions.
 */
import { AST_NODE_TYPES, ASTUtils, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { staticPropertyName, unwrapExpression } from '../matchers.js';
import {
  annotationName,
  appRouterRoute,
  constantInit,
  contextAccess,
  destructuredName,
  directivesOf,
  functionName,
  HTTP_VERBS,
  innermostHandler,
  type InlineFunction,
  pagesApiRoute,
  parameterIdentifier,
  propertyKeyName,
  resolveFunction,
  staticString,
  typedAccess,
  typeTools,
  type TypeTools,
} from './factories.js';
import type { EndpointAdapter, EndpointMethod, RequestContextAccess } from './types.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

interface Branch {
  readonly methods: EndpointMethod[];
  /** The case / consequent; undefined for a guard (the rest of the handler). */
  readonly node: TSESTree.Node | undefined;
  readonly reportNode: TSESTree.Node;
}

/** `fn` as a chain entry: a local function, the wrapper call a `const` holds, else the expression itself. */
function chainEntry(expression: TSESTree.Node, sourceCode: SourceCode): TSESTree.Node {
  const unwrapped = unwrapExpression(expression);
  if (unwrapped.type !== AST_NODE_TYPES.Identifier) return expression;
  return resolveFunction(unwrapped, sourceCode) ?? constantInit(sourceCode, unwrapped) ?? expression;
}

/** Whether an exported value may be a handler: a function, a call (a wrapper, a factory), a name or member (not `undefined`, not a literal). */
function couldBeHandler(value: TSESTree.Node): boolean {
  const expression = unwrapExpression(value);
  switch (expression.type) {
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.FunctionExpression:
    case AST_NODE_TYPES.FunctionDeclaration:
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.MemberExpression:
      return true;
    case AST_NODE_TYPES.Identifier:
      return expression.name !== 'undefined';
    default:
      return false;
  }
}

/** Whether a statement always leaves the handler (`return …`, `throw …`, a block ending in one). */
function exits(statement: TSESTree.Statement): boolean {
  if (statement.type === AST_NODE_TYPES.ReturnStatement || statement.type === AST_NODE_TYPES.ThrowStatement) return true;
  if (statement.type === AST_NODE_TYPES.BlockStatement) {
    const last = statement.body[statement.body.length - 1];
    return last !== undefined && exits(last);
  }
  return false;
}

/** The upper-case HTTP method a string names, or undefined. */
function httpMethod(text: string | undefined): EndpointMethod | undefined {
  const upper = text?.toUpperCase();
  return upper !== undefined && HTTP_VERBS.has(upper) ? (upper as EndpointMethod) : undefined;
}

/** Dispatch on `req.method` in a pages/api handler: the branches, in source order. */
function methodBranches(handler: InlineFunction, sourceCode: SourceCode): Branch[] {
  const request = parameterIdentifier(handler.params[0]);
  if (!request || handler.body.type !== AST_NODE_TYPES.BlockStatement) return [];
  const requestName = request.name;

  /** `req.method`, `req.method?.toUpperCase()`, `method` from `const { method } = req` / `const method = req.method`. */
  function isMethodRef(node: TSESTree.Node, depth = 0): boolean {
    const expression = unwrapExpression(node);
    if (expression.type === AST_NODE_TYPES.MemberExpression) {
      const object = unwrapExpression(expression.object);
      return staticPropertyName(expression) === 'method' && object.type === AST_NODE_TYPES.Identifier && object.name === requestName;
    }
    if (expression.type === AST_NODE_TYPES.CallExpression && expression.arguments.length === 0) {
      const callee = unwrapExpression(expression.callee);
      const name = callee.type === AST_NODE_TYPES.MemberExpression ? staticPropertyName(callee) : undefined;
      return (name === 'toUpperCase' || name === 'toLowerCase') && isMethodRef((callee as TSESTree.MemberExpression).object, depth);
    }
    if (expression.type === AST_NODE_TYPES.Identifier && depth < 2) {
      const init = constantInit(sourceCode, expression);
      if (init) return isMethodRef(init, depth + 1);
      return destructuredFromRequest(expression);
    }
    return false;
  }

  /** `method` declared by `const { method } = req`. */
  function destructuredFromRequest(identifier: TSESTree.Identifier): boolean {
    let variable: TSESLint.Scope.Variable | null;
    try {
      variable = ASTUtils.findVariable(sourceCode.getScope(identifier), identifier);
    } catch {
      return false;
    }
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.type !== TSESLint.Scope.DefinitionType.Variable || def.node.id.type !== AST_NODE_TYPES.ObjectPattern || !def.node.init) return false;
    const init = unwrapExpression(def.node.init);
    if (init.type !== AST_NODE_TYPES.Identifier || init.name !== requestName) return false;
    return def.node.id.properties.some(
      (property) =>
        property.type === AST_NODE_TYPES.Property &&
        propertyKeyName(property, sourceCode) === 'method' &&
        (property.value === def.name || (property.value.type === AST_NODE_TYPES.AssignmentPattern && property.value.left === def.name)),
    );
  }

  /** A test on the method: which methods it accepts, whether it is negated (`!==`), and the literal to report on. */
  function methodTest(node: TSESTree.Expression): { methods: EndpointMethod[]; negated: boolean; literal: TSESTree.Node } | undefined {
    const test = unwrapExpression(node);
    if (test.type === AST_NODE_TYPES.BinaryExpression && ['===', '==', '!==', '!='].includes(test.operator)) {
      const [ref, literal] = isMethodRef(test.left) ? [test.left, test.right] : [test.right, test.left];
      if (!isMethodRef(ref)) return undefined;
      const method = httpMethod(staticString(literal, sourceCode));
      return method ? { methods: [method], negated: test.operator.startsWith('!'), literal } : undefined;
    }
    if (test.type === AST_NODE_TYPES.LogicalExpression && (test.operator === '||' || test.operator === '&&')) {
      const left = methodTest(test.left);
      const right = methodTest(test.right);
      if (!left || !right || left.negated !== right.negated) return undefined;
      // `a === 'X' || a === 'Y'` accepts both; `a !== 'X' && a !== 'Y'` rejects both.
      if ((test.operator === '||') !== !left.negated) return undefined;
      return { methods: [...left.methods, ...right.methods], negated: left.negated, literal: left.literal };
    }
    if (test.type === AST_NODE_TYPES.UnaryExpression && test.operator === '!') {
      const inner = methodTest(test.argument);
      return inner ? { ...inner, negated: !inner.negated } : undefined;
    }
    if (test.type === AST_NODE_TYPES.CallExpression && test.arguments.length === 1 && test.arguments[0] && isMethodRef(test.arguments[0])) {
      // ['POST', 'PUT'].includes(req.method)
      const callee = unwrapExpression(test.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression || staticPropertyName(callee) !== 'includes') return undefined;
      const list = unwrapExpression(callee.object);
      if (list.type !== AST_NODE_TYPES.ArrayExpression) return undefined;
      const methods = list.elements.map((element) => (element && element.type !== AST_NODE_TYPES.SpreadElement ? httpMethod(staticString(element, sourceCode)) : undefined));
      const first = list.elements[0];
      if (methods.length === 0 || methods.some((method) => method === undefined) || !first) return undefined;
      return { methods: methods as EndpointMethod[], negated: false, literal: first };
    }
    return undefined;
  }

  const branches: Branch[] = [];

  function scanSwitch(statement: TSESTree.SwitchStatement): void {
    let pending: { method: EndpointMethod; node: TSESTree.Node }[] = [];
    for (const switchCase of statement.cases) {
      if (switchCase.test === null) {
        pending = [];
        continue;
      }
      const method = httpMethod(staticString(switchCase.test, sourceCode));
      if (method) pending.push({ method, node: switchCase.test });
      if (switchCase.consequent.length > 0) {
        const first = pending[0];
        if (first) branches.push({ methods: pending.map((entry) => entry.method), node: switchCase, reportNode: first.node });
        pending = [];
      }
    }
  }

  /** Returns true when a guard ended the scan. */
  function scan(statements: readonly TSESTree.Statement[]): boolean {
    for (const statement of statements) {
      if (statement.type === AST_NODE_TYPES.SwitchStatement && isMethodRef(statement.discriminant)) {
        scanSwitch(statement);
      } else if (statement.type === AST_NODE_TYPES.IfStatement) {
        let current: TSESTree.Statement | null = statement;
        while (current?.type === AST_NODE_TYPES.IfStatement) {
          const test = methodTest(current.test);
          if (!test) break;
          if (test.negated) {
            if (current === statement && exits(current.consequent)) {
              branches.push({ methods: test.methods, node: undefined, reportNode: test.literal });
              return true;
            }
            break;
          }
          branches.push({ methods: test.methods, node: current.consequent, reportNode: test.literal });
          current = current.alternate;
        }
      } else if (statement.type === AST_NODE_TYPES.TryStatement) {
        if (scan(statement.block.body)) return true;
      } else if (statement.type === AST_NODE_TYPES.BlockStatement) {
        if (scan(statement.body)) return true;
      }
    }
    return false;
  }

  scan(handler.body.body);
  return branches;
}

export const nextAdapter: EndpointAdapter = {
  framework: 'next',
  create({ context, sourceCode, report }) {
    const program = sourceCode.ast;
    const fileDirectives = directivesOf(program.body);
    if (fileDirectives.includes('use client')) return {};
    const appRoute = appRouterRoute(context.filename);
    const pagesRoute = appRoute === undefined ? pagesApiRoute(context.filename) : undefined;
    const serverFile = fileDirectives.includes('use server');
    const actions = new Set<TSESTree.Node>();
    let tools: TypeTools | null | undefined;
    const types = (): TypeTools | undefined => {
      if (tools === undefined) tools = typeTools(context) ?? null;
      return tools ?? undefined;
    };

    /** The request of an App Router handler: `(req: NextRequest)`, `(request: Request)`, `({ req })` from a wrapper. */
    function appRequest(handler: InlineFunction | undefined): TSESTree.Identifier | undefined {
      const first = handler?.params[0];
      const identifier = parameterIdentifier(first);
      if (identifier) {
        const annotation = annotationName(identifier);
        if (annotation === 'NextRequest' || annotation === 'Request') return identifier;
        return annotation === undefined && /^req(?:uest)?$/u.test(identifier.name) ? identifier : undefined;
      }
      return destructuredName(first, 'req', sourceCode) ?? destructuredName(first, 'request', sourceCode);
    }

    function appContext(handler: InlineFunction | undefined): RequestContextAccess {
      const checker = types();
      const result: { actor?: string; source?: string } = {};
      const request = appRequest(handler);
      if (request) {
        const conventional = `${request.name}.headers.get('x-forwarded-for')`;
        const source = contextAccess(checker, request, request.name, ['headers', 'get'], conventional, "'x-forwarded-for'");
        if (source !== undefined) result.source = source;
      }
      // No standard user in the App Router: only what a wrapper's typed context shows (`({ session })`, `({ user })`).
      if (checker && handler) {
        const session = destructuredName(handler.params[0], 'session', sourceCode);
        const user = destructuredName(handler.params[0], 'user', sourceCode);
        const actor =
          (user ? typedAccess(checker, user, user.name, ['id']) : undefined) ??
          (session ? typedAccess(checker, session, session.name, ['user', 'id']) : undefined);
        if (actor !== undefined) result.actor = actor;
      }
      return result;
    }

    function pagesContext(handler: InlineFunction | undefined): RequestContextAccess {
      const request = parameterIdentifier(handler?.params[0]);
      if (!request) return {};
      const source = contextAccess(types(), request, request.name, ['socket', 'remoteAddress'], `${request.name}.socket.remoteAddress`);
      return source === undefined ? {} : { source };
    }

    function reportAppExport(name: string, reportNode: TSESTree.Node, value: TSESTree.Node): void {
      if (!HTTP_VERBS.has(name) || appRoute === undefined || !couldBeHandler(value)) return;
      const handler = innermostHandler(value, sourceCode);
      report({
        framework: 'next',
        methods: [name as EndpointMethod],
        route: appRoute,
        label: `${name} ${appRoute}`,
        reportNode,
        chain: [chainEntry(value, sourceCode)],
        handler,
        context: appContext(handler),
      });
    }

    function reportAction(name: string | undefined, reportNode: TSESTree.Node, value: TSESTree.Node): void {
      const handler = innermostHandler(value, sourceCode);
      if (handler) actions.add(handler);
      report({
        framework: 'next',
        methods: ['ACTION'],
        route: name,
        label: name === undefined ? 'server action' : `server action ${name}`,
        reportNode,
        chain: [chainEntry(value, sourceCode)],
        handler,
        context: {},
      });
    }

    /** An export of a `'use server'` file that is an action: an async function, or what a wrapper call returns. */
    function isActionValue(value: TSESTree.Node): boolean {
      const expression = unwrapExpression(value);
      if (expression.type === AST_NODE_TYPES.CallExpression) return true;
      const fn = resolveFunction(expression, sourceCode);
      if (fn) return fn.async;
      if (expression.type === AST_NODE_TYPES.Identifier) {
        const init = constantInit(sourceCode, expression);
        return init !== undefined && unwrapExpression(init).type === AST_NODE_TYPES.CallExpression;
      }
      return false;
    }

    function checkPagesDefault(declaration: TSESTree.ExportDefaultDeclaration['declaration']): void {
      if (pagesRoute === undefined || !couldBeHandler(declaration)) return;
      const handler = innermostHandler(declaration, sourceCode);
      const expression = unwrapExpression(declaration);
      const head =
        (handler ? functionName(handler, sourceCode)?.node : undefined) ??
        (expression.type === AST_NODE_TYPES.CallExpression ? expression.callee : undefined) ??
        (expression.type === AST_NODE_TYPES.Identifier ? expression : undefined) ??
        handler?.params[0] ??
        declaration;
      const chain = [chainEntry(declaration, sourceCode)];
      const requestContext = pagesContext(handler);
      const branches = handler ? methodBranches(handler, sourceCode) : [];
      if (branches.length === 0) {
        report({ framework: 'next', methods: ['ALL'], route: pagesRoute, label: `ALL ${pagesRoute}`, reportNode: head, chain, handler, context: requestContext });
        return;
      }
      for (const branch of branches) {
        report({
          framework: 'next',
          methods: branch.methods,
          route: pagesRoute,
          label: `${branch.methods.join('|')} ${pagesRoute}`,
          reportNode: branch.reportNode,
          chain,
          handler,
          context: requestContext,
          ...(branch.node ? { branch: branch.node } : {}),
        });
      }
    }

    function checkProgram(): void {
      for (const statement of program.body) {
        if (statement.type === AST_NODE_TYPES.ExportNamedDeclaration) {
          const declaration = statement.declaration;
          if (declaration?.type === AST_NODE_TYPES.FunctionDeclaration && declaration.id) {
            if (appRoute !== undefined) reportAppExport(declaration.id.name, declaration.id, declaration);
            else if (serverFile && declaration.async) reportAction(declaration.id.name, declaration.id, declaration);
          } else if (declaration?.type === AST_NODE_TYPES.VariableDeclaration) {
            for (const declarator of declaration.declarations) {
              if (declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) continue;
              if (appRoute !== undefined) reportAppExport(declarator.id.name, declarator.id, declarator.init);
              else if (serverFile && isActionValue(declarator.init)) reportAction(declarator.id.name, declarator.id, declarator.init);
            }
          } else if (!declaration && !statement.source) {
            for (const specifier of statement.specifiers) {
              const exported = specifier.exported.type === AST_NODE_TYPES.Identifier ? specifier.exported.name : specifier.exported.value;
              if (specifier.local.type !== AST_NODE_TYPES.Identifier) continue;
              if (appRoute !== undefined) reportAppExport(exported, specifier.exported, specifier.local);
              else if (serverFile && isActionValue(specifier.local)) reportAction(exported, specifier.exported, specifier.local);
            }
          }
        } else if (statement.type === AST_NODE_TYPES.ExportDefaultDeclaration) {
          if (pagesRoute !== undefined) {
            checkPagesDefault(statement.declaration);
          } else if (serverFile && appRoute === undefined && isActionValue(statement.declaration)) {
            const handler = innermostHandler(statement.declaration, sourceCode);
            const named = handler ? functionName(handler, sourceCode) : undefined;
            reportAction(named?.name ?? 'default', named?.node ?? statement, statement.declaration);
          }
        }
      }
    }

    function checkInlineAction(node: InlineFunction): void {
      if (node.body.type !== AST_NODE_TYPES.BlockStatement || actions.has(node)) return;
      const directive = node.body.body.find(
        (statement, index, body) => statement.type === AST_NODE_TYPES.ExpressionStatement && statement.directive === 'use server' && directivesOf(body).length > index,
      );
      if (!directive) return;
      const named = functionName(node, sourceCode);
      actions.add(node);
      report({
        framework: 'next',
        methods: ['ACTION'],
        route: named?.name,
        label: named ? `server action ${named.name}` : 'server action',
        reportNode: named?.node ?? directive,
        chain: [node],
        handler: node,
        context: {},
      });
    }

    return {
      Program: checkProgram,
      FunctionDeclaration: checkInlineAction,
      FunctionExpression: checkInlineAction,
      ArrowFunctionExpression: checkInlineAction,
    };
  },
};
