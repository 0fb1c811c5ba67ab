/** What an expression is, as far as logging is concerned: the detector's values and the pure operations on them. */
import { GLOBAL_MODULE, LOGGER_TABLES, type LoggerKind } from '../index.js';
import type { RedactPaths } from '../redact.js';

export type Value =
  /** A known package's module object (`path` []) or a value exported under `path`. */
  | { readonly t: 'module'; readonly module: string; readonly path: readonly string[] }
  /** A relative module's namespace (`import * as logging from './logging'`). */
  | { readonly t: 'localModule'; readonly file: string }
  | { readonly t: 'logger'; readonly kind: LoggerKind; readonly redact?: RedactPaths; readonly levels?: readonly string[] }
  /** A function that logs its arguments (`debug('ns')`, `console.log.bind(console)`). */
  | { readonly t: 'logFn'; readonly kind: LoggerKind; readonly redact?: RedactPaths }
  /** A Fastify app (or a request / reply / plugin instance of it): its `.log` is its logger. */
  | { readonly t: 'fastify'; readonly redact?: RedactPaths }
  /** A pino-http middleware: its `.logger`, and `req.log` of the file's handlers. */
  | { readonly t: 'pinoHttp'; readonly redact?: RedactPaths }
  | { readonly t: 'notLogger' };

export type ModuleValue = Extract<Value, { readonly t: 'module' }>;

export const NOT_LOGGER: Value = { t: 'notLogger' };

/** The value of `module` (a package, `node:x`, or the global pseudo-module) at `path`; undefined for an unknown package. */
export function moduleValue(module: string, path: readonly string[]): Value | undefined {
  let name = module.startsWith('node:') ? module.slice(5) : module;
  let rest = [...path];
  if (name === GLOBAL_MODULE && rest[0] === 'console') {
    name = 'console';
    rest = rest.slice(1);
  }
  if (!LOGGER_TABLES.knownModules.has(name)) return undefined;
  const self = LOGGER_TABLES.selfExports.get(name);
  while (rest.length > 0 && (rest[0] === 'default' || rest[0] === self)) rest = rest.slice(1);
  return { t: 'module', module: name, path: rest };
}

/** `package#export.path`, the key of the records' value tables. */
export function moduleKey(value: { readonly module: string; readonly path: readonly string[] }): string {
  return `${value.module}#${value.path.join('.')}`;
}

export function isLogMethod(kind: LoggerKind, method: string, levels?: readonly string[]): boolean {
  return (LOGGER_TABLES.kindsByMethod.get(method)?.includes(kind) ?? false) || (levels?.includes(method) ?? false);
}

/** A value that logs when called: a log function, or a module logger's log method (`console.log`, `winston.info`). */
export function asLogFunction(value: Value | undefined): Value | undefined {
  if (value?.t === 'logFn') return value;
  if (value?.t !== 'module' || value.path.length === 0) return undefined;
  const method = value.path[value.path.length - 1] ?? '';
  const kind = LOGGER_TABLES.moduleLoggers.get(moduleKey({ module: value.module, path: value.path.slice(0, -1) }));
  return kind && isLogMethod(kind, method) ? { t: 'logFn', kind } : undefined;
}

/** `{ redact }` when there are paths, else nothing: spread into a value. */
export function withRedact(redact: RedactPaths | undefined): { readonly redact?: RedactPaths } {
  return redact ? { redact } : {};
}
