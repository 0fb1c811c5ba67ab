/**
 * The endpoint model shared by every framework adapter (`src/analysis/endpoints/<framework>.ts`)
 * and read by `require-endpoint-audit`. Adapters only recognize endpoints; deciding whether an
 * endpoint is audited (reach, wrappers, decorators, middleware) is `src/analysis/audit.ts` and
 * `src/analysis/reach.ts`.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { Policy } from '../../policy.js';

export type Framework = 'express' | 'fastify' | 'koa' | 'hono' | 'nest' | 'next' | 'trpc' | 'factory';

/**
 * What an endpoint does, normalized:
 * HTTP methods in upper case (`POST`, `GET`, …, `ALL` for `app.all` / `@All`), `MUTATION` / `QUERY`
 * for tRPC procedures and GraphQL resolvers, `ACTION` for Next.js server actions.
 */
export type EndpointMethod =
  | 'GET'
  | 'HEAD'
  | 'OPTIONS'
  | 'POST'
  | 'PUT'
  | 'PATCH'
  | 'DELETE'
  | 'ALL'
  | 'MUTATION'
  | 'QUERY'
  | 'ACTION';

/** How the handler reaches the request context, for the suggested audit call. */
export interface RequestContextAccess {
  /** Expression text for the authenticated user's id, e.g. `req.user?.id`, `ctx.state.user?.id`, `c.get('user')?.id`. */
  readonly actor?: string;
  /** Expression text for the client address, e.g. `req.ip`, `request.ip`, `c.req.header('x-forwarded-for')`. */
  readonly source?: string;
}

export interface Endpoint {
  readonly framework: Framework;
  /** One entry per method the endpoint answers (a Fastify route may list several). */
  readonly methods: readonly EndpointMethod[];
  /** The route path (`/users/:id/role`), procedure name, action name or export name; undefined when not static. */
  readonly route: string | undefined;
  /** Human label for messages: `POST /users/:id/role`, `tRPC mutation updateRole`, `server action deleteUser`. */
  readonly label: string;
  /** Where to report: the route registration's callee / decorator / export name — never a whole body. */
  readonly reportNode: TSESTree.Node;
  /**
   * The handler chain in order: inline functions, identifiers or member expressions naming handlers,
   * middleware expressions, and wrapper calls (`withAudit(handler)`). The audit analysis decides what each is.
   */
  readonly chain: readonly TSESTree.Node[];
  /**
   * The function whose body is the endpoint's main handler, when the adapter can see it (last inline
   * function of the chain, the decorated method, the exported function). The suggestion inserts there.
   */
  readonly handler: TSESTree.FunctionLike | undefined;
  /** The app/router/instance receiving the registration, for "middleware registered before" checks. */
  readonly receiver?: TSESTree.Expression;
  /** Decorators that may audit: the method's and its class's (NestJS). */
  readonly decorators?: readonly TSESTree.Decorator[];
  /** How to name the user and client address inside `handler`. */
  readonly context?: RequestContextAccess;
  /**
   * For endpoints that are only one branch of a handler (pages/api `switch (req.method)`): the branch's
   * statements or node. When set, only this subtree (and what it calls) counts, not the whole handler.
   */
  readonly branch?: TSESTree.Node;
}

export interface AdapterContext {
  readonly context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  readonly policy: Policy;
  /** Called once per endpoint found. */
  readonly report: (endpoint: Endpoint) => void;
}

/** One framework's recognizer: returns AST visitors that call `report` for each endpoint. */
export interface EndpointAdapter {
  readonly framework: Framework;
  create(adapter: AdapterContext): TSESLint.RuleListener;
}
