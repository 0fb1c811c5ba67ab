/**
 * A logger known only by its name (`logger`, `log`, `this.logger`, `appLogger`): not a library, the convention the
 * libraries share. The sink detector falls back to it (kind `logger`) when neither the creation nor the type of a
 * receiver is known; promises.ts uses its looser `failureHandler` part to tell a rejection handler that only logs.
 */
import { splitWords } from '../matchers.js';

export const conventionalLogger = {
  kind: 'logger',
  packages: [],
  /** The levels common to the libraries, not their oddities (`start`, `box`, `fav`). */
  methods: [
    'trace', 'debug', 'info', 'warn', 'warning', 'error', 'fatal', 'log', 'verbose', 'silly', 'http', 'notice',
    'critical', 'crit', 'alert', 'emerg', 'success',
  ],
  childMethods: ['child'],
  /** `logger.child(bindings)`: the bindings go into every line. */
  bindingsMethods: ['child'],
  /** `logger`, `log`, `_logger`, `this.#log`, `appLogger`, `AUDIT_LOGGER`; not `changelog`, `logs`, `dialog`, `auditLog`. */
  isName(name: string): boolean {
    const words = splitWords(name);
    if (words.length === 1 && words[0] === 'log') return true;
    return words[words.length - 1] === 'logger';
  },
  /**
   * What a failure handler that "only logs" calls (promises.ts): a looser convention, since a handler counted as
   * logging is reported as swallowing. Its method list predates `methods` and differs from it (it has `exception` and
   * console's `dir`/`table`, not `http`/`success`); merging the two would change which handlers are reported.
   */
  failureHandler: {
    methods: [
      'log', 'info', 'warn', 'warning', 'error', 'debug', 'trace', 'fatal', 'verbose', 'silly', 'notice', 'critical', 'crit',
      'alert', 'emerg', 'dir', 'table', 'exception',
    ],
    /** Bare functions that only log (compared lower-case, word separators removed). */
    functions: ['log', 'logerror', 'logerrors', 'logexception', 'logfailure', 'logwarning'],
    /** A logger receiver: `console`, `logger`, `this.logger`, `appLogger`, `req.log`, `fastify.log`, `auditLog`. */
    isReceiverName(segment: string | undefined): boolean {
      if (segment === undefined) return false;
      if (segment === 'console') return true;
      const words = splitWords(segment);
      return words.includes('logger') || words.includes('log');
    },
  },
} as const;
