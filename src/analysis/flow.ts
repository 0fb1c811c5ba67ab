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
 */
import { AST_NODE_TYPES, ASTUtils, ESLintUtils, type ParserServicesWithTypeInformation, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import type { Policy } from '../policy.js';
import { calleePath, createCallMatcher, splitWords, staticPropertyName, unwrapExpression } from './matchers.js';
import type { SensitiveData, SensitiveMatch } from './sensitive-data.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;
type Variable = TSESLint.Scope.Variable;

const { DefinitionType } = TSESLint.Scope;

/** How a sensitive value reaches the examined expression. */
export type SourceKind =
  /** A value that is sensitive by its name (identifier, member, getter, configuration key). */
  | 'value'
  /** A value written under a sensitive property key (`{ token: x }`): the key says what it is. */
  | 'key'
  /** An object whose type holds sensitive data (typed mode). */
  | 'type';

export interface FlowSource {
  readonly kind: SourceKind;
  readonly match: SensitiveMatch;
  /** Text of the source as written (`user.password`, `req.body.password`, `token: x`), collapsed and shortened. */
  readonly origin: string;
  /** The node inside the examined expression where the value enters it. */
  readonly node: TSESTree.Node;
  /** Whether the value was followed through a variable (or a catch parameter) to reach `node`. */
  readonly viaVariable: boolean;
  /** Property path from the examined expression to the value; `[]` for the expression itself or a string embedding it. */
  readonly path: readonly string[];
  /** The value passed through a masking function (kept only for categories masking does not excuse). */
  readonly masked: boolean;
  /** For `type` sources found directly on `node`: the expression whose type is sensitive (pick suggestions). */
  readonly typedObject?: TSESTree.Node;
  /** For `type` sources: where the type was read, wherever that is (`match.path` starts there). */
  readonly typedAt?: TSESTree.Node;
}

export interface FlowResult {
  /** Definitely harmless: masked, reduced, a literal, a function. */
  readonly safe: boolean;
  /** Why it is safe: `mask` for a masking function (the others are reductions or literals). */
  readonly safeBy?: 'mask' | 'reduction' | 'literal';
  readonly sources: readonly FlowSource[];
}

export interface FlowOptions {
  readonly sensitive: SensitiveData;
  /** Whether a call is a masking function (`settings.compliance.masking.functions`). */
  readonly isMaskingCall: (call: TSESTree.CallExpression) => boolean;
  /**
   * Categories that masking does not excuse (audit events: credentials and card data never belong in
   * one, masked or not). Values of these categories stay sources through a masking call, with `masked`.
   */
  readonly unmaskable?: ReadonlySet<string>;
}

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

const SAFE_LITERAL: FlowResult = Object.freeze({ safe: true, safeBy: 'literal', sources: Object.freeze([]) });
const SAFE_REDUCTION: FlowResult = Object.freeze({ safe: true, safeBy: 'reduction', sources: Object.freeze([]) });
const SAFE_MASK: FlowResult = Object.freeze({ safe: true, safeBy: 'mask', sources: Object.freeze([]) });
const UNKNOWN: FlowResult = Object.freeze({ safe: false, sources: Object.freeze([]) });

/** Variables followed from one use, at most. */
const MAX_VARIABLE_HOPS = 8;
/** Expression nesting read, at most (a generated 10 000-term concatenation is not worth a stack overflow). */
const MAX_NESTING = 200;
/** Sources kept per expression: enough to report and check redaction, bounded for pathological literals. */
const MAX_SOURCES = 64;
/** Statements of a `try` block searched for a `throw`, at most. */
const MAX_THROW_SEARCH = 400;
const MAX_ORIGIN = 48;

/** Members whose value reveals nothing of the object: sizes, and `typeof`-like facts. */
const REDUCING_MEMBERS = new Set(['length', 'size', 'byteLength']);

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

const BOOLEAN_TYPE_NAMES = new Set(['boolean', 'true', 'false', 'undefined', 'null']);
const NULLISH_TYPE_NAMES = new Set(['undefined', 'null']);

const COMPARISON_OPERATORS = new Set(['==', '!=', '===', '!==', '<', '<=', '>', '>=', 'instanceof', 'in']);

/** `user.password` → `user.password`; long or multi-line text is collapsed and shortened. */
export function describeNode(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): string {
  const text = sourceCode.getText(node).replace(/\s+/gu, ' ').trim();
  return text.length > MAX_ORIGIN ? `${text.slice(0, MAX_ORIGIN - 1)}…` : text;
}

function isFunctionLike(node: TSESTree.Node): boolean {
  return (
    node.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node.type === AST_NODE_TYPES.FunctionExpression ||
    node.type === AST_NODE_TYPES.FunctionDeclaration ||
    node.type === AST_NODE_TYPES.ClassExpression ||
    node.type === AST_NODE_TYPES.ClassDeclaration
  );
}

/** The name of an object-literal property key: `a`, `'a'`, `['a']`, `` [`a`] ``, `1`; undefined for `[k]`. */
export function propertyKeyName(property: TSESTree.Property | TSESTree.PropertyDefinition): string | undefined {
  const key = property.key;
  if (!property.computed) {
    if (key.type === AST_NODE_TYPES.Identifier) return key.name;
    if (key.type === AST_NODE_TYPES.Literal) return String(key.value);
    return undefined;
  }
  if (key.type === AST_NODE_TYPES.Literal && (typeof key.value === 'string' || typeof key.value === 'number')) return String(key.value);
  if (key.type === AST_NODE_TYPES.TemplateLiteral && key.expressions.length === 0) return key.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/** A simple chain (`a`, `a.b.c`, `this.a`) whose text can be repeated without side effects. */
export function isSimpleChain(node: TSESTree.Node): boolean {
  const expression = unwrapExpression(node);
  if (expression.type === AST_NODE_TYPES.Identifier || expression.type === AST_NODE_TYPES.ThisExpression) return true;
  if (expression.type === AST_NODE_TYPES.MemberExpression) {
    return staticPropertyName(expression) !== undefined && expression.property.type !== AST_NODE_TYPES.PrivateIdentifier
      ? isSimpleChain(expression.object)
      : false;
  }
  return false;
}

function joinResults(results: readonly FlowResult[]): FlowResult {
  const sources: FlowSource[] = [];
  let allSafe = results.length > 0;
  let safeBy: FlowResult['safeBy'];
  for (const result of results) {
    if (!result.safe) allSafe = false;
    else safeBy ??= result.safeBy;
    for (const source of result.sources) if (sources.length < MAX_SOURCES) sources.push(source);
  }
  if (sources.length > 0) return { safe: false, sources };
  return allSafe ? { safe: true, safeBy: safeBy ?? 'literal', sources: [] } : UNKNOWN;
}

/** Re-anchors sources found in a definition at the use that reaches it. */
function anchored(result: FlowResult, node: TSESTree.Node, prefix: readonly string[] = []): FlowResult {
  if (result.sources.length === 0) return result;
  return {
    safe: false,
    sources: result.sources.map(source => ({
      ...source,
      node,
      viaVariable: true,
      path: [...prefix, ...source.path],
      typedObject: undefined,
    })),
  };
}

/** Prefixes the paths of sources found below a property or element. */
function under(result: FlowResult, segment: string | undefined): FlowResult {
  if (result.sources.length === 0) return result;
  return { safe: false, sources: result.sources.map(source => ({ ...source, path: [segment ?? '*', ...source.path] })) };
}

/** Sources embedded in a string (template, concatenation, `JSON.stringify`): their paths end here. */
function embedded(result: FlowResult): FlowResult {
  if (result.sources.length === 0) return result.safe ? result : UNKNOWN;
  return { safe: false, sources: result.sources.map(source => (source.path.length === 0 ? source : { ...source, path: [] })) };
}

export function createFlow(context: Context, options: FlowOptions): Flow {
  const { sourceCode } = context;
  const { sensitive, isMaskingCall } = options;
  const unmaskable = options.unmaskable ?? new Set<string>();
  const cache = new WeakMap<TSESTree.Node, FlowResult>();
  /** Variables being followed: a cycle (`x = x + y`) reads as unknown. */
  const following = new Set<Variable>();
  let nesting = 0;
  let hops = 0;

  const describe = (node: TSESTree.Node): string => describeNode(sourceCode, node);

  function valueSource(match: SensitiveMatch, node: TSESTree.Node, origin = describe(node)): FlowResult {
    return { safe: false, sources: [{ kind: 'value', match, origin, node, viaVariable: false, path: [], masked: false }] };
  }

  function findVariable(identifier: TSESTree.Identifier): Variable | undefined {
    try {
      return ASTUtils.findVariable(sourceCode.getScope(identifier), identifier) ?? undefined;
    } catch {
      return undefined;
    }
  }

  // -------------------------------------------------------------------------------------------------------------------
  // Values of variables

  /** The top of a destructuring pattern containing `identifier`, and the property path down to it. */
  function patternPath(identifier: TSESTree.Node): { top: TSESTree.Node; path: string[] | undefined; rest: boolean } {
    const path: string[] = [];
    let current: TSESTree.Node = identifier;
    let known = true;
    let rest = false;
    for (;;) {
      const parent: TSESTree.Node | undefined = current.parent;
      if (!parent) return { top: current, path: known ? path : undefined, rest };
      if (parent.type === AST_NODE_TYPES.Property && parent.parent.type === AST_NODE_TYPES.ObjectPattern) {
        if (parent.value !== current) return { top: current, path: undefined, rest };
        const key = propertyKeyName(parent);
        if (key === undefined) known = false;
        else path.unshift(key);
      } else if (parent.type === AST_NODE_TYPES.AssignmentPattern) {
        if (parent.left !== current) return { top: current, path: undefined, rest };
      } else if (parent.type === AST_NODE_TYPES.RestElement) {
        rest = true;
      } else if (parent.type === AST_NODE_TYPES.ArrayPattern) {
        known = false;
      } else if (parent.type !== AST_NODE_TYPES.ObjectPattern) {
        return { top: current, path: known ? path : undefined, rest };
      }
      current = parent;
    }
  }

  /** The expression a write assigns to the pattern top (`const top = init`, `top = right`, `for (const top of right)`). */
  function assignedValue(top: TSESTree.Node): { value: TSESTree.Node; compound: boolean; element: boolean } | undefined {
    const parent = top.parent;
    if (!parent) return undefined;
    if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id === top) {
      if (parent.init) return { value: parent.init, compound: false, element: false };
      const declaration = parent.parent;
      const loop = declaration.parent;
      if (loop?.type === AST_NODE_TYPES.ForOfStatement && loop.left === declaration) return { value: loop.right, compound: false, element: true };
      return undefined;
    }
    if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left === top) {
      if (parent.operator === '=') return { value: parent.right, compound: false, element: false };
      if (parent.operator === '+=') return { value: parent.right, compound: true, element: false };
      return undefined;
    }
    if (parent.type === AST_NODE_TYPES.ForOfStatement && parent.left === top) return { value: parent.right, compound: false, element: true };
    return undefined;
  }

  /** What a write of a variable stores, as seen from the reference `at`. */
  function writeResult(identifier: TSESTree.Identifier, write: TSESTree.Identifier, variable: Variable): FlowResult {
    const { top, path, rest } = patternPath(write);
    const assigned = assignedValue(top);
    if (!assigned) return UNKNOWN;
    let result: FlowResult;
    if (rest) {
      // `const { password, ...rest } = user`: the rest is what was not picked; its type decides (typed mode).
      result = UNKNOWN;
    } else if (path === undefined) {
      result = UNKNOWN;
    } else if (path.length === 0) {
      result = assigned.element ? elementsOf(assigned.value) : sourcesOf(assigned.value);
    } else {
      const inner = valueAt(assigned.value, path);
      if (inner) {
        result = sourcesOf(inner);
      } else {
        // `const { password } = req.body`: the value of `req.body.password`; its key names it.
        const key = path[path.length - 1] ?? '';
        const match = sensitive.classifyName(key);
        const base = isSimpleChain(assigned.value) ? `${describe(assigned.value)}.` : '';
        result = match ? valueSource(match, identifier, `${base}${path.join('.')}`) : UNKNOWN;
      }
    }
    if (assigned.compound) {
      const before = previousWrites(variable, top);
      result = joinResults([result, ...before.map(earlier => writeResult(identifier, earlier, variable))]);
      if (result.safe) result = UNKNOWN; // `x += y`: the earlier value still counts, safe only if all writes are
    }
    return result;
  }

  /** Writes of `variable` that come before `node` in source order (the last one first), excluding `node`'s own. */
  function previousWrites(variable: Variable, node: TSESTree.Node): TSESTree.Identifier[] {
    const writes = variable.references
      .filter(reference => reference.isWrite() && reference.identifier.range[0] < node.range[0])
      .map(reference => reference.identifier as TSESTree.Identifier);
    writes.sort((a, b) => b.range[0] - a.range[0]);
    return writes.slice(0, 1);
  }

  /** What `identifier` (a read) holds: the last write before it in source order, or every write when none precedes it. */
  function variableResult(identifier: TSESTree.Identifier, variable: Variable): FlowResult {
    const def = variable.defs[0];
    if (!def) return UNKNOWN;
    if (def.type === DefinitionType.CatchClause) return catchResult(def.node);
    const writes = variable.references.filter(reference => reference.isWrite()).map(reference => reference.identifier as TSESTree.Identifier);
    if (writes.length === 0) return UNKNOWN;
    const before = writes.filter(write => write.range[0] < identifier.range[0]);
    const chosen = before.length > 0 ? [before.reduce((a, b) => (b.range[0] > a.range[0] ? b : a))] : writes;
    return joinResults(chosen.map(write => writeResult(identifier, write, variable)));
  }

  function identifierResult(identifier: TSESTree.Identifier): FlowResult {
    if (identifier.name === 'undefined') return SAFE_LITERAL;
    const variable = findVariable(identifier);
    if (variable && isCodeBinding(variable)) return SAFE_LITERAL; // a function, class or enum is code, not data
    let followed: FlowResult = UNKNOWN;
    if (variable && !following.has(variable) && hops < MAX_VARIABLE_HOPS) {
      following.add(variable);
      hops++;
      try {
        followed = variableResult(identifier, variable);
      } finally {
        hops--;
        following.delete(variable);
      }
    }
    // Masked or reduced before it got its name: the name does not matter.
    if (followed.safe && followed.safeBy !== 'literal') return followed;
    // The identifier's own name, when sensitive, says what the value is: one finding, named by it.
    const match = sensitive.classifyNode(identifier);
    if (match) return valueSource(match, identifier);
    if (followed.sources.length > 0) {
      // What flowed in is only known by its type: the variable's own type says the same, and says it here.
      if (followed.sources.every(source => source.kind === 'type')) {
        const own = withTypes(identifier, UNKNOWN);
        if (own.sources.length > 0) return own;
      }
      return anchored(followed, identifier);
    }
    return followed.safe ? followed : UNKNOWN;
  }

  function isCodeBinding(variable: Variable): boolean {
    return variable.defs.some(
      def =>
        def.type === DefinitionType.FunctionName ||
        def.type === DefinitionType.ClassName ||
        def.type === DefinitionType.TSEnumName ||
        def.type === DefinitionType.TSModuleName ||
        def.type === DefinitionType.Type,
    );
  }

  /** A catch parameter carries what its `try` block visibly throws (only there; calls are not followed). */
  function catchResult(clause: TSESTree.CatchClause): FlowResult {
    const statement = clause.parent;
    if (statement.type !== AST_NODE_TYPES.TryStatement) return UNKNOWN;
    const thrown: TSESTree.Node[] = [];
    let budget = MAX_THROW_SEARCH;
    const visit = (node: TSESTree.Node): void => {
      if (budget-- <= 0 || isFunctionLike(node)) return;
      if (node.type === AST_NODE_TYPES.ThrowStatement) {
        thrown.push(node.argument);
        return;
      }
      for (const [key, value] of Object.entries(node)) {
        if (key === 'parent') continue;
        if (Array.isArray(value)) {
          for (const item of value) if (isNode(item)) visit(item);
        } else if (isNode(value)) {
          visit(value);
        }
      }
    };
    visit(statement.block);
    if (thrown.length === 0) return UNKNOWN;
    const results = thrown.map(node => sourcesOf(node)).filter(result => result.sources.length > 0);
    return results.length > 0 ? joinResults(results) : UNKNOWN;
  }

  // -------------------------------------------------------------------------------------------------------------------
  // Object literals seen through variables

  /** The node holding `object.path` when it can be seen (object literals, through const-like variables). */
  function valueAt(object: TSESTree.Node, path: readonly string[], depth = 0): TSESTree.Node | undefined {
    if (path.length === 0) return object;
    if (depth > MAX_VARIABLE_HOPS) return undefined;
    const expression = unwrapExpression(object);
    if (expression.type === AST_NODE_TYPES.Identifier) {
      const variable = findVariable(expression);
      if (!variable || variable.references.filter(reference => reference.isWrite()).length !== 1) return undefined;
      const write = variable.references.find(reference => reference.isWrite())?.identifier;
      if (!write) return undefined;
      const { top, path: inner, rest } = patternPath(write);
      const assigned = assignedValue(top);
      if (!assigned || rest || inner === undefined || assigned.compound || assigned.element) return undefined;
      return valueAt(assigned.value, [...inner, ...path], depth + 1);
    }
    if (expression.type === AST_NODE_TYPES.ObjectExpression) {
      const [first, ...others] = path;
      for (let index = expression.properties.length - 1; index >= 0; index--) {
        const property = expression.properties[index];
        if (property?.type !== AST_NODE_TYPES.Property || property.kind !== 'init') continue;
        if (propertyKeyName(property) === first) {
          const value = property.value;
          if (value.type === AST_NODE_TYPES.AssignmentPattern || value.type === AST_NODE_TYPES.ObjectPattern) return undefined;
          return valueAt(value, others, depth + 1);
        }
      }
      return undefined;
    }
    if (expression.type === AST_NODE_TYPES.MemberExpression) {
      const name = staticPropertyName(expression);
      return name === undefined ? undefined : valueAt(expression.object, [name, ...path], depth + 1);
    }
    return undefined;
  }

  // -------------------------------------------------------------------------------------------------------------------
  // Expressions

  function objectResult(object: TSESTree.ObjectExpression): FlowResult {
    if (object.properties.length === 0) return SAFE_LITERAL;
    const results: FlowResult[] = [];
    for (const property of object.properties) {
      if (property.type === AST_NODE_TYPES.SpreadElement) {
        results.push(sourcesOf(property.argument));
        continue;
      }
      if (property.kind !== 'init' || property.method) continue;
      const key = propertyKeyName(property);
      const value = property.value;
      if (
        value.type === AST_NODE_TYPES.AssignmentPattern ||
        value.type === AST_NODE_TYPES.ObjectPattern ||
        value.type === AST_NODE_TYPES.ArrayPattern ||
        value.type === AST_NODE_TYPES.TSEmptyBodyFunctionExpression
      ) {
        continue;
      }
      const inner = sourcesOf(value);
      if (inner.sources.length > 0 || inner.safe) {
        results.push(under(inner, key));
        continue;
      }
      // The value is not visible: the key says what it is (`{ token: x }`).
      const match = key === undefined ? undefined : sensitive.classifyName(key);
      if (match && !isBooleanTyped(value)) {
        results.push({
          safe: false,
          sources: [{ kind: 'key', match, origin: describe(property), node: property, viaVariable: false, path: [key ?? '*'], masked: false }],
        });
      } else {
        results.push(under(inner, key));
      }
    }
    return joinResults(results);
  }

  function arrayResult(array: TSESTree.ArrayExpression): FlowResult {
    if (array.elements.length === 0) return SAFE_LITERAL;
    const results: FlowResult[] = [];
    array.elements.forEach((element, index) => {
      if (!element) return;
      if (element.type === AST_NODE_TYPES.SpreadElement) results.push(under(sourcesOf(element.argument), '*'));
      else results.push(under(sourcesOf(element), String(index)));
    });
    return joinResults(results);
  }

  /** The elements of an iterable (`for (const x of right)`): the right side's sources, below any index. */
  function elementsOf(node: TSESTree.Node): FlowResult {
    const expression = unwrapExpression(node);
    if (expression.type === AST_NODE_TYPES.ArrayExpression) {
      const results = expression.elements
        .filter((element): element is TSESTree.Expression | TSESTree.SpreadElement => element !== null)
        .map(element => (element.type === AST_NODE_TYPES.SpreadElement ? elementsOf(element.argument) : sourcesOf(element)));
      return joinResults(results);
    }
    return UNKNOWN;
  }

  function memberResult(member: TSESTree.MemberExpression): FlowResult {
    const name = staticPropertyName(member);
    if (name !== undefined && REDUCING_MEMBERS.has(name)) return SAFE_REDUCTION;
    const match = sensitive.classifyNode(member);
    if (match) return valueSource(match, member);
    if (name !== undefined) {
      // A property of an object literal seen through a variable: `cfg.db.password`.
      const inner = valueAt(member.object, [name]);
      if (inner) {
        const result = sourcesOf(inner);
        if (result.sources.length > 0 || result.safe) return anchored(result, member);
      }
      // The message of an error that carries a source: `err.message`, `err.stack` (what was seen built into it, not
      // the other fields of a typed object that happens to have a `message`).
      if (name === 'message' || name === 'stack' || name === 'cause') {
        const object = unwrapExpression(member.object);
        if (object.type === AST_NODE_TYPES.Identifier) {
          const carried = identifierResult(object);
          const seen = carried.sources.filter(source => source.kind !== 'type');
          if (seen.length > 0) return anchored({ safe: false, sources: seen }, member);
        }
      }
    }
    return UNKNOWN;
  }

  function maskedResult(call: TSESTree.CallExpression): FlowResult {
    if (unmaskable.size === 0) return SAFE_MASK;
    const inner = joinResults(call.arguments.map(argument => sourcesOf(argument)));
    const kept = inner.sources.filter(source => unmaskable.has(source.match.category));
    if (kept.length === 0) return SAFE_MASK;
    // The masked value is what is written: report the call.
    return {
      safe: false,
      sources: kept.map(source => ({ ...source, masked: true, path: [], node: call, origin: describe(call), viaVariable: false, typedObject: undefined })),
    };
  }

  function argumentsResult(call: TSESTree.CallExpression | TSESTree.NewExpression, text: boolean): FlowResult {
    const result = joinResults(call.arguments.map(argument => sourcesOf(argument.type === AST_NODE_TYPES.SpreadElement ? argument.argument : argument)));
    return text ? embedded(result) : result;
  }

  function callResult(call: TSESTree.CallExpression): FlowResult {
    if (isMaskingCall(call)) return maskedResult(call);
    const callee = unwrapExpression(call.callee);
    const path = calleePath(callee);
    const last = path?.[path.length - 1];
    const dotted = path?.join('.');

    if (callee.type === AST_NODE_TYPES.Identifier) {
      if (REDUCING_FUNCTIONS.has(callee.name)) return SAFE_REDUCTION;
      const revealing = REVEALING_FUNCTIONS.get(callee.name);
      if (revealing && !isLocallyDefined(callee)) return argumentsResult(call, revealing.text);
      if (revealing && isImportedFromUtil(callee)) return argumentsResult(call, revealing.text);
    }
    if (dotted !== undefined && path && path.length === 2) {
      const revealing = REVEALING_STATIC.get(dotted) ?? (path[0] !== undefined && isUtilNamespace(callee) ? REVEALING_STATIC.get(`util.${last}`) : undefined);
      if (revealing) return argumentsResult(call, revealing.text);
      if (path[0] === 'Number' || path[0] === 'Array' || path[0] === 'Object' || path[0] === 'Buffer') {
        if (last !== undefined && REDUCING_METHODS.has(last)) return SAFE_REDUCTION;
      }
    }
    if (callee.type === AST_NODE_TYPES.MemberExpression && last !== undefined) {
      if (REDUCING_METHODS.has(last)) return SAFE_REDUCTION;
      if (REVEALING_METHODS.has(last)) {
        const receiver = sourcesOf(callee.object);
        const results = [receiver];
        if (last === 'concat') results.push(argumentsResult(call, false));
        const joined = joinResults(results);
        if (joined.sources.length > 0) return embedded(joined);
        // `'Bearer '.concat(token)`, `[a, b].join(',')` on a visible receiver
        return joined.safe ? (last === 'concat' ? embedded(argumentsResult(call, false)) : SAFE_LITERAL) : UNKNOWN;
      }
      if ((last === 'map' || last === 'flatMap') && call.arguments[0]) {
        const mapped = returnedBy(call.arguments[0]);
        if (mapped) {
          const result = sourcesOf(mapped);
          if (result.sources.length > 0) return under(result, '*');
          if (result.safe) return result;
        }
      }
    }
    // Getters and configuration reads named by what they return: `getApiKey()`, `config.get('DB_PASSWORD')`.
    if (last !== undefined) {
      if (KEYED_GETTERS.has(last) && call.arguments.length >= 1) {
        const key = call.arguments[0];
        const name =
          key?.type === AST_NODE_TYPES.Literal && typeof key.value === 'string'
            ? key.value
            : key?.type === AST_NODE_TYPES.TemplateLiteral && key.expressions.length === 0
              ? key.quasis[0]?.value.cooked
              : undefined;
        const match = name ? sensitive.classifyName(name) : undefined;
        if (match) return valueSource(match, call);
      }
      const getter = /^get(?=[A-Z_])_?(.+)$/u.exec(last);
      if (getter?.[1] && call.arguments.length === 0) {
        const match = sensitive.classifyName(getter[1]);
        if (match) return valueSource(match, call);
      }
    }
    return UNKNOWN;
  }

  /** The expression an inline callback returns: `u => u.email`, `(u) => { return u.email; }`. */
  function returnedBy(node: TSESTree.Node): TSESTree.Node | undefined {
    const fn = unwrapExpression(node);
    if (fn.type !== AST_NODE_TYPES.ArrowFunctionExpression && fn.type !== AST_NODE_TYPES.FunctionExpression) return undefined;
    if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return fn.body;
    const statements = fn.body.body;
    const last = statements[statements.length - 1];
    return statements.length === 1 && last?.type === AST_NODE_TYPES.ReturnStatement && last.argument ? last.argument : undefined;
  }

  function isLocallyDefined(identifier: TSESTree.Identifier): boolean {
    const variable = findVariable(identifier);
    return variable !== undefined && variable.defs.length > 0;
  }

  function importSource(identifier: TSESTree.Identifier): string | undefined {
    const def = findVariable(identifier)?.defs[0];
    if (def?.type !== DefinitionType.ImportBinding) return undefined;
    const declaration = def.node.parent;
    return declaration?.type === AST_NODE_TYPES.ImportDeclaration ? declaration.source.value : undefined;
  }

  /** `inspect` / `format` imported from `util` / `node:util`. */
  function isImportedFromUtil(identifier: TSESTree.Identifier): boolean {
    const module = importSource(identifier);
    return module === 'util' || module === 'node:util';
  }

  /** `util.inspect` where `util` is the `util` module under any local name. */
  function isUtilNamespace(callee: TSESTree.Node): boolean {
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    const object = unwrapExpression(callee.object);
    return object.type === AST_NODE_TYPES.Identifier && (isImportedFromUtil(object) || object.name === 'util');
  }

  function newResult(node: TSESTree.NewExpression): FlowResult {
    const path = calleePath(node.callee);
    const last = path?.[path.length - 1] ?? '';
    if (/Error$|^Date$|^URL$|^String$/u.test(last)) return argumentsResult(node, true);
    return UNKNOWN;
  }

  let types: { services: ParserServicesWithTypeInformation; checker: ts.TypeChecker } | null | undefined;

  /** The checker, in typed mode (looked up once). */
  function typeSupport(): { services: ParserServicesWithTypeInformation; checker: ts.TypeChecker } | undefined {
    if (types === undefined) {
      types = null;
      if (context.sourceCode.parserServices?.program) {
        try {
          const services = ESLintUtils.getParserServices(context, true);
          if (services.program) types = { services: services, checker: services.program.getTypeChecker() };
        } catch {
          types = null;
        }
      }
    }
    return types ?? undefined;
  }

  /** Typed mode: the value is a boolean (`{ password: isValid }` reveals nothing). */
  function isBooleanTyped(node: TSESTree.Node): boolean {
    const support = typeSupport();
    if (!support) return false;
    const { services, checker } = support;
    try {
      const type = services.getTypeAtLocation(node);
      const parts: readonly ts.Type[] = type.isUnion() ? type.types : [type];
      // By name: `TypeFlags` values differ between TypeScript versions, and typescript is an optional peer.
      return parts.length > 0 && parts.every(part => BOOLEAN_TYPE_NAMES.has(checker.typeToString(part)));
    } catch {
      return false;
    }
  }

  function compute(node: TSESTree.Node): FlowResult {
    switch (node.type) {
      case AST_NODE_TYPES.Literal:
        return SAFE_LITERAL;
      case AST_NODE_TYPES.TemplateLiteral:
        return node.expressions.length === 0 ? SAFE_LITERAL : embedded(joinResults(node.expressions.map(sourcesOf)));
      case AST_NODE_TYPES.Identifier:
        return identifierResult(node);
      case AST_NODE_TYPES.MemberExpression:
        return memberResult(node);
      case AST_NODE_TYPES.CallExpression:
        return callResult(node);
      case AST_NODE_TYPES.NewExpression:
        return newResult(node);
      case AST_NODE_TYPES.ObjectExpression:
        return objectResult(node);
      case AST_NODE_TYPES.ArrayExpression:
        return arrayResult(node);
      case AST_NODE_TYPES.SpreadElement:
        return sourcesOf(node.argument);
      case AST_NODE_TYPES.UnaryExpression:
        if (node.operator === '!' || node.operator === 'typeof' || node.operator === 'void' || node.operator === 'delete') return SAFE_REDUCTION;
        return sourcesOf(node.argument);
      case AST_NODE_TYPES.UpdateExpression:
        return UNKNOWN;
      case AST_NODE_TYPES.BinaryExpression:
        if (COMPARISON_OPERATORS.has(node.operator)) return SAFE_REDUCTION;
        return embedded(joinResults([node.left.type === AST_NODE_TYPES.PrivateIdentifier ? SAFE_LITERAL : sourcesOf(node.left), sourcesOf(node.right)]));
      case AST_NODE_TYPES.LogicalExpression:
        // `a && b` is `b` unless `a` is falsy (nothing worth hiding); `a || b`, `a ?? b` are either.
        return node.operator === '&&' ? sourcesOf(node.right) : joinResults([sourcesOf(node.left), sourcesOf(node.right)]);
      case AST_NODE_TYPES.ConditionalExpression:
        return joinResults([sourcesOf(node.consequent), sourcesOf(node.alternate)]);
      case AST_NODE_TYPES.SequenceExpression:
        return node.expressions.length > 0 ? sourcesOf(node.expressions[node.expressions.length - 1]!) : UNKNOWN;
      case AST_NODE_TYPES.AssignmentExpression:
        return sourcesOf(node.right);
      case AST_NODE_TYPES.AwaitExpression:
        return sourcesOf(node.argument);
      case AST_NODE_TYPES.ChainExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
      case AST_NODE_TYPES.TSInstantiationExpression:
        return sourcesOf(node.expression);
      case AST_NODE_TYPES.ArrowFunctionExpression:
      case AST_NODE_TYPES.FunctionExpression:
      case AST_NODE_TYPES.ClassExpression:
        return SAFE_LITERAL;
      default:
        return UNKNOWN;
    }
  }

  /** The syntactic answer, then — where it is unknown — the type's (typed mode). */
  function withTypes(node: TSESTree.Node, result: FlowResult): FlowResult {
    if (result.safe || result.sources.length > 0) return result;
    if (!canCarryType(node)) return result;
    const single = sensitive.classifyType(node) ?? memberOfSensitiveProperty(node);
    if (!single) return result;
    const all = sensitive.sensitivePaths(node);
    const matches = all && all.length > 0 ? all : [single];
    return { safe: false, sources: matches.slice(0, MAX_SOURCES).map(match => typeSource(node, match)) };
  }

  /**
   * `visit.notes` where `Visit.notes` is tagged `@sensitive` / `@pii` (or named so): the property's declaration says
   * what the value is, whatever its own type (a plain string).
   */
  function memberOfSensitiveProperty(node: TSESTree.Node): SensitiveMatch | undefined {
    const member = unwrapExpression(node);
    if (member.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const name = staticPropertyName(member);
    if (name === undefined) return undefined;
    const match = sensitive.sensitivePaths(member.object).find(candidate => candidate.path?.length === 1 && candidate.path[0] === name);
    return match ? { ...match, path: [] } : undefined;
  }

  function typeSource(node: TSESTree.Node, match: SensitiveMatch): FlowSource {
    return {
      kind: match.via === 'name' ? 'value' : 'type',
      match,
      origin: describe(node),
      node,
      viaVariable: false,
      path: match.path ? [...match.path] : [],
      masked: false,
      typedObject: node,
      typedAt: node,
    };
  }

  function sourcesOf(node: TSESTree.Node): FlowResult {
    const cached = cache.get(node);
    if (cached) return cached;
    if (nesting >= MAX_NESTING) return UNKNOWN;
    nesting++;
    let result: FlowResult;
    try {
      result = withTypes(node, compute(node));
    } catch {
      result = UNKNOWN; // odd code: stay silent rather than crash the lint run
    } finally {
      nesting--;
    }
    // Results that depend on the variables being followed (a cycle cut short) are not cached.
    if (following.size === 0) cache.set(node, result);
    return result;
  }

  function typeIsNamed(node: TSESTree.Node, typeName: string): boolean {
    const support = typeSupport();
    if (!support) return false;
    const { services, checker } = support;
    try {
      const type = checker.getNonNullableType(services.getTypeAtLocation(node));
      const awaited = checker.getAwaitedType(type) ?? type;
      return checker.typeToString(checker.getNonNullableType(awaited)) === typeName;
    } catch {
      return false;
    }
  }

  function isNullable(node: TSESTree.Node): boolean {
    const support = typeSupport();
    if (!support) return false;
    try {
      const type = support.services.getTypeAtLocation(node);
      const parts: readonly ts.Type[] = type.isUnion() ? type.types : [type];
      return parts.some(part => NULLISH_TYPE_NAMES.has(support.checker.typeToString(part)));
    } catch {
      return false;
    }
  }

  return { sourcesOf, typeIsNamed, isNullable };
}

/** Expressions whose type can hold sensitive data: names, members, calls, `await`, `new`. */
function canCarryType(node: TSESTree.Node): boolean {
  switch (node.type) {
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.MemberExpression:
    case AST_NODE_TYPES.CallExpression:
    case AST_NODE_TYPES.AwaitExpression:
    case AST_NODE_TYPES.NewExpression:
    case AST_NODE_TYPES.ThisExpression:
    case AST_NODE_TYPES.ChainExpression:
    case AST_NODE_TYPES.TSNonNullExpression:
    case AST_NODE_TYPES.TSAsExpression:
    case AST_NODE_TYPES.ConditionalExpression:
    case AST_NODE_TYPES.LogicalExpression:
      return true;
    default:
      return false;
  }
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}

/** `createHash('sha256').update(x).digest('hex')`: the digest of a hash or HMAC chain. */
function isDigestChain(call: TSESTree.CallExpression): boolean {
  let current: TSESTree.Node = unwrapExpression(call.callee);
  if (current.type !== AST_NODE_TYPES.MemberExpression || staticPropertyName(current) !== 'digest') return false;
  for (let steps = 0; steps < 8; steps++) {
    if (current.type === AST_NODE_TYPES.MemberExpression) current = unwrapExpression(current.object);
    else if (current.type === AST_NODE_TYPES.CallExpression) {
      const path = calleePath(current.callee);
      const last = path?.[path.length - 1];
      if (last === 'createHash' || last === 'createHmac') return true;
      current = unwrapExpression(current.callee);
    } else return false;
  }
  return false;
}

/**
 * Whether a call masks its arguments: a masking function of the policy (`settings.compliance.masking.functions`,
 * matched as configured), and — for a configured plain name such as `hash` — a method of that name or a function
 * whose name starts with it as a word (`bcrypt.hash(pw)`, `maskEmail(e)`, `hashToken(t)`, `this.crypto.encrypt(x)`),
 * and the digest of a `createHash` / `createHmac` chain.
 */
export function createMaskingCallDetector(context: Context, policy: Policy): (call: TSESTree.CallExpression) => boolean {
  const matcher = createCallMatcher(policy.masking.functions, context);
  const names = new Set(
    policy.masking.functions.flatMap(function_ => (function_.kind === 'path' && function_.segments.length === 1 && function_.segments[0] !== '*' ? [function_.segments[0]!] : [])),
  );
  const words = new Set([...names].filter(name => splitWords(name).length === 1).map(name => name.toLowerCase()));
  const results = new WeakMap<TSESTree.CallExpression, boolean>();
  return call => {
    const cached = results.get(call);
    if (cached !== undefined) return cached;
    let result = false;
    try {
      if (matcher.matches(call)) result = true;
      else if (isDigestChain(call)) result = true;
      else {
        const path = calleePath(call.callee);
        const last = path?.[path.length - 1];
        if (last !== undefined) result = names.has(last) || words.has(splitWords(last)[0] ?? '');
      }
    } catch {
      result = false;
    }
    results.set(call, result);
    return result;
  };
}
