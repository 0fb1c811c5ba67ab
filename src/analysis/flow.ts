/**
 * Local data flow: which sensitive values reach an expression, and by which way.
 *
 * `createFlow(context, options).sourcesOf(expression)` reads the expression syntactically and follows,
 * inside the file, what it can see:
 *
 * - names: identifiers and member chains (`user.password`, `req.headers['authorization']`,
 *   `process.env.DB_PASSWORD`), keys of object literals (`{ password: x }` logs `x` under a sensitive key),
 *   getters and configuration reads by name (`getApiKey()`, `config.get('DB_PASSWORD')`);
 * - variables: the last assignment before the use (in source order), destructuring included
 *   (`const { password } = req.body`, `const { password: pw } = body`), object literals reached through
 *   variables and member reads of them (`cfg.db.password` where `const cfg = { db: { password } }`);
 * - composition: template literals, concatenation, `JSON.stringify`, `util.inspect`, `util.format`,
 *   `String(x)`, string methods of a sensitive value (`token.slice(0, 8)`), object literals and spreads,
 *   `Object.assign`, array literals, `.map(x => x.email)`, `new Error(…)`, conditionals, `??`/`||`;
 * - the parameter of a `catch` whose `try` block visibly throws something built from a source.
 *
 * A value that passes through a masking function, or is reduced to something that does not reveal it
 * (`.length`, `!!x`, `typeof x`, comparisons, `x.startsWith(…)`, a conditional whose branches are
 * literals), is safe. Where nothing can be seen — an unknown call, a parameter — the answer is
 * "unknown", and in typed mode the node's type decides (`SensitiveData#classifyType`).
 *
 * Results are relative: a source's `node` is the node inside the examined expression where the value
 * enters it (the identifier of a variable, a property, the interpolated expression), and its `path` is
 * the property path from the examined expression to the value (`['user', 'password']` for
 * `{ user: { password } }`), reset to `[]` where the value is embedded in a string (a template,
 * `JSON.stringify`), so redaction of a path only ever covers what really sits at that path.
 *
 * Layout: `flow/state.ts` (the {@link FlowState} and its caches), `flow/result.ts` (answers and how they combine),
 * `flow/expressions.ts` (`sourcesOf`), `flow/variables.ts`, `flow/calls.ts`, `flow/types.ts` (typed questions),
 * `flow/masking-calls.ts` (which calls mask). This module is the facade rules use: `createFlow` binds a state to the
 * free functions.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { Policy } from '../policy.js';
import { sourcesOf } from './flow/expressions.js';
import { createMaskingDetector, isMaskingCall } from './flow/masking-calls.js';
import type { FlowResult } from './flow/result.js';
import { createFlowState, type FlowOptions } from './flow/state.js';
import { isNullable, typeIsNamed } from './flow/types.js';

export { describeNode, isSimpleChain, type FlowResult, type FlowSource, type SourceKind } from './flow/result.js';
export type { FlowOptions, FlowState } from './flow/state.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export interface Flow {
  /** The sensitive values that reach `node`, with paths relative to it. */
  sourcesOf(node: TSESTree.Node): FlowResult;
  /**
   * Typed mode: whether the type of `node` (its awaited, non-nullable type) is displayed as `typeName`, i.e. whether a
   * type match's path starts at a named type rather than in an anonymous object around it.
   */
  typeIsNamed(node: TSESTree.Node, typeName: string): boolean;
  /** Typed mode: whether the value of `node` may be `null` or `undefined`. */
  isNullable(node: TSESTree.Node): boolean;
}

/** The flow of one file for one rule run: a {@link FlowState} bound to the free functions of `flow/`. */
export function createFlow(context: Context, options: FlowOptions): Flow {
  const state = createFlowState(context, options);
  return {
    sourcesOf: node => sourcesOf(state, node),
    typeIsNamed: (node, typeName) => typeIsNamed(state, node, typeName),
    isNullable: node => isNullable(state, node),
  };
}

/** Whether a call masks its arguments (see `flow/masking-calls.ts`): one detector per file and rule run. */
export function createMaskingCallDetector(context: Context, policy: Policy): (call: TSESTree.CallExpression) => boolean {
  const detector = createMaskingDetector(context, policy);
  return call => isMaskingCall(detector, call);
}
