/**
 * The shape of a web-framework record (`frameworks/<framework>.ts`): what the framework looks like in code, as data.
 * The lookup tables the receivers, adapters, audit registrations and the audit-event suggestions read are derived
 * from these records by `frameworks/index.ts`; no framework knowledge is written anywhere else.
 *
 * Module lists: an entry ending in `/` matches every module under it (`@fastify/` → `@fastify/cors`, `hono/` →
 * `hono/tiny`); any other entry matches exactly.
 */
import type { EndpointMethod, Framework } from '../types.js';

/** The frameworks whose apps / routers receive registrations (`app.post(path, handler)`): the "HTTP" adapters. */
export type HttpFramework = Extract<Framework, 'express' | 'fastify' | 'koa' | 'hono'>;

export type ModuleList = readonly string[];

/** How an app, router or instance is created from an import: `express()`, `express.Router()`, `new Hono()`. */
export interface Creation {
  readonly modules: ModuleList;
  /** `call`: `express()`; `new`: `new Hono()`; `any`: either (`Router()` / `new Router()` of `@koa/router`). */
  readonly kind: 'call' | 'new' | 'any';
  /** Export paths below the module, a leading `default` dropped: `[]` is the module itself, `['Router']` its `Router`. */
  readonly exports: readonly (readonly string[])[];
}

/** Where the framework's receiver types are declared (typed mode, and annotations in untyped mode). */
export interface TypeNames {
  /** Packages declaring them (`@types/…` included), matched as `node_modules/<package>/` in a declaration's path. */
  readonly packages: ModuleList;
  /** Type names of app / router / instance objects. */
  readonly names: readonly string[];
  /** Type names of route objects (Express `IRoute`, from `app.route(path)`). */
  readonly routeNames?: readonly string[];
}

export interface Routes {
  /** Route-registration methods, lower case as called; each registers the method of its upper-case name (`all` → `ALL`). */
  readonly methods: readonly string[];
  /** Other registration methods and the method they register (`del` → `DELETE`). */
  readonly aliases?: Readonly<Record<string, EndpointMethod>>;
  /** Methods returning the same app / router / instance (so `app.use(a).post(...)` stays recognized). */
  readonly chaining: readonly string[];
  /** The method that makes a route object (`app.route('/x').get(h).post(h2)`, one argument). */
  readonly routeObject?: string;
  /**
   * A registration returns the receiver only with at least this many arguments: Express's `app.get('port')` is the
   * settings getter, not a route.
   */
  readonly minArguments?: number;
}

/** How a function receives an instance as a plugin (Fastify: `fastify.register(plugin)`, `fp(plugin)`). */
export interface Plugins {
  /** The registering method, on any receiver. */
  readonly registerMethod: string;
  /** Modules whose default export wraps a plugin (`fastify-plugin`). */
  readonly wrapperModules: ModuleList;
  /** Type names that make a function a plugin (`FastifyPluginAsync`: every name starting with the prefix). */
  readonly typePrefix: string;
}

/** Middleware registered on an app or router: it runs before the routes registered after it on the same receiver. */
export interface Middleware {
  /** `X.use([prefix,] ...handlers)`. */
  readonly use?: readonly string[];
  /** `X.addHook('onRequest', handler)`: the method and the request hooks, in lifecycle order around the handler. */
  readonly hooks?: { readonly method: string; readonly before: readonly string[]; readonly after: readonly string[] };
}

/** How a sub-router or plugin is mounted under a path prefix. */
export interface Mount {
  /** The mounting method (`use`, `route`, `register`, `basePath`, `prefix`). */
  readonly method: string;
  /** Where the prefix is: the first argument, or an option of the second (`register(plugin, { prefix })`). */
  readonly prefix: 'first-argument' | { readonly option: string };
}

/** One value of the request context, read from a variable: a property path and the expression naming it. */
export interface ContextValue {
  /** The path checked against the variable's type in typed mode (`['user', 'id']`). */
  readonly path: readonly string[];
  /** The expression text, given the variable's name. */
  readonly text: (name: string) => string;
  /** The adapters name it only when the type shows the path, never in untyped mode (`audit-event-fields` does not apply this). */
  readonly typedOnly?: boolean;
  /** `false`: not offered by the `audit-event-fields` suggestions (a known drift kept unchanged, see the record). */
  readonly inFieldSuggestions?: false;
}

/** Where a handler finds the authenticated user (actor) and the client address (source). */
export interface RequestContext {
  /** The conventional names of the variable holding it (`req`, `ctx`, `c`): what a suggestion looks for in scope. */
  readonly names: readonly string[];
  /** The handler parameter holding it, when the adapters name it after that parameter. */
  readonly parameter?: number;
  readonly actor?: ContextValue;
  readonly source?: ContextValue;
  /** Untyped mode: a conventional name counts only when the variable is read with one of these members (`ctx.state`). */
  readonly evidence?: readonly string[];
}

/**
 * Where a handler reads the whole request payload and headers: sources of `no-sensitive-data-in-logs` when written
 * whole (`logger.info(req.body)`). Paths are member paths from a variable of one of `names`.
 */
export interface RequestData {
  /** Parameter names holding the request, or a context around it (`req`, `request`, `ctx`, `c`). */
  readonly names: readonly string[];
  /** Member paths to the whole payload (`['body']`, `['request', 'body']`). */
  readonly body?: readonly (readonly string[])[];
  /** Member paths to every header (`['headers']`). */
  readonly headers?: readonly (readonly string[])[];
  /** Methods (paths) whose result, awaited, is the whole payload (`request.json()`, `c.req.parseBody()`). */
  readonly bodyReaders?: readonly (readonly string[])[];
  /** Methods (paths) that return every header when called with no argument (`c.req.header()`). */
  readonly headerReaders?: readonly (readonly string[])[];
}

/** Functions, parameter decorators and callbacks that hand out the whole payload or headers. */
export interface RequestDataEntries {
  /** Imported functions returning every header (`headers()` of `next/headers`). */
  readonly headerFunctions?: readonly { readonly module: string; readonly name: string }[];
  /** Parameter decorators, called with no argument, whose parameter is the whole payload / every header (`@Body()`). */
  readonly bodyDecorators?: readonly string[];
  readonly headerDecorators?: readonly string[];
  /** Procedure methods whose callback's option `property` is the request payload (`.mutation(({ input }) => …)`). */
  readonly payloadCallbacks?: { readonly methods: readonly string[]; readonly property: string };
}

export interface FrameworkRecord {
  readonly framework: Framework;
  /** `http`: registrations on an app / router (adapters in `http-adapters.ts`); `app`: the other shapes (`app-adapters.ts`). */
  readonly kind: 'http' | 'app';
  /** Packages an import of which says the file uses the framework. */
  readonly packages: ModuleList;
  readonly creations?: readonly Creation[];
  readonly types?: TypeNames;
  readonly routes?: Routes;
  /** Receiver names that, of unknown origin, are taken for this framework's app when the call looks like a route. */
  readonly conventionalNames?: readonly string[];
  /** The framework a conventional receiver is guessed to be when the file imports none or several (one record). */
  readonly conventionalDefault?: boolean;
  readonly plugins?: Plugins;
  readonly middleware?: Middleware;
  readonly mounts?: readonly Mount[];
  /** Request contexts, most specific first. */
  readonly requestContext?: readonly RequestContext[];
  /** Where the whole request payload and headers are read. */
  readonly requestData?: readonly RequestData[];
  readonly requestDataEntries?: RequestDataEntries;
  /**
   * Methods of the request context or the response that answer the request and change no state (`res.status().json()`,
   * `ctx.throw(404)`, `c.req.valid('json')`): reads for the read-only inference of require-endpoint-audit. Names that
   * could be writes of another value (`set`, `remove`, `download`) are not listed.
   */
  readonly responseMethods?: readonly string[];
}

/** A record of an HTTP framework: everything the receivers need is there. */
export interface HttpFrameworkRecord extends FrameworkRecord {
  readonly framework: HttpFramework;
  readonly kind: 'http';
  readonly creations: readonly Creation[];
  readonly types: TypeNames;
  readonly routes: Routes;
}
