/** Values of creation calls: what `pino()`, `Fastify()`, `pinoHttp()`, `logger.child()`, `createLogger()` … return. */
import type { TSESTree } from '@typescript-eslint/utils';
import { LOGGER_TABLES, type LoggerKind } from '../index.js';
import type { CreationShape } from '../record.js';
import type { RedactPaths } from '../redact.js';
import { classify } from './classify.js';
import { levelsOfOptions, objectOf, propertyOf, redactOfOptions } from './options.js';
import type { SinkState } from './state.js';
import { type Value, withRedact } from './values.js';

/** `pino(options)`: a pino logger with the options' redact paths and custom levels. */
function pinoLogger(state: SinkState, options: TSESTree.Node | undefined): Value {
  const redact = redactOfOptions(state, options);
  const levels = levelsOfOptions(state, options);
  return { t: 'logger', kind: 'pino', ...withRedact(redact), ...(levels ? { levels } : {}) };
}

/** The redact paths of a logger given as an option value (`loggerInstance: pino(...)`) or written inline (`logger: { redact }`). */
function loggerOption(state: SinkState, value: TSESTree.Node | undefined, depth: number): RedactPaths | undefined {
  if (!value) return undefined;
  const logger = classify(state, value, depth + 1);
  if (logger?.t === 'logger') return logger.redact;
  return redactOfOptions(state, value);
}

function fastifyApp(state: SinkState, options: TSESTree.Node | undefined, depth: number): Value {
  const object = options ? objectOf(state, options) : undefined;
  const redact = object
    ? (loggerOption(state, propertyOf(object, 'loggerInstance'), depth) ?? loggerOption(state, propertyOf(object, 'logger'), depth))
    : undefined;
  return { t: 'fastify', ...withRedact(redact) };
}

function pinoHttpMiddleware(state: SinkState, options: TSESTree.Node | undefined, depth: number): Value {
  const object = options ? objectOf(state, options) : undefined;
  const logger = object ? propertyOf(object, 'logger') : undefined;
  const redact = logger ? loggerOption(state, logger, depth) : redactOfOptions(state, options);
  return { t: 'pinoHttp', ...withRedact(redact) };
}

/** The value a creation of `shape` returns, for a call whose first argument is `options`. */
export function createdValue(state: SinkState, kind: LoggerKind, shape: CreationShape, options: TSESTree.Node | undefined, depth: number): Value {
  switch (shape) {
    case 'pino':
      return pinoLogger(state, options);
    case 'logFunction':
      return { t: 'logFn', kind };
    case 'fastifyApp':
      return fastifyApp(state, options, depth);
    case 'pinoHttp':
      return pinoHttpMiddleware(state, options, depth);
    default:
      return { t: 'logger', kind };
  }
}

/** `base.name(…, options)` on a logger or log function: the child logger (or extended log function) it returns, if any. */
export function childValue(state: SinkState, base: Value, fn: Value | undefined, name: string, options: TSESTree.Node | undefined): Value | undefined {
  if (fn?.t === 'logFn') {
    if (name === 'bind') return fn;
    if (LOGGER_TABLES.byKind.get(fn.kind)?.functionLogger?.extendMethods.includes(name)) return fn;
  }
  if (base.t !== 'logger' || !LOGGER_TABLES.byKind.get(base.kind)?.childMethods?.includes(name)) return undefined;
  if (!LOGGER_TABLES.byKind.get(base.kind)?.redact) return { t: 'logger', kind: base.kind };
  const redact = redactOfOptions(state, options) ?? base.redact;
  return { t: 'logger', kind: base.kind, ...withRedact(redact), ...(base.levels ? { levels: base.levels } : {}) };
}
