/**
 * The whole request payload and headers, from the web-framework records (`requestData`, `requestDataEntries`): member
 * paths from a request variable (`req.body`, `ctx.request.body`, `request.headers`), reader calls
 * (`await request.json()`, `c.req.header()`), functions (`headers()` of `next/headers`), parameter decorators
 * (`@Body() body`, `@Headers() headers`) and a tRPC mutation's `input`. A field of them (`req.body.title`,
 * `req.headers['user-agent']`) is not the whole: its own name decides (`names.ts`).
 *
 * A request variable is a parameter or an unresolved name of one of the records' conventional names (`req`, `request`,
 * `ctx`, `c`); a variable holding a call's result (`const req = https.request(…)`, `new Request(…)`) is an outgoing
 * request, not one. The tables are derived from the records once per process.
 */
import { AST_NODE_TYPES, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { importedBy } from '../ast/imports.js';
import { propertyKeyName } from '../ast/properties.js';
import { unwrapExpression } from '../ast/unwrap.js';
import { FRAMEWORK_RECORDS } from '../endpoints/frameworks/index.js';
import { calleePath, flattenMembers } from '../matchers.js';
import { type FlowState, variableOf } from './state.js';

const { DefinitionType } = TSESLint.Scope;

export type RequestPart = 'payload' | 'headers';

interface Paths {
  /** Request variable name → `path.join('.')` → what it is. */
  readonly members: ReadonlyMap<string, ReadonlyMap<string, RequestPart>>;
  /** Request variable name → reader path → what its result is, and whether it must be called with no argument. */
  readonly readers: ReadonlyMap<string, ReadonlyMap<string, { readonly part: RequestPart; readonly noArguments: boolean }>>;
  /** `module#name` of functions returning every header. */
  readonly headerFunctions: ReadonlySet<string>;
  readonly decorators: ReadonlyMap<string, RequestPart>;
  readonly payloadMethods: ReadonlySet<string>;
  readonly payloadProperties: ReadonlySet<string>;
}

/** Per process: derived from the records once. */
let tables: Paths | undefined;

function derive(): Paths {
  const members = new Map<string, Map<string, RequestPart>>();
  const readers = new Map<string, Map<string, { part: RequestPart; noArguments: boolean }>>();
  const headerFunctions = new Set<string>();
  const decorators = new Map<string, RequestPart>();
  const payloadMethods = new Set<string>();
  const payloadProperties = new Set<string>();
  for (const record of FRAMEWORK_RECORDS) {
    for (const data of record.requestData ?? []) {
      for (const name of data.names) {
        const byPath = members.get(name) ?? new Map<string, RequestPart>();
        for (const path of data.body ?? []) byPath.set(path.join('.'), 'payload');
        for (const path of data.headers ?? []) byPath.set(path.join('.'), 'headers');
        members.set(name, byPath);
        const byReader = readers.get(name) ?? new Map<string, { part: RequestPart; noArguments: boolean }>();
        for (const path of data.bodyReaders ?? []) byReader.set(path.join('.'), { part: 'payload', noArguments: false });
        for (const path of data.headerReaders ?? []) byReader.set(path.join('.'), { part: 'headers', noArguments: true });
        readers.set(name, byReader);
      }
    }
    const entries = record.requestDataEntries;
    for (const entry of entries?.headerFunctions ?? []) headerFunctions.add(`${entry.module}#${entry.name}`);
    for (const name of entries?.bodyDecorators ?? []) decorators.set(name, 'payload');
    for (const name of entries?.headerDecorators ?? []) decorators.set(name, 'headers');
    for (const method of entries?.payloadCallbacks?.methods ?? []) payloadMethods.add(method);
    if (entries?.payloadCallbacks) payloadProperties.add(entries.payloadCallbacks.property);
  }
  return { members, readers, headerFunctions, decorators, payloadMethods, payloadProperties };
}

function paths(): Paths {
  tables ??= derive();
  return tables;
}

/** Whether `root` is a request variable: a parameter or an unresolved name, not a call's result or an import. */
function isRequestVariable(state: FlowState, root: TSESTree.Identifier): boolean {
  const variable = variableOf(state, root);
  const def = variable?.defs[0];
  if (!def) return true;
  if (def.type === DefinitionType.Parameter) return true;
  if (def.type !== DefinitionType.Variable) return false;
  const init = def.node.init ? unwrapExpression(def.node.init) : undefined;
  return !!init && init.type !== AST_NODE_TYPES.CallExpression && init.type !== AST_NODE_TYPES.NewExpression && init.type !== AST_NODE_TYPES.AwaitExpression;
}

/** `req.body`, `ctx.request.headers` (a member chain from a request variable), or a tRPC mutation's `opts.input`. */
export function memberRequestPart(state: FlowState, node: TSESTree.Node, extra: readonly string[] = []): RequestPart | undefined {
  const { root, properties } = flattenMembers(node);
  if (root.type !== AST_NODE_TYPES.Identifier) return undefined;
  const path = [...properties, ...extra];
  if (path.length === 0) return undefined;
  const part = paths().members.get(root.name)?.get(path.join('.'));
  if (part && isRequestVariable(state, root)) return part;
  if (path.length === 1 && paths().payloadProperties.has(path[0]!) && isPayloadCallbackParameter(state, root, false)) return 'payload';
  return undefined;
}

/** `await request.json()`, `c.req.header()`, `headers()` of `next/headers`. */
export function callRequestPart(state: FlowState, call: TSESTree.CallExpression): RequestPart | undefined {
  const callee = unwrapExpression(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const imported = importOf(state, callee);
    return imported && paths().headerFunctions.has(imported) && call.arguments.length === 0 ? 'headers' : undefined;
  }
  const { root, properties } = flattenMembers(callee);
  if (root.type !== AST_NODE_TYPES.Identifier || properties.length === 0) return undefined;
  const reader = paths().readers.get(root.name)?.get(properties.join('.'));
  if (!reader || (reader.noArguments && call.arguments.length > 0)) return undefined;
  return isRequestVariable(state, root) ? reader.part : undefined;
}

/** `@Body() body`, `@Headers() headers`, a mutation's `({ input })`; a variable destructured from one (`const { body } = req`). */
export function identifierRequestPart(state: FlowState, identifier: TSESTree.Identifier): RequestPart | undefined {
  const variable = variableOf(state, identifier);
  const def = variable?.defs[0];
  if (def?.type !== DefinitionType.Parameter) return undefined;
  const name = def.name as TSESTree.Node;
  const decorated = name.parent?.type === AST_NODE_TYPES.TSParameterProperty ? name.parent : name;
  for (const decorator of 'decorators' in decorated ? ((decorated.decorators as TSESTree.Decorator[] | undefined) ?? []) : []) {
    const expression = unwrapExpression(decorator.expression);
    if (expression.type !== AST_NODE_TYPES.CallExpression) continue;
    const path = calleePath(expression.callee);
    const part = path ? paths().decorators.get(path[path.length - 1]!) : undefined;
    const first = expression.arguments[0];
    const named = first !== undefined && (first.type === AST_NODE_TYPES.Literal || first.type === AST_NODE_TYPES.TemplateLiteral);
    if (part && !named) return part;
  }
  return isPayloadCallbackParameter(state, identifier, true) ? 'payload' : undefined;
}

/**
 * Whether `identifier` is a tRPC mutation resolver's parameter: destructured as its payload property
 * (`({ input }) => …`, `destructured`), or the whole options object (`(opts) => opts.input`).
 */
function isPayloadCallbackParameter(state: FlowState, identifier: TSESTree.Identifier, destructured: boolean): boolean {
  const def = variableOf(state, identifier)?.defs[0];
  if (def?.type !== DefinitionType.Parameter) return false;
  let parameter: TSESTree.Node = def.name;
  if (destructured) {
    const property = parameter.parent;
    if (property?.type !== AST_NODE_TYPES.Property || property.value !== parameter) return false;
    const key = propertyKeyName(property);
    if (key === undefined || !paths().payloadProperties.has(key) || property.parent.type !== AST_NODE_TYPES.ObjectPattern) return false;
    parameter = property.parent;
  }
  const fn = parameter.parent;
  if (fn?.type !== AST_NODE_TYPES.ArrowFunctionExpression && fn?.type !== AST_NODE_TYPES.FunctionExpression) return false;
  if (fn.params[0] !== parameter) return false;
  const call = fn.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(fn)) return false;
  const path = calleePath(call.callee);
  return path !== undefined && path.length > 1 && paths().payloadMethods.has(path[path.length - 1]!);
}

/** `module#name` of an imported identifier (`headers` from `next/headers` → `next/headers#headers`). */
export function importOf(state: FlowState, identifier: TSESTree.Identifier): string | undefined {
  const def = variableOf(state, identifier)?.defs[0];
  if (def?.type !== DefinitionType.ImportBinding) return undefined;
  const specifier = def.node;
  const declaration = specifier.parent;
  if (specifier.type === AST_NODE_TYPES.TSImportEqualsDeclaration || declaration?.type !== AST_NODE_TYPES.ImportDeclaration) return undefined;
  return `${declaration.source.value}#${importedBy(specifier)}`;
}
