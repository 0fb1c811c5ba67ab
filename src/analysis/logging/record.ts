/**
 * The shape of a logging library's record: one declarative description per library (`logging/<library>.ts`), from
 * which `logging/index.ts` derives every lookup table the sink detector reads. Values are named by
 * `package#export.path` (`winston#createLogger`, `@nestjs/common#Logger`; `winston#` is the module object itself).
 */

/** What a creation call returns. */
export type CreationShape =
  /** A logger of the record's kind; the call's options are not read. */
  | 'logger'
  /** `pino(options)`: a pino logger with the options' `redact` paths and `customLevels`. */
  | 'pino'
  /** A function that logs its arguments when called (`debug('ns')`). */
  | 'logFunction'
  /** A Fastify app: its `.log` (and its requests', replies' and plugins') is its pino logger (`logger`, `loggerInstance` options). */
  | 'fastifyApp'
  /** A pino-http middleware: its `.logger`, and `req.log` of the file's handlers (`logger` option, or pino options). */
  | 'pinoHttp';

export interface LoggerRecord<Kind extends string = string> {
  /** The sink kind the library's calls get (`Sink.kind`). */
  readonly kind: Kind;
  /** The npm packages (or `console`, node's module) whose values this record describes; `node:x` counts as `x`. */
  readonly packages: readonly string[];
  /** Named exports that are the package's default export itself (`import { pino } from 'pino'`), by package. */
  readonly selfExports?: Readonly<Record<string, string>>;
  /** Values that are loggers themselves (`winston#` for `winston.info()`, `@nestjs/common#Logger` for `Logger.log()`). */
  readonly moduleLoggers?: readonly string[];
  /** Calls that create a logger, by callee (`bunyan#createLogger`), and what they return. */
  readonly creations?: Readonly<Record<string, CreationShape>>;
  /** Constructors that create a logger (`new Logger()`, `new Signale()`; `bunyan#` for `new bunyan()`). */
  readonly constructions?: readonly string[];
  /**
   * Typed mode: logger type names as the package declares them, by declaring package (`@types/x` counts as `x`; `lib`
   * is TypeScript's default libraries). A receiver whose type (or a base type) is one of them is this library's logger.
   */
  readonly types?: Readonly<Record<string, readonly string[]>>;
  /**
   * The creation option whose object's keys are log methods of the created logger (pino `customLevels`): the only way a
   * logger gets methods `methods` does not list. The detector reads it from `pino` creations and, as text, to decide
   * whether a receiver of a method no logger has is worth identifying.
   */
  readonly levelsOption?: string;
  /** Typed mode: types of a logger's log-method property (custom levels), by declaring package. */
  readonly logFunctionTypes?: Readonly<Record<string, readonly string[]>>;
  /** Methods that write their arguments to the log. */
  readonly methods: readonly string[];
  /** The first logged argument of a method, where it is not the first (`console.assert(condition, …data)`). */
  readonly dataFrom?: Readonly<Record<string, number>>;
  /** Methods of a logger that do not log (documentation and tests: every method not in `methods` is not a sink). */
  readonly nonLogMethods?: readonly string[];
  /** Methods of a logger that return a logger of the same library (`child`, `scope`, `withTag`). */
  readonly childMethods?: readonly string[];
  /**
   * Child methods whose first argument is written into every line the child logs (`logger.child({ user })` of pino,
   * winston, bunyan): a sink on that argument.
   */
  readonly bindingsMethods?: readonly string[];
  /**
   * Methods (of the library's module logger or of one of its loggers) that call a function argument back with a logger
   * of the library as its first parameter: a tracker's scope, event or span (`withScope(scope => …)`,
   * `notify(err, event => …)`, `startActiveSpan(name, span => …)`).
   */
  readonly callbackMethods?: readonly string[];
  /**
   * Without types, a parameter annotated with one of `types` imported from one of `packages` (`(span: Span)`), or with
   * the class a package exports by default (`(client: Rollbar)`), is this library's logger. Set for the trackers,
   * whose scopes and spans have no conventional names to fall back on.
   */
  readonly annotatedParameters?: boolean;
  /** The library's loggers are functions (`debug('ns')(…)`); `extendMethods` of one return another. */
  readonly functionLogger?: { readonly extendMethods: readonly string[] };
  /** Pino redaction applies: `redact` options of creations and `.child(bindings, { redact })`. */
  readonly redact?: boolean;
  /**
   * Receivers whose `.log` is, when they cannot be traced, the logger of the one app / middleware of this library
   * the file creates (`request.log`, `reply.log` for Fastify; `req.log` for pino-http).
   */
  readonly requestNames?: readonly string[];
}
