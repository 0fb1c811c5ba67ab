/**
 * Classification: what an expression is (a module, a logger, a log function, a Fastify app …) from the syntax — creations,
 * `const` variables, destructuring, class fields, parameters of Fastify handlers, and imports followed to the files
 * they name. Results are cached per node in the state; cycle-safe; bounded by MAX_DEPTH.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { enclosingClass } from '../../ast/classes.js';
import { destructuredPath } from '../../ast/destructuring.js';
import { isFunctionNode } from '../../ast/functions.js';
import { staticKeyName, staticPropertyName } from '../../ast/keys.js';
import { stringValue } from '../../ast/static-values.js';
import { unwrapExpression } from '../../ast/unwrap.js';
import { findExportOrDeclaration, moduleSource, rootOf } from '../../modules.js';
import { GLOBAL_MODULE, LOGGER_TABLES } from '../index.js';
import { annotatedValue } from './annotations.js';
import { bindingOf, fileOf, resolveFrom } from './bindings.js';
import { callbackParameterValue } from './callbacks.js';
import { childValue, createdValue } from './creations.js';
import { httpLoggerOf } from './http.js';
import { MAX_DEPTH } from './options.js';
import { typedInfo, type SinkState } from './state.js';
import { asLogFunction, isLogMethod, moduleKey, moduleValue, NOT_LOGGER, type Value, withRedact } from './values.js';

const NOT_LOGGER_CONSTRUCTORS = new Set(['Map', 'Set', 'WeakMap', 'Array', 'String', 'URLSearchParams']);

export function memberValue(state: SinkState, base: Value, name: string): Value | undefined {
  switch (base.t) {
    case 'module':
      return moduleValue(base.module, [...base.path, name]);
    case 'localModule':
      return exportValue(state, base.file, name);
    case 'fastify':
      return name === 'log' ? { t: 'logger', kind: 'fastify', ...withRedact(base.redact) } : undefined;
    case 'pinoHttp':
      return name === 'logger' ? { t: 'logger', kind: 'pino', ...withRedact(base.redact) } : undefined;
    case 'logger':
      return isLogMethod(base.kind, name, base.levels) ? { t: 'logFn', kind: base.kind, ...withRedact(base.redact) } : undefined;
    default:
      return undefined;
  }
}

/** The value a module exports under `name`; the lookup is done once per file and name. */
export function exportValue(state: SinkState, file: string, name: string): Value | undefined {
  const key = `${file}\0${name}`;
  const cached = state.exports.get(key);
  if (cached !== undefined) return cached ?? undefined;
  state.exports.set(key, null); // cycles
  const value = computeExportValue(state, file, name);
  state.exports.set(key, value ?? null);
  return value;
}

function computeExportValue(state: SinkState, file: string, name: string): Value | undefined {
  const target = findExportOrDeclaration(file, name, moduleSource(typedInfo(state)?.program));
  // A class or a function (as the module text shows, or its declaration) is never a logger.
  if (!target || 'declared' in target) return undefined;
  const root = rootOf(target.node);
  if (root !== state.sourceCode.ast) state.moduleFiles.set(root, target.file);
  const node = target.node;
  if (node.type === AST_NODE_TYPES.Program) return { t: 'localModule', file: target.file };
  if (node.type === AST_NODE_TYPES.VariableDeclarator) {
    const declaration = node.parent;
    return declaration.kind === 'const' && node.id.type === AST_NODE_TYPES.Identifier && node.init ? classify(state, node.init) : undefined;
  }
  if (node.type === AST_NODE_TYPES.FunctionDeclaration || node.type === AST_NODE_TYPES.ClassDeclaration) return undefined;
  return classify(state, node);
}

/** `this.x`: the class field's initializer, or the one `this.x = …` assignment of the constructor. */
function classMemberValue(state: SinkState, member: TSESTree.MemberExpression, name: string, depth: number): Value | undefined {
  const cls = enclosingClass(member);
  if (!cls) return undefined;
  const assigned: TSESTree.Node[] = [];
  for (const element of cls.body.body) {
    if (element.type === AST_NODE_TYPES.PropertyDefinition && staticKeyName(element.key, element.computed) === name && element.value) {
      assigned.push(element.value);
    }
    if (element.type === AST_NODE_TYPES.MethodDefinition && element.kind === 'constructor') {
      for (const statement of element.value.body?.body ?? []) {
        if (statement.type !== AST_NODE_TYPES.ExpressionStatement) continue;
        const expression = statement.expression;
        if (expression.type !== AST_NODE_TYPES.AssignmentExpression || expression.operator !== '=') continue;
        const left = unwrapExpression(expression.left);
        if (left.type === AST_NODE_TYPES.MemberExpression && left.object.type === AST_NODE_TYPES.ThisExpression && staticPropertyName(left) === name) {
          assigned.push(expression.right);
        }
      }
    }
  }
  return assigned.length === 1 && assigned[0] ? classify(state, assigned[0], depth + 1) : undefined;
}

/**
 * A parameter of a function passed to a call on a Fastify app (`app.get('/', (request, reply) => …)`,
 * `app.register(async (instance) => …)`, `{ handler }` of `app.route`): it carries the app's logger as `.log`;
 * destructured (`({ log }) => …`), the binding is that member. A parameter handed a logger by a library's callback
 * method (callbacks.ts) or annotated with a library's logger type (annotations.ts) is that logger.
 */
function parameterValue(state: SinkState, fn: TSESTree.Node | undefined, id: TSESTree.Identifier, depth: number): Value | undefined {
  if (!isFunctionNode(fn)) return undefined;
  const param = fn.params.find((candidate) => candidate.range[0] <= id.range[0] && id.range[1] <= candidate.range[1]);
  const path = param ? destructuredPath(id, param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param) : undefined;
  if (!path) return undefined;
  // A tracker's scope, event or span handed to a callback (`withScope(scope => …)`); a parameter annotated with a
  // library's logger type imported from its package (`(span: Span)`).
  if (param && path.length === 0) {
    const handed = callbackParameterValue(state, fn, param, depth) ?? annotatedValue(state, param);
    if (handed) return handed;
  }
  let holder: TSESTree.Node | undefined = fn.parent;
  if (holder?.type === AST_NODE_TYPES.Property && holder.value === fn) holder = holder.parent?.parent; // `{ handler }`
  if (holder?.type !== AST_NODE_TYPES.CallExpression || !holder.arguments.some((argument) => argument === fn || argument === fn.parent?.parent)) {
    return undefined;
  }
  const callee = unwrapExpression(holder.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  let value = classify(state, callee.object, depth + 1);
  if (value?.t !== 'fastify') return undefined;
  for (const segment of path) value = value ? memberValue(state, value, segment) : undefined;
  return value;
}

function globalValue(name: string): Value | undefined {
  if (name === 'console') return moduleValue('console', []);
  if (name === 'globalThis' || name === 'window' || name === 'global') return moduleValue(GLOBAL_MODULE, []);
  if (name === 'Math' || name === 'JSON' || name === 'process') return NOT_LOGGER;
  return undefined;
}

function identifierValue(state: SinkState, id: TSESTree.Identifier, depth: number): Value | undefined {
  const bound = bindingOf(state, id);
  switch (bound.k) {
    case 'global':
      return globalValue(id.name);
    case 'import': {
      const from = fileOf(state, id);
      const file = from === undefined ? undefined : resolveFrom(state, from, bound.source);
      if (file) return bound.imported === '*' ? { t: 'localModule', file } : exportValue(state, file, bound.imported);
      return moduleValue(bound.source, bound.imported === '*' || bound.imported === 'default' ? [] : [bound.imported]);
    }
    case 'variable': {
      const { declarator } = bound;
      if (!declarator.init) return undefined;
      const path = destructuredPath(bound.id, declarator.id);
      if (!path) return undefined;
      let value = classify(state, declarator.init, depth + 1);
      for (const segment of path) value = value ? memberValue(state, value, segment) : undefined;
      return value;
    }
    case 'parameter':
      return parameterValue(state, bound.fn, bound.id, depth);
    default:
      return undefined;
  }
}

function callValue(state: SinkState, call: TSESTree.CallExpression, depth: number): Value | undefined {
  const callee = unwrapExpression(call.callee);
  const [first, second] = call.arguments;
  if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'require' && first && call.arguments.length === 1) {
    const source = stringValue(first);
    if (source !== undefined) {
      const from = fileOf(state, call);
      const file = from === undefined ? undefined : resolveFrom(state, from, source);
      return file ? { t: 'localModule', file } : moduleValue(source, []);
    }
  }
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const name = staticPropertyName(callee);
    const base = name === undefined ? undefined : classify(state, callee.object, depth + 1);
    if (base && name !== undefined) {
      const child = childValue(state, base, asLogFunction(base), name, second);
      if (child) return child;
    }
  }
  const fn = classify(state, callee, depth + 1);
  if (fn?.t !== 'module') return undefined;
  const creation = LOGGER_TABLES.creations.get(moduleKey(fn));
  return creation ? createdValue(state, creation.kind, creation.shape, first, depth) : undefined;
}

function newValue(state: SinkState, node: TSESTree.NewExpression, depth: number): Value | undefined {
  const callee = unwrapExpression(node.callee);
  if (callee.type === AST_NODE_TYPES.Identifier && NOT_LOGGER_CONSTRUCTORS.has(callee.name) && bindingOf(state, callee).k === 'global') return NOT_LOGGER;
  const ctor = classify(state, callee, depth + 1);
  const kind = ctor?.t === 'module' ? LOGGER_TABLES.constructions.get(moduleKey(ctor)) : undefined;
  return kind ? { t: 'logger', kind } : undefined;
}

function compute(state: SinkState, node: TSESTree.Node, depth: number): Value | undefined {
  switch (node.type) {
    case AST_NODE_TYPES.Identifier:
      return identifierValue(state, node, depth);
    case AST_NODE_TYPES.MemberExpression: {
      const name = staticPropertyName(node);
      if (name === undefined) return undefined;
      const object = unwrapExpression(node.object);
      if (object.type === AST_NODE_TYPES.ThisExpression) return classMemberValue(state, node, name, depth);
      const base = classify(state, object, depth + 1);
      if (base) return memberValue(state, base, name);
      if (name === 'log' && object.type === AST_NODE_TYPES.Identifier) return httpLoggerOf(state, object);
      return undefined;
    }
    case AST_NODE_TYPES.CallExpression:
      return callValue(state, node, depth);
    case AST_NODE_TYPES.NewExpression:
      return newValue(state, node, depth);
    case AST_NODE_TYPES.ArrayExpression:
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.TemplateLiteral:
    case AST_NODE_TYPES.BinaryExpression:
    case AST_NODE_TYPES.UnaryExpression:
      return NOT_LOGGER;
    default:
      return undefined;
  }
}

/** What an expression is (module, logger, log function…), or undefined when not known. Cached; cycle-safe; bounded. */
export function classify(state: SinkState, node: TSESTree.Node, depth = 0): Value | undefined {
  const expression = unwrapExpression(node);
  const cached = state.values.get(expression);
  if (cached !== undefined) return cached ?? undefined;
  if (depth > MAX_DEPTH) return undefined;
  state.values.set(expression, null); // cycles
  let value: Value | undefined;
  try {
    value = compute(state, expression, depth);
  } catch {
    value = undefined;
  }
  state.values.set(expression, value ?? null);
  return value;
}
