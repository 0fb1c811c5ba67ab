/**
 * Calls and `new`: what a call's result carries. A masking call hides its arguments (except categories masking does
 * not excuse); reductions (`x.startsWith(…)`, `Boolean(x)`) reveal nothing; string and copy functions
 * (`String(x)`, `JSON.stringify`, `util.inspect`, `token.slice(0, 8)`, `Object.assign`, `.map(u => u.email)`) pass
 * their inputs on; getters and configuration reads are named by what they return (`getApiKey()`,
 * `user.getEmailSigninToken(ctx)`, `config.get('DB_PASSWORD')`; not `getUserByEmail(email)`). Any other call is unknown (its type may still say, in `expressions.ts`).
 */
import { AST_NODE_TYPES, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { unwrapExpression } from '../ast/unwrap.js';
import { calleePath } from '../matchers.js';
import { getterSubject, nodeName } from '../sensitive-data/names.js';
import { sourcesOf } from './expressions.js';
import { maskedByMethod } from './masking-transforms.js';
import { returnedArguments } from './returning-functions.js';
import { describeNode, embedded, type FlowResult, joinResults, SAFE_LITERAL, SAFE_MASK, SAFE_REDUCTION, under, UNKNOWN, valueSource } from './result.js';
import { type FlowState, variableOf } from './state.js';

const { DefinitionType } = TSESLint.Scope;


/** Methods whose result is a boolean or a position: the value does not leak through them. */
const REDUCING_METHODS = new Set([
  'startsWith',
  'endsWith',
  'includes',
  'has',
  'test',
  'indexOf',
  'lastIndexOf',
  'search',
  'localeCompare',
  'every',
  'some',
  'findIndex',
  'findLastIndex',
  'hasOwnProperty',
  'isArray',
  'isInteger',
  'isFinite',
  'isNaN',
  'isSafeInteger',
  'hasOwn',
  'keys',
  'byteLength',
]);

/** Global functions whose result is a boolean: `Boolean(x)`, `isNaN(x)`. */
const REDUCING_FUNCTIONS = new Set(['Boolean', 'isNaN', 'isFinite']);

/** Methods of a sensitive value whose result still shows it (string and array transformations). */
const REVEALING_METHODS = new Set([
  'toString',
  'toLocaleString',
  'toJSON',
  'valueOf',
  'toUpperCase',
  'toLowerCase',
  'toLocaleUpperCase',
  'toLocaleLowerCase',
  'trim',
  'trimStart',
  'trimEnd',
  'slice',
  'substring',
  'substr',
  'padStart',
  'padEnd',
  'replace',
  'replaceAll',
  'split',
  'concat',
  'join',
  'normalize',
  'at',
  'charAt',
  'repeat',
  'toISOString',
  'toDateString',
  'toUTCString',
  'toFixed',
  'flat',
  'filter',
  'sort',
  'toSorted',
  'reverse',
  'toReversed',
]);

/** Functions that turn their arguments into text or copies: the value goes along (embedded in a string when `text`). */
const REVEALING_FUNCTIONS: ReadonlyMap<string, { readonly text: boolean }> = new Map([
  ['String', { text: true }],
  ['Number', { text: false }],
  ['BigInt', { text: false }],
  ['parseInt', { text: false }],
  ['parseFloat', { text: false }],
  ['encodeURIComponent', { text: true }],
  ['encodeURI', { text: true }],
  ['escape', { text: true }],
  ['btoa', { text: true }],
  ['structuredClone', { text: false }],
  ['inspect', { text: true }],
  ['format', { text: true }],
]);

/** `Object.x(…)`, `JSON.x(…)`, `util.x(…)`, `Buffer.x(…)`, `Array.x(…)` calls that copy or print their arguments. */
const REVEALING_STATIC: ReadonlyMap<string, { readonly text: boolean }> = new Map([
  ['JSON.stringify', { text: true }],
  ['util.inspect', { text: true }],
  ['util.format', { text: true }],
  ['util.formatWithOptions', { text: true }],
  ['Buffer.from', { text: true }],
  ['Object.assign', { text: false }],
  ['Object.values', { text: false }],
  ['Object.entries', { text: false }],
  ['Object.fromEntries', { text: false }],
  ['Object.freeze', { text: false }],
  ['Array.from', { text: false }],
  ['Array.of', { text: false }],
]);

/** Callees that read configuration or headers by key: `config.get('DB_PASSWORD')`, `req.header('authorization')`. */
const KEYED_GETTERS = new Set(['get', 'getOrThrow', 'header', 'getHeader', 'getenv']);


/** What the result of `call` carries. */
export function callResult(state: FlowState, call: TSESTree.CallExpression): FlowResult {
  if (state.isMaskingCall(call)) return maskedResult(state, call);
  const callee = unwrapExpression(call.callee);
  const path = calleePath(callee);
  const last = path?.[path.length - 1];
  const dotted = path?.join('.');

  if (callee.type === AST_NODE_TYPES.Identifier) {
    if (REDUCING_FUNCTIONS.has(callee.name)) return SAFE_REDUCTION;
    const revealing = REVEALING_FUNCTIONS.get(callee.name);
    if (revealing && !isLocallyDefined(state, callee)) return argumentsResult(state, call, revealing.text);
    if (revealing && isImportedFromUtil(state, callee)) return argumentsResult(state, call, revealing.text);
  }
  if (dotted !== undefined && path && path.length === 2) {
    const revealing = REVEALING_STATIC.get(dotted) ?? (path[0] !== undefined && isUtilNamespace(state, callee) ? REVEALING_STATIC.get(`util.${last}`) : undefined);
    if (revealing) return argumentsResult(state, call, revealing.text);
    if (path[0] === 'Number' || path[0] === 'Array' || path[0] === 'Object' || path[0] === 'Buffer') {
      if (last !== undefined && REDUCING_METHODS.has(last)) return SAFE_REDUCTION;
    }
  }
  if (callee.type === AST_NODE_TYPES.MemberExpression && last !== undefined) {
    const method = methodResult(state, call, callee, last);
    if (method) return method;
  }
  // A local function that builds its result from a parameter: `this.signinLink(url, token)` carries the token.
  const returned = returnedArguments(call);
  if (returned.size > 0) {
    const carried = joinResults(call.arguments.filter((_, index) => returned.has(index)).map((argument) => sourcesOf(state, argument)));
    if (carried.sources.length > 0) return embedded(carried);
  }
  return last === undefined ? UNKNOWN : getterResult(state, call, last);
}

/** A method call `receiver.last(…)`: a reduction, a transformation of the receiver, or a `.map` callback's result; undefined otherwise. */
function methodResult(state: FlowState, call: TSESTree.CallExpression, callee: TSESTree.MemberExpression, last: string): FlowResult | undefined {
  if (REDUCING_METHODS.has(last)) return SAFE_REDUCTION;
  if (REVEALING_METHODS.has(last)) {
    const receiver = sourcesOf(state, callee.object);
    // `x.replace(/./g, '*')`, a card number's `.slice(-4)`: masked (`masking-transforms.ts`).
    const masked = maskedByMethod(call, last, receiver);
    if (masked) return masked;
    const results = [receiver];
    if (last === 'concat') results.push(argumentsResult(state, call, false));
    const joined = joinResults(results);
    if (joined.sources.length > 0) return embedded(joined);
    // `'Bearer '.concat(token)`, `[a, b].join(',')` on a visible receiver
    return joined.safe ? (last === 'concat' ? embedded(argumentsResult(state, call, false)) : SAFE_LITERAL) : UNKNOWN;
  }
  if ((last === 'map' || last === 'flatMap') && call.arguments[0]) {
    const mapped = returnedBy(call.arguments[0]);
    if (mapped) {
      const result = sourcesOf(state, mapped);
      if (result.sources.length > 0) return under(result, '*');
      if (result.safe) return result;
    }
  }
  return undefined;
}

/** Getters and configuration reads named by what they return: `getApiKey()`, `config.get('DB_PASSWORD')`. */
function getterResult(state: FlowState, call: TSESTree.CallExpression, last: string): FlowResult {
  if (KEYED_GETTERS.has(last) && call.arguments.length >= 1) {
    const key = call.arguments[0];
    const name =
      key?.type === AST_NODE_TYPES.Literal && typeof key.value === 'string'
        ? key.value
        : key?.type === AST_NODE_TYPES.TemplateLiteral && key.expressions.length === 0
          ? key.quasis[0]?.value.cooked
          : undefined;
    const match = name ? state.sensitive.classifyName(name) : undefined;
    if (match) return valueSource(match, call, describeNode(state.sourceCode, call));
  }
  const subject = getterSubject(last);
  if (subject !== undefined) {
    // The first argument says whose it is, as a name's first word would: `getAddress(server)` reads as `serverAddress`.
    const owner = call.arguments[0] ? nodeName(call.arguments[0]) : undefined;
    const match = state.sensitive.classifyName(owner === undefined ? subject : `${owner}_${subject}`);
    if (match) return valueSource(match, call, describeNode(state.sourceCode, call));
  }
  return UNKNOWN;
}

/** A masking call: safe, or — for categories masking does not excuse — its sources, reported at the call. */
function maskedResult(state: FlowState, call: TSESTree.CallExpression): FlowResult {
  if (state.unmaskable.size === 0) return SAFE_MASK;
  const inner = joinResults(call.arguments.map(argument => sourcesOf(state, argument)));
  const kept = inner.sources.filter(source => state.unmaskable.has(source.match.category));
  if (kept.length === 0) return SAFE_MASK;
  // The masked value is what is written: report the call.
  return {
    safe: false,
    sources: kept.map(source => ({ ...source, masked: true, path: [], node: call, origin: describeNode(state.sourceCode, call), viaVariable: false, typedObject: undefined })),
  };
}

function argumentsResult(state: FlowState, call: TSESTree.CallExpression | TSESTree.NewExpression, text: boolean): FlowResult {
  const result = joinResults(call.arguments.map(argument => sourcesOf(state, argument.type === AST_NODE_TYPES.SpreadElement ? argument.argument : argument)));
  return text ? embedded(result) : result;
}

/** The expression an inline callback returns: `u => u.email`, `(u) => { return u.email; }`. */
export function returnedBy(node: TSESTree.Node): TSESTree.Node | undefined {
  const fn = unwrapExpression(node);
  if (fn.type !== AST_NODE_TYPES.ArrowFunctionExpression && fn.type !== AST_NODE_TYPES.FunctionExpression) return undefined;
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return fn.body;
  const statements = fn.body.body;
  const last = statements[statements.length - 1];
  return statements.length === 1 && last?.type === AST_NODE_TYPES.ReturnStatement && last.argument ? last.argument : undefined;
}

function isLocallyDefined(state: FlowState, identifier: TSESTree.Identifier): boolean {
  const variable = variableOf(state, identifier);
  return variable !== undefined && variable.defs.length > 0;
}

function importSource(state: FlowState, identifier: TSESTree.Identifier): string | undefined {
  const def = variableOf(state, identifier)?.defs[0];
  if (def?.type !== DefinitionType.ImportBinding) return undefined;
  const declaration = def.node.parent;
  return declaration?.type === AST_NODE_TYPES.ImportDeclaration ? declaration.source.value : undefined;
}

/** `inspect` / `format` imported from `util` / `node:util`. */
function isImportedFromUtil(state: FlowState, identifier: TSESTree.Identifier): boolean {
  const module = importSource(state, identifier);
  return module === 'util' || module === 'node:util';
}

/** `util.inspect` where `util` is the `util` module under any local name. */
function isUtilNamespace(state: FlowState, callee: TSESTree.Node): boolean {
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const object = unwrapExpression(callee.object);
  return object.type === AST_NODE_TYPES.Identifier && (isImportedFromUtil(state, object) || object.name === 'util');
}

export function newResult(state: FlowState, node: TSESTree.NewExpression): FlowResult {
  const path = calleePath(node.callee);
  const last = path?.[path.length - 1] ?? '';
  if (/Error$|^Date$|^URL$|^String$/u.test(last)) return argumentsResult(state, node, true);
  return UNKNOWN;
}
