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
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { unwrapExpression } from '../matchers.js';
import {
  bindingOf,
  contextAccess,
  isLooseType,
  objectProperty,
  packageOfSymbol,
  parameterIdentifier,
  propertyKeyName,
  resolvedSymbol,
  staticString,
  typeOfNode,
  typeTools,
  type TypeTools,
} from './factories.js';
import type { EndpointAdapter, EndpointMethod, RequestContextAccess } from './types.js';

const NEST_COMMON = '@nestjs/common';
const NEST_GRAPHQL = '@nestjs/graphql';

const HTTP_DECORATORS: ReadonlyMap<string, EndpointMethod> = new Map<string, EndpointMethod>([
  ['Get', 'GET'],
  ['Post', 'POST'],
  ['Put', 'PUT'],
  ['Patch', 'PATCH'],
  ['Delete', 'DELETE'],
  ['All', 'ALL'],
  ['Head', 'HEAD'],
  ['Options', 'OPTIONS'],
]);

const GRAPHQL_DECORATORS: ReadonlyMap<string, EndpointMethod> = new Map<string, EndpointMethod>([
  ['Mutation', 'MUTATION'],
  ['Query', 'QUERY'],
]);

type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/** What a decorator is: its exported name and package (`null`: declared in the project; undefined: not bound in the file). */
interface DecoratorOrigin {
  readonly name: string;
  readonly module: string | null | undefined;
  /** The decorator call, when it is called (`@Post(':id')`). */
  readonly call: TSESTree.CallExpression | undefined;
}

/** Static path strings of a decorator argument: `'users'`, `['a', 'b']` (the first), `` `x` ``, a const; '' when absent. */
function pathArgument(argument: TSESTree.Node | undefined, sourceCode: Parameters<typeof staticString>[1]): string | undefined {
  if (!argument) return '';
  const expression = unwrapExpression(argument);
  if (expression.type === AST_NODE_TYPES.ArrayExpression) {
    const first = expression.elements[0];
    return first && first.type !== AST_NODE_TYPES.SpreadElement ? staticString(first, sourceCode) : undefined;
  }
  if (expression.type === AST_NODE_TYPES.ObjectExpression) {
    const path = objectProperty(expression, 'path', sourceCode);
    return path ? pathArgument(path.value, sourceCode) : '';
  }
  return staticString(expression, sourceCode);
}

/** `users` + `:id/role` → `/users/:id/role`; '' + '' → `/`. */
function joinRoute(prefix: string | undefined, path: string | undefined): string | undefined {
  if (prefix === undefined || path === undefined) return undefined;
  const parts = [prefix, path].flatMap((part) => part.split('/')).filter((part) => part.length > 0);
  return `/${parts.join('/')}`;
}

export const nestAdapter: EndpointAdapter = {
  framework: 'nest',
  create({ context, sourceCode, report }) {
    let tools: TypeTools | null | undefined;
    const types = (): TypeTools | undefined => {
      if (tools === undefined) tools = typeTools(context) ?? null;
      return tools ?? undefined;
    };

    function originOf(decorator: TSESTree.Decorator): DecoratorOrigin | undefined {
      const expression = unwrapExpression(decorator.expression);
      const call = expression.type === AST_NODE_TYPES.CallExpression ? expression : undefined;
      const target = unwrapExpression(call ? call.callee : expression);
      let nameNode: TSESTree.Identifier;
      let root: TSESTree.Identifier;
      if (target.type === AST_NODE_TYPES.Identifier) {
        nameNode = target;
        root = target;
      } else if (
        target.type === AST_NODE_TYPES.MemberExpression &&
        !target.computed &&
        target.property.type === AST_NODE_TYPES.Identifier &&
        unwrapExpression(target.object).type === AST_NODE_TYPES.Identifier
      ) {
        nameNode = target.property;
        root = unwrapExpression(target.object) as TSESTree.Identifier;
      } else {
        return undefined;
      }
      const checker = types();
      if (checker) {
        const symbol = resolvedSymbol(checker, nameNode);
        const module = packageOfSymbol(symbol);
        if (symbol && module !== undefined) return { name: symbol.name, module, call };
      }
      const binding = bindingOf(sourceCode, root);
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

    function requestContext(method: TSESTree.FunctionExpression): RequestContextAccess {
      const checker = types();
      let actor: string | undefined;
      let userActor: string | undefined;
      let source: string | undefined;
      let ipSource: string | undefined;
      for (const parameter of method.params) {
        const identifier = parameterIdentifier(parameter);
        if (!identifier) continue;
        const name = identifier.name;
        for (const decorator of parameter.decorators) {
          const origin = originOf(decorator);
          if (!origin) continue;
          if (isFrom(origin, NEST_COMMON, new Set(['Req', 'Request']))) {
            actor ??= contextAccess(checker, identifier, name, ['user', 'id'], `${name}.user?.id`);
            source ??= contextAccess(checker, identifier, name, ['ip'], `${name}.ip`);
          } else if (isFrom(origin, NEST_COMMON, new Set(['Ip']))) {
            ipSource ??= name;
          } else if (origin.name.toLowerCase().includes('user')) {
            userActor ??= userAccess(checker, identifier, origin);
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
    function userAccess(checker: TypeTools | undefined, identifier: TSESTree.Identifier, origin: DecoratorOrigin): string | undefined {
      const name = identifier.name;
      const field = origin.call?.arguments[0] ? staticString(origin.call.arguments[0], sourceCode) : undefined;
      if (!checker) return field === undefined ? `${name}?.id` : name;
      const type = typeOfNode(checker, identifier);
      if (!type) return undefined;
      if (isLooseType(type)) return field === undefined ? `${name}?.id` : name;
      try {
        // A string / number (literal, enum, template) is the id itself; `TypeFlags` values differ between TS versions.
        const apparent = checker.checker.getApparentType(checker.checker.getNonNullableType(type)).getSymbol()?.name;
        if (apparent === 'String' || apparent === 'Number') return name;
      } catch {
        return undefined;
      }
      for (const key of ['id', 'userId', 'sub']) {
        const text = contextAccess(checker, identifier, name, [key], undefined);
        if (text !== undefined) return text;
      }
      return undefined;
    }

    function checkClass(node: ClassNode): void {
      const classDecorators = node.decorators;
      if (classDecorators.length === 0) return;
      let kind: 'http' | 'graphql' | undefined;
      let prefix: string | undefined = '';
      for (const decorator of classDecorators) {
        const origin = originOf(decorator);
        if (origin && isFrom(origin, NEST_COMMON, new Set(['Controller']))) {
          kind = 'http';
          prefix = pathArgument(origin.call?.arguments[0], sourceCode);
          break;
        }
        if (isFrom(origin, NEST_GRAPHQL, new Set(['Resolver']))) {
          kind = 'graphql';
          break;
        }
      }
      if (!kind) return;
      const className = node.id?.name ?? 'anonymous class';

      for (const member of node.body.body) {
        if (member.type !== AST_NODE_TYPES.MethodDefinition || member.kind !== 'method' || member.decorators.length === 0) continue;
        if (member.value.type !== AST_NODE_TYPES.FunctionExpression) continue;
        const methodName = propertyKeyName(member, sourceCode);
        const handler = member.value;
        for (const decorator of member.decorators) {
          const origin = originOf(decorator);
          let method: EndpointMethod | undefined;
          let route: string | undefined;
          let label: string;
          if (!origin) continue;
          if (kind === 'http' && isFrom(origin, NEST_COMMON, HTTP_DECORATORS)) {
            method = HTTP_DECORATORS.get(origin.name);
            route = joinRoute(prefix, pathArgument(origin.call?.arguments[0], sourceCode));
            label = `${method} ${route ?? `${className}.${methodName ?? '<computed>'}`}`;
          } else if (kind === 'graphql' && isFrom(origin, NEST_GRAPHQL, GRAPHQL_DECORATORS)) {
            method = GRAPHQL_DECORATORS.get(origin.name);
            route = graphqlName(origin.call) ?? methodName;
            label = `GraphQL ${method === 'MUTATION' ? 'mutation' : 'query'}${route === undefined ? '' : ` ${route}`}`;
          } else {
            continue;
          }
          if (!method) continue;
          report({
            framework: 'nest',
            methods: [method],
            route,
            label,
            reportNode: member.key,
            chain: [handler],
            handler,
            decorators: [...member.decorators, ...classDecorators],
            context: requestContext(handler),
          });
        }
      }
    }

    /** `@Mutation('name')`, `@Mutation(() => T, { name: 'name' })`, `@Mutation({ name })`. */
    function graphqlName(call: TSESTree.CallExpression | undefined): string | undefined {
      for (const argument of call?.arguments ?? []) {
        const expression = unwrapExpression(argument);
        const direct = staticString(expression, sourceCode);
        if (direct !== undefined) return direct;
        if (expression.type === AST_NODE_TYPES.ObjectExpression) {
          const name = staticString(objectProperty(expression, 'name', sourceCode)?.value, sourceCode);
          if (name !== undefined) return name;
        }
      }
      return undefined;
    }

    return {
      ClassDeclaration: checkClass,
      ClassExpression: checkClass,
    };
  },
};
