/**
 * Every web framework the endpoint analysis knows, one record per file, and the lookup tables derived from them.
 * Nothing below names a framework: receivers (`receivers.ts`), adapters, the audit registrations
 * (`audit/registrations.ts`), the audit-event suggestions (`fixes/audit-fields.ts`) and the sink detector read these
 * tables.
 *
 * Adding a framework:
 * 1. `frameworks/<framework>.ts`: its record ({@link FrameworkRecord}; an HTTP framework fills
 *    {@link HttpFrameworkRecord}), added to {@link FRAMEWORK_RECORDS} below, and its name to `Framework` in `../types.ts`;
 * 2. `endpoints/<framework>.ts`: its adapter (the registration shapes the records cannot say: where the path and the
 *    handler sit), added to `ADAPTERS` in `../adapters.ts`;
 * 3. `tests/analysis/endpoints/<framework>.test.ts`; `records.test.ts` checks the record is well-formed and derived.
 */
import type { EndpointMethod, Framework } from '../types.js';
import { express } from './express.js';
import { factory } from './factory.js';
import { fastify } from './fastify.js';
import { hono } from './hono.js';
import { koa } from './koa.js';
import { nest } from './nest.js';
import { next } from './next.js';
import { trpc } from './trpc.js';
import type { ContextValue, Creation, FrameworkRecord, HttpFramework, HttpFrameworkRecord, ModuleList, Mount, Plugins } from './types.js';

export type * from './types.js';

/** In the order their endpoints are reported: the HTTP frameworks, then the application frameworks. */
export const FRAMEWORK_RECORDS: readonly FrameworkRecord[] = [express, fastify, koa, hono, nest, next, trpc, factory];

/** Every framework's {@link FrameworkRecord.responseMethods}: calls that answer a request and change nothing. */
export const RESPONSE_METHODS: ReadonlySet<string> = new Set(FRAMEWORK_RECORDS.flatMap((record) => record.responseMethods ?? []));

export function isHttpRecord(record: FrameworkRecord): record is HttpFrameworkRecord {
  return record.kind === 'http' && record.creations !== undefined && record.types !== undefined && record.routes !== undefined;
}

/** Whether `module` is in a module list (an entry ending in `/` matches every module under it). */
export function inModules(list: ModuleList, module: string): boolean {
  return list.some((entry) => (entry.endsWith('/') ? module.startsWith(entry) : module === entry));
}

const SEPARATOR = String.raw`[\\/]`;
const ANY_PACKAGE = String.raw`[^\\/]+`;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/** `node_modules/<package>/` for each package (a scope `@hono/` matches each of its packages), either separator. */
export function declarationFiles(packages: ModuleList): RegExp {
  const alternatives = packages.map((entry) => {
    const scope = entry.endsWith('/');
    const parts = (scope ? entry.slice(0, -1) : entry).split('/').map(escapeRegExp);
    return (scope ? [...parts, ANY_PACKAGE] : parts).join(SEPARATOR);
  });
  return new RegExp(`${SEPARATOR}node_modules${SEPARATOR}(?:${alternatives.join('|')})${SEPARATOR}`, 'u');
}

/** What the receivers need of one HTTP framework. */
export interface HttpTables {
  readonly framework: HttpFramework;
  readonly packages: ModuleList;
  readonly creations: readonly Creation[];
  /** Declaration files of the framework's type packages. */
  readonly typeFiles: RegExp;
  readonly typeNames: ReadonlySet<string>;
  readonly routeTypeNames: ReadonlySet<string>;
  /** Registration method (lower case, as called) → the method it registers. */
  readonly routeMethods: ReadonlyMap<string, EndpointMethod>;
  readonly chaining: ReadonlySet<string>;
  readonly routeObject: string | undefined;
  readonly minArguments: number;
  readonly plugins: Plugins | undefined;
}

/** The request-context value a suggestion looks for in scope: a conventional variable name and how to read it. */
export interface ContextCandidate extends ContextValue {
  readonly name: string;
  readonly evidence?: readonly string[];
}

export interface FrameworkTables {
  readonly records: readonly FrameworkRecord[];
  /** The HTTP frameworks, in record order. */
  readonly http: readonly HttpTables[];
  readonly httpByName: ReadonlyMap<string, HttpTables>;
  /** Framework names whose adapters are HTTP (registrations on an app) and application ones, in record order. */
  readonly httpFrameworks: readonly Framework[];
  readonly appFrameworks: readonly Framework[];
  /** Route methods of every HTTP framework (for receivers of unknown origin). */
  readonly anyRouteMethods: ReadonlySet<string>;
  /** Route-object factories (`route`) and the methods registering on a route object. */
  readonly routeObjectFactories: ReadonlySet<string>;
  readonly routeObjectMethods: ReadonlySet<string>;
  readonly conventionalNames: ReadonlySet<string>;
  /** Conventional name → the framework whose name it is (the guess when the file imports none or several). */
  readonly conventionalGuess: ReadonlyMap<string, HttpFramework>;
  readonly conventionalDefault: HttpFramework | undefined;
  /** Middleware registration methods: `use`-like (optional path prefix first) and hook methods. */
  readonly useMethods: ReadonlySet<string>;
  readonly hookMethods: ReadonlySet<string>;
  /** Hooks that run for every request of a route, before or around the handler. */
  readonly requestHooks: ReadonlySet<string>;
  readonly mounts: readonly (Mount & { readonly framework: Framework })[];
  /**
   * Candidates for the actor and the source in `audit-event-fields` suggestions, in record order, one per variable
   * name (the first record's wins); values marked `inFieldSuggestions: false` are left out.
   */
  readonly actorCandidates: readonly ContextCandidate[];
  readonly sourceCandidates: readonly ContextCandidate[];
}

function httpTables(record: HttpFrameworkRecord): HttpTables {
  const { routes, types } = record;
  const routeMethods = new Map<string, EndpointMethod>(routes.methods.map((name) => [name, name.toUpperCase() as EndpointMethod]));
  for (const [alias, method] of Object.entries(routes.aliases ?? {})) routeMethods.set(alias, method);
  return {
    framework: record.framework,
    packages: record.packages,
    creations: record.creations,
    typeFiles: declarationFiles(types.packages),
    typeNames: new Set(types.names),
    routeTypeNames: new Set(types.routeNames ?? []),
    routeMethods,
    chaining: new Set(routes.chaining),
    routeObject: routes.routeObject,
    minArguments: routes.minArguments ?? 0,
    plugins: record.plugins,
  };
}

function candidates(records: readonly FrameworkRecord[], field: 'actor' | 'source'): ContextCandidate[] {
  const found = new Map<string, ContextCandidate>();
  for (const record of records) {
    for (const context of record.requestContext ?? []) {
      const value = context[field];
      if (!value || value.inFieldSuggestions === false) continue;
      for (const name of context.names) {
        if (!found.has(name)) found.set(name, { name, ...value, ...(context.evidence ? { evidence: context.evidence } : {}) });
      }
    }
  }
  return [...found.values()];
}

/** Builds every lookup table from the records (exported so tests can derive from an extended list). */
export function deriveTables(records: readonly FrameworkRecord[]): FrameworkTables {
  const http = records.filter(isHttpRecord).map(httpTables);
  const httpRecords = records.filter(isHttpRecord);
  const conventionalGuess = new Map<string, HttpFramework>();
  for (const record of httpRecords) for (const name of record.conventionalNames ?? []) if (!conventionalGuess.has(name)) conventionalGuess.set(name, record.framework);
  const hooks = records.flatMap((record) => (record.middleware?.hooks ? [record.middleware.hooks] : []));
  return {
    records,
    http,
    httpByName: new Map(http.map((tables) => [tables.framework, tables])),
    httpFrameworks: records.filter((record) => record.kind === 'http').map((record) => record.framework),
    appFrameworks: records.filter((record) => record.kind === 'app').map((record) => record.framework),
    anyRouteMethods: new Set(http.flatMap((tables) => [...tables.routeMethods.keys()])),
    routeObjectFactories: new Set(http.flatMap((tables) => (tables.routeObject ? [tables.routeObject] : []))),
    routeObjectMethods: new Set(http.flatMap((tables) => (tables.routeObject ? [...tables.routeMethods.keys()] : []))),
    conventionalNames: new Set(conventionalGuess.keys()),
    conventionalGuess,
    conventionalDefault: httpRecords.find((record) => record.conventionalDefault)?.framework,
    useMethods: new Set(records.flatMap((record) => record.middleware?.use ?? [])),
    hookMethods: new Set(hooks.map((hook) => hook.method)),
    requestHooks: new Set(hooks.flatMap((hook) => [...hook.before, ...hook.after])),
    mounts: records.flatMap((record) => (record.mounts ?? []).map((mount) => ({ ...mount, framework: record.framework }))),
    actorCandidates: candidates(records, 'actor'),
    sourceCandidates: candidates(records, 'source'),
  };
}

/** The tables of the known frameworks (per process, immutable). */
export const FRAMEWORKS: FrameworkTables = deriveTables(FRAMEWORK_RECORDS);

/** One HTTP framework's tables. */
export function httpFramework(framework: HttpFramework): HttpTables {
  const tables = FRAMEWORKS.httpByName.get(framework);
  if (!tables) throw new Error(`No record for HTTP framework ${framework}`);
  return tables;
}

/** Route-registration methods of each HTTP framework (lower case, as called). */
export const ROUTE_METHODS: Readonly<Record<HttpFramework, ReadonlyMap<string, EndpointMethod>>> = Object.fromEntries(
  FRAMEWORKS.http.map((tables) => [tables.framework, tables.routeMethods]),
) as Record<HttpFramework, ReadonlyMap<string, EndpointMethod>>;

/** Receiver names that make an unknown-origin receiver worth reporting when the call looks like a route. */
export const CONVENTIONAL_RECEIVER_NAMES: ReadonlySet<string> = FRAMEWORKS.conventionalNames;

/** The HTTP framework a module specifier belongs to (for guessing the framework of a conventional receiver). */
export function frameworkOfModule(module: string, tables: FrameworkTables = FRAMEWORKS): HttpFramework | undefined {
  return tables.http.find((framework) => inModules(framework.packages, module))?.framework;
}

/** The request context an adapter names after a handler's parameter: the record's first with a parameter, actor and source. */
export function handlerContext(record: FrameworkRecord): { readonly actor: ContextValue; readonly source: ContextValue } {
  const found = record.requestContext?.find((candidate) => candidate.parameter !== undefined && candidate.actor && candidate.source);
  if (!found?.actor || !found.source) throw new Error(`The ${record.framework} record has no handler request context`);
  return { actor: found.actor, source: found.source };
}
