/**
 * What happens to a call's promise, and to its failure — shared by the rules that follow an audit write:
 *
 * - {@link followPromise}: through `.then/.catch/.finally` chains and `Promise.all/any/race([…])`, the first rejection
 *   handler attached to the promise and where the promise ends up: awaited, returned, passed on (an argument, a
 *   variable, a property…), or discarded (an expression statement, `void`, a non-last sequence element).
 * - {@link createFailureHandling}: whether a rejection handler (`.catch(h)`, `.then(f, h)`) or a `catch` block handles
 *   a failure — retries, queues, rethrows, responds — or swallows it: an empty body, a no-op (`noop`, `_.noop`,
 *   `Function.prototype`), a value (`() => null`, `e => e`), or nothing but logging (`console.*`, `logger.*`,
 *   `this.logger.*`, `req.log.*`, `settings.compliance.logging.sinks`). What it cannot see through counts as handling.
 * - {@link isThenableType}: typed mode — a type with a callable `then` (a Promise, or any thenable).
 */
export { createFailureHandling, type FailureHandling, type FailureHandlingOptions, isLoggingCallee } from './promises/failure-handling.js';
export { enclosingCatch, followPromise, type PromiseFate, type PromiseFlow, type RejectionHandler } from './promises/fate.js';
export { isThenableType } from './promises/thenable.js';
