/**
 * Queue job payloads (`src/analysis/queues/`): what a producer put on a queue (an event with a user's e-mail, a mail
 * task's props), read by a worker as `job.data` (agenda: `job.attrs.data`). The payload, whole, is a source like the
 * request payload; a field of it is decided by its own name, except the fields that are payloads one level down
 * (`job.data.event`, `const { props } = job.data`: {@link PAYLOAD_FIELDS}).
 *
 * `job` is visibly a job when it is the first parameter of a processor or a job-event listener:
 * - a function given (directly, or through wrapping calls: `traceFunction(opts)(async job => …)`) to a record's
 *   process method (`queue.process(…)`, `boss.work(name, …)`) or worker class (`new Worker(name, …)`), or as the
 *   listener of a job event (`queue.on('failed', (job, err) => …)`), in a file that imports the library or with the
 *   parameter named for a job (`job`, `failedJob`): the job-processor shape;
 * - typed mode: its type is one of the records' job types, declared in the library's package.
 */
import { AST_NODE_TYPES, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { staticPropertyName } from '../ast/keys.js';
import { unwrapExpression } from '../ast/unwrap.js';
import { calleePath, flattenMembers, splitWords } from '../matchers.js';
import { QUEUE_RECORDS, QUEUE_TABLES, type QueueRecord } from '../queues/index.js';
import { declaredInPackage, packagesOf } from './packages.js';
import { type FlowState, typeServices, variableOf } from './state.js';

const { DefinitionType } = TSESLint.Scope;

/** Fields of a payload that are a payload themselves: an event, a task's props. */
const PAYLOAD_FIELDS: ReadonlySet<string> = new Set(['event', 'props', 'payload', 'data', 'params', 'args', 'input', 'body', 'message']);

/** Wrapping calls climbed from a processor to the call that takes it, at most. */
const MAX_WRAPPERS = 2;

/** `job.data`, `job?.data`, `job.data.event` (`extra`: a destructured path below the member): a job's payload. */
export function isJobPayload(state: FlowState, node: TSESTree.Node, extra: readonly string[] = []): boolean {
  const { root, properties } = flattenMembers(node);
  if (root.type !== AST_NODE_TYPES.Identifier) return false;
  const path = [...properties, ...extra];
  const records = QUEUE_RECORDS.filter(record => payloadRest(record, path) !== undefined);
  if (records.length === 0) return false;
  return isJob(state, root, records);
}

/** The path below the payload, when every step of it is a payload field; undefined otherwise. */
function payloadRest(record: QueueRecord, path: readonly string[]): readonly string[] | undefined {
  if (path.length < record.payload.length || record.payload.some((step, index) => path[index] !== step)) return undefined;
  const rest = path.slice(record.payload.length);
  return rest.every(step => PAYLOAD_FIELDS.has(step)) ? rest : undefined;
}

function isJob(state: FlowState, identifier: TSESTree.Identifier, records: readonly QueueRecord[]): boolean {
  const def = variableOf(state, identifier)?.defs[0];
  if (def?.type !== DefinitionType.Parameter) return false;
  const fn = def.node;
  if (!isFunction(fn) || fn.params[0] !== def.name) return false;
  const typed = typedJob(state, def.name as TSESTree.Identifier, records);
  if (typed !== undefined) return typed;
  const candidates = processorSite(fn).filter(record => records.includes(record));
  if (candidates.length === 0) return false;
  const words = splitWords(identifier.name);
  if (words[words.length - 1] === 'job') return true;
  const imported = packagesOf(state);
  return candidates.some(record => record.packages.some(name => imported.has(name)));
}

/** The records whose processor `fn` is (given to a process method, a worker class or a job-event listener). */
function processorSite(fn: TSESTree.Node): readonly QueueRecord[] {
  let current: TSESTree.Node = fn;
  for (let level = 0; level <= MAX_WRAPPERS; level++) {
    const parent = current.parent;
    if ((parent?.type !== AST_NODE_TYPES.CallExpression && parent?.type !== AST_NODE_TYPES.NewExpression) || !parent.arguments.includes(current as TSESTree.CallExpressionArgument)) {
      return [];
    }
    const site = siteRecords(parent, current);
    if (site.length > 0) return site;
    if (parent.type !== AST_NODE_TYPES.CallExpression) return [];
    current = parent;
  }
  return [];
}

function siteRecords(call: TSESTree.CallExpression | TSESTree.NewExpression, argument: TSESTree.Node): readonly QueueRecord[] {
  const path = calleePath(unwrapExpression(call.callee));
  const name = path?.[path.length - 1];
  if (name === undefined) return [];
  if (call.type === AST_NODE_TYPES.NewExpression) return QUEUE_TABLES.workerClasses.get(name) ?? [];
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return [];
  const method = staticPropertyName(callee);
  if ((method === 'on' || method === 'once') && call.arguments[1] === argument) {
    const event = call.arguments[0];
    return event?.type === AST_NODE_TYPES.Literal && typeof event.value === 'string' ? (QUEUE_TABLES.jobEvents.get(event.value) ?? []) : [];
  }
  return method === undefined ? [] : (QUEUE_TABLES.processMethods.get(method) ?? []);
}

/** Typed mode: true when the parameter's type is a job type of a record's package, false for another declared type. */
function typedJob(state: FlowState, parameter: TSESTree.Identifier, records: readonly QueueRecord[]): boolean | undefined {
  const services = typeServices(state);
  const type = services?.typeOf(parameter);
  if (!services || !type || services.isLoose(type)) return undefined;
  try {
    const parts = services.checker.getNonNullableType(type);
    const all = parts.isUnion() ? parts.types : [parts];
    const found = all.some(part => {
      const symbol = part.aliasSymbol ?? part.getSymbol();
      if (!symbol || !QUEUE_TABLES.jobTypes.has(symbol.getName())) return false;
      return declaredInPackage(symbol.getDeclarations() ?? [], records.flatMap(record => record.packages));
    });
    return found ? true : undefined;
  } catch {
    return undefined;
  }
}

function isFunction(node: TSESTree.Node): node is TSESTree.FunctionLike {
  return node.type === AST_NODE_TYPES.ArrowFunctionExpression || node.type === AST_NODE_TYPES.FunctionExpression || node.type === AST_NODE_TYPES.FunctionDeclaration;
}
