/**
 * What the HTTP adapters (Express, Fastify, Koa, Hono) share: deciding which framework, if any, receives a
 * registration call (`app.post(...)`, `router.get(...)`, `fastify.route(...)`), and naming the request context of a
 * handler. Framework knowledge (packages, creations, type names, route and chaining methods, conventional names,
 * plugins, request context) is in the records, `frameworks/<framework>.ts`.
 *
 * Receiver recognition, in order:
 *
 * 1. **Typed mode** (the parser has a `program`): the receiver's type decides (`typed-receiver.ts`). A type counts as
 *    a framework's when a symbol it goes by (its own, its alias, its apparent type's, a base type's, an intersection
 *    member's) has one of the framework's type names AND is declared in a file of the framework's type packages under
 *    `node_modules`. Any other resolved type (`Map`, an axios instance, a custom class with a `post` method, Express's
 *    `Request`) is not a receiver: no fallback to names. `any`, `unknown` and the error type of unresolved code fall
 *    through to the untyped logic.
 * 2. **Untyped mode** — the receiver's origin in the file, followed through scope analysis (`receiver-origin.ts`):
 *    `express()`, `express.Router()`, `Router()` from 'express'; `Fastify()` / `fastify()` from 'fastify'; `new
 *    Router()` from '@koa/router' (or 'koa-router'); `new Hono()` / `new OpenAPIHono()`; whatever alias the import
 *    has, ESM or `require`. Chained calls keep the framework (`app.get(...).post(...)`, `new Hono().basePath('/api')`,
 *    `app.route('/x')`). Parameters count when annotated with a framework type (`(router: Router)` imported from
 *    'express') and, for Fastify, when they are the first parameter of a plugin (`plugins.ts`).
 * 3. **Conventional names**: a receiver of unknown origin named `app`, `router`, `api`, `server` or `fastify`
 *    is reported as `via: 'conventional'`; the adapters then also require the registration to look like one (a
 *    string path starting with `/` and a function or identifier handler). Its framework is guessed from the file's
 *    imports: the one HTTP framework the file imports, else Fastify for a receiver named `fastify`, else Express
 *    (whose `app.METHOD(path, handler)` is the generic shape). A receiver whose origin is visibly something else —
 *    created by or imported from a package that is not an HTTP framework (`axios.create()`, `import http from
 *    'node:http'`), or a built-in collection (`new Map()`) — is never conventional.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { staticPropertyName } from '../ast/keys.js';
import { unwrapExpression } from '../ast/unwrap.js';
import { getTypeServices } from '../types/services.js';
import { CONVENTIONAL_RECEIVER_NAMES } from './frameworks/index.js';
import type { ContextValue, HttpFramework } from './frameworks/types.js';
import { guessFramework, originOf } from './receiver-origin.js';
import { parameterAt } from './route-syntax.js';
import { propertyPathPresence, type Role, typedReceiver } from './typed-receiver.js';
import type { Framework, RequestContextAccess } from './types.js';

export type { HttpFramework };

type RuleContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export interface ReceiverInfo {
  readonly framework: HttpFramework;
  /** `type`: the checker confirmed it; `origin`: its definition in this file; `conventional`: only its name (see module doc). */
  readonly via: 'type' | 'origin' | 'conventional';
  /** `route`: an Express route object (`app.route(path)`), whose methods take handlers only; `app` otherwise. */
  readonly role: Role;
}

/** Per file: keyed by the receiver node (an AST is parsed in one mode, so the answer never changes). */
const receiverCache = new WeakMap<TSESTree.Node, ReceiverInfo | null>();

/**
 * Which HTTP framework receives registrations on `node` (the object of `node.post(...)`), how that is known, and
 * whether it is an Express route object; undefined when it is not (or not recognizably) a framework's app, router or
 * instance. See the module comment for the rules. Never throws.
 */
export function frameworkOfReceiver(node: TSESTree.Node, context: RuleContext): ReceiverInfo | undefined {
  const cached = receiverCache.get(node);
  if (cached !== undefined) return cached ?? undefined;
  let info: ReceiverInfo | undefined;
  try {
    info = computeReceiver(node, context);
  } catch {
    info = undefined;
  }
  receiverCache.set(node, info ?? null);
  return info;
}

function computeReceiver(node: TSESTree.Node, context: RuleContext): ReceiverInfo | undefined {
  const services = getTypeServices(context);
  if (services) {
    const verdict = typedReceiver(services, node);
    if (verdict === 'other') return undefined;
    if (verdict !== 'unresolved') return { framework: verdict.framework, via: 'type', role: verdict.role };
  }
  const { sourceCode } = context;
  const origin = originOf(sourceCode, node, 0);
  if (origin.kind === 'framework') return { framework: origin.framework, via: 'origin', role: origin.role };
  if (origin.kind === 'unknown' && origin.name !== undefined && CONVENTIONAL_RECEIVER_NAMES.has(origin.name)) {
    const framework = guessFramework(sourceCode, origin.name);
    return framework ? { framework, via: 'conventional', role: origin.role } : undefined;
  }
  return undefined;
}

/**
 * A route registration `receiver.name(…)` on a receiver of `framework`, for the method names `accepts`
 * takes; undefined for any other call.
 */
export function registrationCall(
  context: RuleContext,
  call: TSESTree.CallExpression,
  framework: Framework,
  accepts: (name: string) => boolean,
): { callee: TSESTree.MemberExpression; name: string; info: ReceiverInfo } | undefined {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const name = staticPropertyName(callee);
  if (name === undefined || !accepts(name)) return undefined;
  const info = frameworkOfReceiver(callee.object, context);
  return info?.framework === framework ? { callee, name, info } : undefined;
}

/**
 * The request context of a handler named after its first parameter (`req`, `ctx`, `c`): the actor expression when
 * the parameter's type has the actor's path (untyped: always, unless the record says `typedOnly`), and the source.
 */
export function requestContextOf(
  context: RuleContext,
  handler: TSESTree.FunctionLike | undefined,
  access: { readonly actor: ContextValue; readonly source: ContextValue },
): RequestContextAccess | undefined {
  const parameter = parameterAt(handler, 0);
  if (!parameter) return undefined;
  const presence = propertyPathPresence(context, parameter, access.actor.path);
  const named = access.actor.typedOnly ? presence === 'present' : presence !== 'missing';
  return { actor: named ? access.actor.text(parameter.name) : undefined, source: access.source.text(parameter.name) };
}

export { propertyPathPresence };
