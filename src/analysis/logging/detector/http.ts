/**
 * The one Fastify app or pino-http middleware a file creates: `req.log`, `request.log`, `reply.log`, `fastify.log` of a
 * receiver that cannot be traced (a parameter of a handler registered elsewhere, a global) use its logger.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { staticPropertyName } from '../../ast/keys.js';
import { unwrapExpression } from '../../ast/unwrap.js';
import { fastifyRecord, pinoRecord } from '../pino.js';
import { LOGGER_TABLES } from '../index.js';
import { bindingOf, isCurrent } from './bindings.js';
import { classify, memberValue } from './classify.js';
import type { SinkState } from './state.js';
import { moduleKey, type Value, withRedact } from './values.js';

/** Callees of the calls that create a Fastify app or a pino-http middleware. */
const HTTP_CREATIONS: ReadonlySet<string> = new Set(
  [...LOGGER_TABLES.creations].filter(([, creation]) => creation.shape === 'fastifyApp' || creation.shape === 'pinoHttp').map(([callee]) => callee),
);

/** Named exports a creation is called through (`fastify.default(…)`, `.fastify(…)`, `.pinoHttp(…)`). */
const CREATION_MEMBERS: ReadonlySet<string> = new Set([
  'default',
  ...[...HTTP_CREATIONS].flatMap((callee) => LOGGER_TABLES.selfExports.get(callee.slice(0, callee.indexOf('#'))) ?? []),
]);

const FASTIFY_NAMES: ReadonlySet<string> = new Set(fastifyRecord.requestNames);
const PINO_HTTP_NAMES: ReadonlySet<string> = new Set(pinoRecord.requestNames);

/** Only `name(…)`, `name.default(…)` / `.fastify(…)` / `.pinoHttp(…)` and `require('m')(…)` can create one. */
function isCandidateCallee(callee: TSESTree.Node): boolean {
  return (
    callee.type === AST_NODE_TYPES.Identifier ||
    callee.type === AST_NODE_TYPES.CallExpression ||
    (callee.type === AST_NODE_TYPES.MemberExpression && CREATION_MEMBERS.has(staticPropertyName(callee) ?? ''))
  );
}

function collectHttpLoggers(state: SinkState): Value[] {
  const found: Value[] = [];
  const keys = state.sourceCode.visitorKeys as Readonly<Record<string, readonly string[] | undefined>>;
  const stack: TSESTree.Node[] = [state.sourceCode.ast];
  while (stack.length > 0) {
    const node = stack.pop() as TSESTree.Node;
    if (node.type === AST_NODE_TYPES.CallExpression) {
      const callee = unwrapExpression(node.callee);
      const fn = isCandidateCallee(callee) ? classify(state, callee) : undefined;
      if (fn?.t === 'module' && HTTP_CREATIONS.has(moduleKey(fn))) {
        const value = classify(state, node);
        if (value) found.push(value);
      }
    }
    const children = keys[node.type] ?? [];
    for (let i = children.length - 1; i >= 0; i--) {
      const child = (node as unknown as Record<string, unknown>)[children[i] as string];
      if (Array.isArray(child)) {
        for (let j = child.length - 1; j >= 0; j--) {
          const item = child[j] as TSESTree.Node | null;
          if (item && typeof item.type === 'string') stack.push(item);
        }
      } else if (child && typeof (child as TSESTree.Node).type === 'string') {
        stack.push(child as TSESTree.Node);
      }
    }
  }
  return found;
}

/** The one Fastify app or pino-http middleware the file creates (undefined: none, or several). Looked for once per file. */
function fileHttpLogger(state: SinkState): Value | undefined {
  if (state.fileHttp !== undefined) return state.fileHttp ?? undefined;
  state.fileHttp = null;
  let found: Value[];
  try {
    found = collectHttpLoggers(state);
  } catch {
    found = [];
  }
  if (found.length === 1 && found[0]) state.fileHttp = found[0];
  return state.fileHttp ?? undefined;
}

/** `req.log`, `request.log`, `reply.log`, `fastify.log` of a receiver that cannot be traced: the file's one HTTP logger. */
export function httpLoggerOf(state: SinkState, object: TSESTree.Identifier): Value | undefined {
  if (!isCurrent(state, object)) return undefined;
  const bound = bindingOf(state, object);
  if (bound.k !== 'parameter' && bound.k !== 'global') return undefined;
  const http = fileHttpLogger(state);
  if (http?.t === 'fastify' && FASTIFY_NAMES.has(object.name)) return memberValue(state, http, 'log');
  if (http?.t === 'pinoHttp' && PINO_HTTP_NAMES.has(object.name)) return { t: 'logger', kind: 'pino', ...withRedact(http.redact) };
  return undefined;
}
