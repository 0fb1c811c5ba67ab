/**
 * The sink detector's state: one object per linted file (created once, by `createSinkState`), holding the policy, the
 * injected audit classifier, the lazily built matchers and type services, and every per-file cache. The detector's
 * free functions (classify.ts, detect.ts, typed.ts …) take it as their first argument.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import type { Policy } from '../../../policy.js';
import type { AuditEventReader } from '../../audit-event.js';
import type { CallMatcher } from '../../matchers.js';
import { getTypeServices, type TypeServices } from '../../types/services.js';
import type { SinkKind } from '../index.js';
import type { RedactPaths } from '../redact.js';
import type { Value } from './values.js';

export type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export interface Sink {
  readonly kind: SinkKind;
  /** The callee as written, for messages: 'logger.info', 'console.log', 'this.logger.warn', 'debug' */
  readonly name: string;
  /** The arguments whose values are written to the log (all arguments, except e.g. a winston level string in `logger.log('info', …)` is still harmless to include). */
  readonly args: readonly TSESTree.Node[];
  /**
   * Pino redaction that applies to this call: the `redact` paths of the logger's creation (`pino({ redact: ['req.headers.authorization', '*.password'] })`
   * or `redact: { paths: [...] }`), each split into segments (`*` wildcard segment; bracket syntax `a["b-c"]` → 'b-c'), and the index of the argument
   * they apply to (the merging object: the first argument when it is an object; redaction never covers the message string or its interpolation args).
   * Undefined when the logger has no (known) redact configuration.
   */
  readonly redact?: { readonly paths: RedactPaths; readonly argumentIndex: number };
}

/** The receiver kind the checker gives: a library, `notLogger` (primitives, arrays), `other` (another known type). */
export type TypedVerdict = SinkKind | 'notLogger' | 'other';

export interface SinkState {
  readonly context: Context;
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  readonly policy: Policy;
  /** The linted file's path. */
  readonly file: string;
  /** Whether a call is an audit call (injected: the session's classifier, or the rule's own). */
  readonly isAuditCall: (call: TSESTree.CallExpression) => boolean;
  /** Per file: the sink of each call (null: none). */
  readonly sinks: WeakMap<TSESTree.CallExpression, Sink | null>;
  /** Per file: the value of each expression classified (null: not known, or being computed). */
  readonly values: WeakMap<TSESTree.Node, Value | null>;
  /** Per file: the files of the other modules whose roots we reached through imports. */
  readonly moduleFiles: WeakMap<TSESTree.Node, string>;
  /** Per file: `file\0name` → the value a module exports under that name (null: not known). */
  readonly exports: Map<string, Value | null>;
  /** Per file: `from\0specifier` → the file an import resolves to (null: a package, or unresolved). */
  readonly imports: Map<string, string | null>;
  /** `source\0imported` → whether that import may be a pino logger with custom levels (detect.ts `mayLog`). */
  readonly customLevelImports: Map<string, boolean>;
  /** Whether the linted file's text declares custom levels; undefined until asked. */
  declaresLevels?: boolean;
  /** Per file: receiver symbol → its typed verdict, for symbols whose declared type narrowing cannot change (typed.ts). */
  readonly verdicts: Map<ts.Symbol, TypedVerdict | null>;
  configured: CallMatcher | null | undefined;
  /** Per file: the audit-event reader (which argument of an audit call is its event), built on first use. */
  auditEvents: AuditEventReader | undefined;
  typed: TypeServices | null | undefined;
  /** The one Fastify app / pino-http middleware the file creates (null: none, or several; undefined: not looked yet). */
  fileHttp: Value | null | undefined;
}

export function createSinkState(context: Context, policy: Policy, isAuditCall: (call: TSESTree.CallExpression) => boolean): SinkState {
  return {
    context,
    sourceCode: context.sourceCode,
    policy,
    file: context.physicalFilename || context.filename,
    isAuditCall,
    sinks: new WeakMap(),
    values: new WeakMap(),
    moduleFiles: new WeakMap(),
    exports: new Map(),
    imports: new Map(),
    customLevelImports: new Map(),
    verdicts: new Map(),
    configured: undefined,
    auditEvents: undefined,
    typed: undefined,
    fileHttp: undefined,
  };
}

/** The type services of the linted file; undefined in untyped mode. */
export function typedInfo(state: SinkState): TypeServices | undefined {
  if (state.typed === undefined) state.typed = getTypeServices(state.context) ?? null;
  return state.typed ?? undefined;
}
