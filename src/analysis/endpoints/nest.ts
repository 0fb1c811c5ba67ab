/**
 * NestJS endpoints: methods of `@Controller()` classes decorated `@Post`, `@Put`, `@Patch`, `@Delete`, `@Get`, `@All`,
 * `@Head`, `@Options` (HTTP), and of `@Resolver()` classes decorated `@Mutation` / `@Query` (GraphQL).
 *
 * Which decorator is which:
 * - typed mode: the checker resolves the decorator (through aliases and barrel re-exports) to its declaration, which
 *   must sit in `@nestjs/common` (HTTP) or `@nestjs/graphql` (GraphQL);
 * - otherwise (and when the checker cannot resolve the name): an import from that package under any local name
 *   (`import { Post as P }`, `import * as nest`), or — when the name is not bound in the file at all — the decorator's
 *   name. A locally declared or otherwise imported `Post` is someone else's decorator.
 *
 * Route: controller prefix + method path (`@Controller('users')` + `@Patch(':id/role')` → `PATCH /users/:id/role`);
 * GraphQL: the operation name (`@Mutation(() => User, { name: 'createUser' })`, else the method's name).
 * Request context: actor from a parameter whose decorator names a user (`@CurrentUser() user` → `user.id`) or from
 * `@Req() req` (`req.user?.id`); source from `@Ip() ip` or `req.ip` — with types, only what the parameter's type offers.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { ClassNode } from '../ast/classes.js';
import { unwrapExpression } from '../ast/unwrap.js';
import { constStringValue } from '../ast/variables.js';
import { getTypeServices, type TypeServices } from '../types/services.js';
import { bindingOf, objectProperty, parameterIdentifier, propertyKeyName } from './app-syntax.js';
import { nest, NEST_COMMON, NEST_GRAPHQL } from './frameworks/nest.js';
import { packageOfSymbol } from './packages.js';
import { contextAccess } from './typed-access.js';
import type { AdapterContext, EndpointAdapter, EndpointMethod, RequestContextAccess } from './types.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

const CONTROLLER = new Set([nest.controllers.http]);
const RESOLVER = new Set([nest.controllers.graphql]);
const REQUEST_CONTEXT = nest.requestContext[0];

/** What a decorator is: its exported name and package (`null`: declared in the project; undefined: not bound in the file). */
interface DecoratorOrigin {
  readonly name: string;
  readonly module: string | null | undefined;
  /** The decorator call, when it is called (`@Post(':id')`). */
  readonly call: TSESTree.CallExpression | undefined;
}

/** What the NestJS adapter keeps for one file. */
interface NestState {
  readonly adapter: AdapterContext;
  /** The type services, looked up on first use (`null`: untyped). */
  services: TypeServices | null | undefined;
}

function servicesOf(state: NestState): TypeServices | undefined {
  if (state.services === undefined) state.services = getTypeServices(state.adapter.context) ?? null;
  return state.services ?? undefined;
}

/** Static path strings of a decorator argument: `'users'`, `['a', 'b']` (the first), `` `x` ``, a const; '' when absent. */
function pathArgument(argument: TSESTree.Node | undefined, sourceCode: SourceCode): string | undefined {
  if (!argument) return '';
  const expression = unwrapExpression(argument);
  if (expression.type === AST_NODE_TYPES.ArrayExpression) {
    const first = expression.elements[0];
    return first && first.type !== AST_NODE_TYPES.SpreadElement ? constStringValue(sourceCode, first) : undefined;
  }
  if (expression.type === AST_NODE_TYPES.ObjectExpression) {
    const path = objectProperty(expression, 'path', sourceCode);
    return path ? pathArgument(path.value, sourceCode) : '';
  }
  return constStringValue(sourceCode, expression);
}

/** `users` + `:id/role` → `/users/:id/role`; '' + '' → `/`. */
function joinRoute(prefix: string | undefined, path: string | undefined): string | undefined {
  if (prefix === undefined || path === undefined) return undefined;
  const parts = [prefix, path].flatMap((part) => part.split('/')).filter((part) => part.length > 0);
  return `/${parts.join('/')}`;
}

/** The decorator's name node and the identifier it is read from: `@Post` → both `Post`; `@nest.Post` → `Post`, `nest`. */
function decoratorNames(target: TSESTree.Node): { nameNode: TSESTree.Identifier; root: TSESTree.Identifier } | undefined {
  if (target.type === AST_NODE_TYPES.Identifier) return { nameNode: target, root: target };
  if (
    target.type === AST_NODE_TYPES.MemberExpression &&
    !target.computed &&
    target.property.type === AST_NODE_TYPES.Identifier &&
    unwrapExpression(target.object).type === AST_NODE_TYPES.Identifier
  ) {
    return { nameNode: target.property, root: unwrapExpression(target.object) as TSESTree.Identifier };
  }
  return undefined;
}

function originOf(state: NestState, decorator: TSESTree.Decorator): DecoratorOrigin | undefined {
  const expression = unwrapExpression(decorator.expression);
  const call = expression.type === AST_NODE_TYPES.CallExpression ? expression : undefined;
  const names = decoratorNames(unwrapExpression(call ? call.callee : expression));
  if (!names) return undefined;
  const { nameNode, root } = names;
  const services = servicesOf(state);
  if (services) {
    const symbol = services.symbolOf(nameNode);
    const module = packageOfSymbol(symbol);
    if (symbol && module !== undefined) return { name: symbol.name, module, call };
  }
  const binding = bindingOf(state.adapter.sourceCode, root);
  if (binding.kind === 'unbound') return { name: nameNode.name, module: root === nameNode ? undefined : null, call };
  if (binding.kind === 'local') return { name: nameNode.name, module: null, call };
  // `import { Post as P }` → Post; `import * as nest` + `@nest.Post()` → Post.
  const name = root === nameNode ? (binding.imported ?? nameNode.name) : nameNode.name;
  return { name, module: binding.module, call };
}

/** Whether the decorator is `names` from `module`, or an unbound name of that list (untyped fallback). */
function isFrom(origin: DecoratorOrigin | undefined, module: string, names: { has(name: string): boolean }): boolean {
  return origin !== undefined && names.has(origin.name) && (origin.module === module || origin.module === undefined);
}

function requestContext(state: NestState, method: TSESTree.FunctionExpression): RequestContextAccess {
  const services = servicesOf(state);
  let actor: string | undefined;
  let userActor: string | undefined;
  let source: string | undefined;
  let ipSource: string | undefined;
  for (const parameter of method.params) {
    const identifier = parameterIdentifier(parameter);
    if (!identifier) continue;
    const name = identifier.name;
    for (const decorator of parameter.decorators) {
      const origin = originOf(state, decorator);
      if (!origin) continue;
      if (isFrom(origin, NEST_COMMON, nest.requestDecorators)) {
        actor ??= contextAccess(services, identifier, name, REQUEST_CONTEXT.actor.path, REQUEST_CONTEXT.actor.text(name));
        source ??= contextAccess(services, identifier, name, REQUEST_CONTEXT.source.path, REQUEST_CONTEXT.source.text(name));
      } else if (isFrom(origin, NEST_COMMON, nest.ipDecorators)) {
        ipSource ??= name;
      } else if (origin.name.toLowerCase().includes('user')) {
        userActor ??= userAccess(state, services, identifier, origin);
      }
    }
  }
  const result: { actor?: string; source?: string } = {};
  const chosenActor = userActor ?? actor;
  const chosenSource = ipSource ?? source;
  if (chosenActor !== undefined) result.actor = chosenActor;
  if (chosenSource !== undefined) result.source = chosenSource;
  return result;
}

/** `@CurrentUser() user` → `user?.id` (`user.id` / `user.sub` with types); `@CurrentUser('id') userId` or a string / number → the value itself. */
function userAccess(state: NestState, services: TypeServices | undefined, identifier: TSESTree.Identifier, origin: DecoratorOrigin): string | undefined {
  const name = identifier.name;
  const field = origin.call?.arguments[0] ? constStringValue(state.adapter.sourceCode, origin.call.arguments[0]) : undefined;
  if (!services) return field === undefined ? `${name}?.id` : name;
  const type = services.typeOf(identifier);
  if (!type) return undefined;
  if (services.isLoose(type)) return field === undefined ? `${name}?.id` : name;
  try {
    // A string / number (literal, enum, template) is the id itself.
    const apparent = services.checker.getApparentType(services.checker.getNonNullableType(type)).getSymbol()?.name;
    if (apparent === 'String' || apparent === 'Number') return name;
  } catch {
    return undefined;
  }
  for (const key of nest.userIdKeys) {
    const text = contextAccess(services, identifier, name, [key], undefined);
    if (text !== undefined) return text;
  }
  return undefined;
}

/** `@Mutation('name')`, `@Mutation(() => T, { name: 'name' })`, `@Mutation({ name })`. */
function graphqlName(call: TSESTree.CallExpression | undefined, sourceCode: SourceCode): string | undefined {
  for (const argument of call?.arguments ?? []) {
    const expression = unwrapExpression(argument);
    const direct = constStringValue(sourceCode, expression);
    if (direct !== undefined) return direct;
    if (expression.type === AST_NODE_TYPES.ObjectExpression) {
      const name = constStringValue(sourceCode, objectProperty(expression, 'name', sourceCode)?.value);
      if (name !== undefined) return name;
    }
  }
  return undefined;
}

/** Whether a class is a controller (with its route prefix) or a resolver; undefined for any other class. */
function classKind(state: NestState, node: ClassNode): { kind: 'http' | 'graphql'; prefix: string | undefined } | undefined {
  for (const decorator of node.decorators) {
    const origin = originOf(state, decorator);
    if (origin && isFrom(origin, NEST_COMMON, CONTROLLER)) {
      return { kind: 'http', prefix: pathArgument(origin.call?.arguments[0], state.adapter.sourceCode) };
    }
    if (isFrom(origin, NEST_GRAPHQL, RESOLVER)) return { kind: 'graphql', prefix: '' };
  }
  return undefined;
}

interface ClassInfo {
  readonly kind: 'http' | 'graphql';
  readonly prefix: string | undefined;
  readonly className: string;
  readonly decorators: readonly TSESTree.Decorator[];
}

/** The endpoint one method decorator makes (`@Post(':id')`, `@Mutation()`), if any. */
function checkDecorator(state: NestState, info: ClassInfo, member: TSESTree.MethodDefinition, handler: TSESTree.FunctionExpression, decorator: TSESTree.Decorator): void {
  const { sourceCode } = state.adapter;
  const origin = originOf(state, decorator);
  if (!origin) return;
  const methodName = propertyKeyName(member, sourceCode);
  let method: EndpointMethod | undefined;
  let route: string | undefined;
  let label: string;
  if (info.kind === 'http' && isFrom(origin, NEST_COMMON, nest.httpDecorators)) {
    method = nest.httpDecorators.get(origin.name);
    route = joinRoute(info.prefix, pathArgument(origin.call?.arguments[0], sourceCode));
    label = `${method} ${route ?? `${info.className}.${methodName ?? '<computed>'}`}`;
  } else if (info.kind === 'graphql' && isFrom(origin, NEST_GRAPHQL, nest.graphqlDecorators)) {
    method = nest.graphqlDecorators.get(origin.name);
    route = graphqlName(origin.call, sourceCode) ?? methodName;
    label = `GraphQL ${method === 'MUTATION' ? 'mutation' : 'query'}${route === undefined ? '' : ` ${route}`}`;
  } else {
    return;
  }
  if (!method) return;
  state.adapter.report({
    framework: 'nest',
    methods: [method],
    route,
    label,
    reportNode: member.key,
    chain: [handler],
    handler,
    decorators: [...member.decorators, ...info.decorators],
    context: requestContext(state, handler),
  });
}

function checkClass(state: NestState, node: ClassNode): void {
  if (node.decorators.length === 0) return;
  const kind = classKind(state, node);
  if (!kind) return;
  const info: ClassInfo = { ...kind, className: node.id?.name ?? 'anonymous class', decorators: node.decorators };
  for (const member of node.body.body) {
    if (member.type !== AST_NODE_TYPES.MethodDefinition || member.kind !== 'method' || member.decorators.length === 0) continue;
    if (member.value.type !== AST_NODE_TYPES.FunctionExpression) continue;
    for (const decorator of member.decorators) checkDecorator(state, info, member, member.value, decorator);
  }
}

export const nestAdapter: EndpointAdapter = {
  framework: 'nest',
  create(adapter) {
    const state: NestState = { adapter, services: undefined };
    return {
      ClassDeclaration: (node) => checkClass(state, node),
      ClassExpression: (node) => checkClass(state, node),
    };
  },
};
