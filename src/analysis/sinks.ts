/**
 * Log sinks: the calls whose arguments are written to a log or an audit trail, for `no-sensitive-data-in-logs`.
 * The libraries are records in `logging/<library>.ts` (tables derived in `logging/index.ts`); the detector is
 * `logging/detector/` (an explicit per-file state and free functions). This module is its entry point.
 *
 * A call is a sink, in this order of precedence:
 * 1. `audit` — an audit call (the injected classifier: the session's, `audit.calls` or the default heuristic), the call
 *    itself only (no reach);
 * 2. `configured` — a call named by `logging.sinks` (same matcher forms as every other list);
 * 3. a library logger's log method — the receiver is known by, first, its creation (syntax + scope analysis, imports of
 *    relative modules followed to the files they name), then, in typed mode, its type (the type's declaration must sit
 *    in the library's package: the records' `types`), and last by a conventional name (`logger`, `log`, `*Logger`,
 *    `this.logger`, `req.log` …: kind `logger`);
 * 4. a callable sink: a `debug('ns')` instance (also `.extend()`), or a bound log method (`console.log.bind(console)`);
 * 5. a forwarded call of a log function (`console.log.apply(console, arguments)`, `log.call(this, x)`);
 * 6. a log wrapper: a function or method whose parameter reaches a sink (`logging/detector/wrappers.ts`), named after
 *    itself, on the arguments at those positions.
 *
 * Error trackers and tracing SDKs (Sentry, dd-trace, New Relic, Bugsnag, Rollbar, OpenTelemetry) are records like the
 * loggers (`logging/trackers/`): their writing calls (`captureException`, `setUser`, `span.setAttribute` …) are sinks on
 * their values.
 *
 * Audit calls write only their event, not the request context beside it, and with the default heuristic only calls
 * whose name writes are sinks (`logging/detector/audit-args.ts`). `logger.child(bindings)` is a sink on its bindings
 * (the records' `bindingsMethods`). Browser-only modules are skipped by the rule (`logging/client.ts`).
 *
 * A receiver whose creation or type is known and is not a logger (an array, a string, `pino.destination()`, a winston
 * transport, `Math`) is never a sink, whatever its name; the method must be a log method of the library (`logger.flush()`,
 * `logger.add()`, `console.time()` are not; `logger.child()` logs its bindings only). `console.assert(cond, …data)` logs its data: its sink
 * arguments are those after the condition (the record's `dataFrom`); `console.timeLog(label, …data)`, `group(label)`,
 * `table`, `dir` log theirs; `console.time/timeEnd/count/countReset` print only a label and are not sinks.
 *
 * Pino redaction: the `redact` option of the logger's creation (`pino({ redact })`, `.child(b, { redact })`,
 * `Fastify({ logger: { redact } | loggerInstance })`, `pinoHttp({ redact } | { logger })`) in this file or a file it
 * imports, and in typed mode from the declaration the checker resolves (`export const logger = pino({...})` anywhere in
 * the program, class fields in other files). Fastify `request.log` / `reply.log` / plugin `instance.log` inherit the app's
 * configuration when the handler is passed to a call on the app in this file; otherwise, when the file creates exactly one
 * Fastify app (or one pino-http middleware), `req.log` / `request.log` / `reply.log` / `fastify.log` of untraceable
 * receivers use that one. Only static string paths count: a path that is not a literal is ignored (not covered).
 *
 * Nothing here throws: checker errors, odd code and unreadable files mean "not known".
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type { Policy } from '../policy.js';
import { type AuditClassifier, createAuditClassifier, isAuditCall as classifierIsAuditCall } from './audit/classifier.js';
import { sinkOf } from './logging/detector/detect.js';
import { type Context, createSinkState, type Sink } from './logging/detector/state.js';

export type { SinkKind } from './logging/index.js';
export type { Sink, SinkState } from './logging/detector/state.js';
export { createSinkState } from './logging/detector/state.js';
export { sinkOf } from './logging/detector/detect.js';
export { parseRedactPath, redactCovers } from './logging/redact.js';

export interface SinkDetector {
  /** See `detect.ts` {@link sinkOf}: `carries` gates the (costlier) log-wrapper resolution on the call's arguments. */
  sinkOf(call: TSESTree.CallExpression, carries?: (argument: TSESTree.Node) => boolean): Sink | undefined;
}

/**
 * Recognizes the calls that write their arguments to a log (see the module comment). Build one per linted file; results
 * are cached per call. Works on the linted file's calls. `isAuditCall` classifies audit calls (the session's classifier);
 * without it, the file's audit classification is built on first use.
 */
export function createSinkDetector(context: Context, policy: Policy, isAuditCall?: (call: TSESTree.CallExpression) => boolean): SinkDetector {
  let classifier: AuditClassifier | undefined;
  const audit = isAuditCall ?? ((call: TSESTree.CallExpression) => classifierIsAuditCall((classifier ??= createAuditClassifier(context, policy)), call));
  const state = createSinkState(context, policy, audit);
  return { sinkOf: (call, carries) => sinkOf(state, call, carries) };
}
