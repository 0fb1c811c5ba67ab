/**
 * Sources by origin: values sensitive by where they come from rather than by their name, read where the syntax and
 * the types found nothing (`withOrigins`, called by `sourcesOf` after `withTypes`):
 *
 * - the whole request payload and headers (`request-data.ts`): `req.body`, `ctx.request.body`, `await request.json()`,
 *   `@Body() body`, a tRPC mutation's `input`, `req.headers`, `headers()`; in typed mode a payload whose type is
 *   declared and shows nothing sensitive is not a source (`any`, `unknown`, index signatures and library types are);
 * - `process.env` as a whole (`console.log(process.env)`, `{ ...process.env }`);
 * - URLs and connection strings that carry credentials: by name (`DATABASE_URL`, `redisUri`, `dsn`, `webhookUrl`,
 *   `hook.url`) and by content (a string or template with userinfo `postgres://user:pass@host` or a key-like query
 *   parameter `?api_key=`, `&token=`); a plain `url`, `callbackUrl`, `baseUrl` is not;
 * - HTTP client errors and the request config they carry (`http-errors.ts`);
 * - records read from a store whose model names a person, or with a sensitive column selected, and a name written
 *   into a person's record (`User.createWithCtx(ctx, { name })`) (`records.ts`);
 * - a queue job's payload (`job.data` in a worker, `queue-jobs.ts`), personal data where that is active, unless (typed)
 *   its declared type shows nothing sensitive;
 * - the recipients of a mail being sent (`data.to` where `transporter.sendMail({ to: data.to })`), and the message
 *   whole (`mail.ts`), personal data where that is active.
 *
 * Each source is of kind `origin`; its `match.name` is what the report shows (`request payload: …`).
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { staticPropertyName } from '../ast/keys.js';
import { unwrapExpression } from '../ast/unwrap.js';
import { flattenMembers, splitWords } from '../matchers.js';
import { httpErrorPart } from './http-errors.js';
import { mailPart } from './mail.js';
import { isJobPayload } from './queue-jobs.js';
import { personName, savedPersonChange, storedRecord } from './records.js';
import { callRequestPart, identifierRequestPart, importOf, memberRequestPart, type RequestPart } from './request-data.js';
import { describeNode, type FlowResult, originSource } from './result.js';
import { type FlowState, typeServices, variableOf } from './state.js';

/** What the report shows for each origin, and the category it counts in (for the controls it cites). */
export const ORIGINS = {
  payload: { category: 'credentials', detail: 'request payload: may hold credentials and personal data' },
  headers: { category: 'credentials', detail: 'request headers: credentials' },
  env: { category: 'credentials', detail: 'process environment: secrets' },
  connectionUrl: { category: 'credentials', detail: 'connection URL: credentials' },
  webhookUrl: { category: 'credentials', detail: 'webhook URL: credentials' },
  urlUserinfo: { category: 'credentials', detail: 'URL with a user and password: credentials' },
  urlKey: { category: 'credentials', detail: 'URL with a key parameter: credentials' },
  httpError: { category: 'credentials', detail: 'HTTP client error with the request headers: credentials' },
  httpRequest: { category: 'credentials', detail: 'HTTP request config with its headers: credentials' },
} as const;

export type OriginName = keyof typeof ORIGINS;

/** Words before `url` / `uri` that make it a connection URL (`DATABASE_URL`, `redisUri`, `AMQP_URL`). */
const STORE_WORDS = new Set([
  'database', 'db', 'redis', 'mongo', 'mongodb', 'postgres', 'postgresql', 'pg', 'psql', 'mysql', 'mariadb', 'mssql',
  'sql', 'amqp', 'rabbitmq', 'rabbit', 'kafka', 'broker', 'nats', 'elasticsearch', 'elastic', 'opensearch', 'clickhouse',
  'memcached', 'smtp', 'imap', 'ftp', 'sftp', 'connection', 'conn',
]);
const WEBHOOK_WORDS = new Set(['webhook', 'webhooks', 'hook', 'hooks']);
const URL_WORDS = new Set(['url', 'uri', 'dsn']);
/** First words that make a name a check about the URL (`isDatabaseUrl`, `hasWebhookUrl`). */
const PREDICATES = new Set(['is', 'has', 'should', 'can', 'needs', 'validate', 'check', 'parse', 'get', 'set', 'build', 'make', 'create']);

const USERINFO = /^[a-z][a-z\d+.-]*:\/\/[^/\s:@]*:[^/\s@]+@/iu;
const KEY_PARAMETER = /[?&](?:api[_-]?key|apikey|key|token|access[_-]?token|auth[_-]?token|secret|client[_-]?secret|password|passwd|sig|signature)=[^&#\s]/iu;

/** The syntactic and typed answer, then — where both found nothing — the node's origin. */
export function withOrigins(state: FlowState, node: TSESTree.Node, result: FlowResult): FlowResult {
  if (result.sources.length > 0) return result;
  if (result.safe && result.safeBy !== 'literal') return result;
  const found = result.safe ? literalOrigin(node) : originOf(state, node);
  if (found) {
    const { category, detail } = ORIGINS[found];
    return originSource(category, detail, node, describeNode(state.sourceCode, node));
  }
  if (result.safe) return result;
  const named = personName(state, node) ?? savedPersonChange(state, node);
  if (named) return originSource(named.category, named.detail, node, describeNode(state.sourceCode, node));
  if (node.type === AST_NODE_TYPES.MemberExpression || node.type === AST_NODE_TYPES.Identifier) return personalSource(state, node) ?? result;
  if (node.type !== AST_NODE_TYPES.CallExpression) return result;
  // A record read from a store (`records.ts`), unless its declared type shows nothing sensitive.
  const stored = storedRecord(state, node);
  if (!stored || typeShowsNothing(state, node)) return result;
  return originSource(stored.category, stored.detail, node, describeNode(state.sourceCode, node));
}

function originOf(state: FlowState, node: TSESTree.Node): OriginName | undefined {
  switch (node.type) {
    case AST_NODE_TYPES.MemberExpression:
      return (
        requestOrigin(state, node, memberRequestPart(state, node)) ??
        (isProcessEnv(state, node) ? 'env' : undefined) ??
        memberUrlOrigin(node) ??
        httpOrigin(state, node)
      );
    case AST_NODE_TYPES.CallExpression:
      return requestOrigin(state, node, callRequestPart(state, node));
    case AST_NODE_TYPES.Identifier:
      return (
        requestOrigin(state, node, identifierRequestPart(state, node)) ??
        (importOf(state, node)?.replace(/^node:/u, '') === 'process#env' ? 'env' : undefined) ??
        urlNameOrigin(node.name) ??
        httpOrigin(state, node)
      );
    case AST_NODE_TYPES.TemplateLiteral:
    case AST_NODE_TYPES.BinaryExpression:
      return literalOrigin(node);
    default:
      return undefined;
  }
}

function httpOrigin(state: FlowState, node: TSESTree.Node): OriginName | undefined {
  const part = httpErrorPart(state, node);
  return part === 'error' ? 'httpError' : part === 'request' ? 'httpRequest' : undefined;
}

/** A request part, unless (payload, typed mode) its declared type shows nothing sensitive. */
function requestOrigin(state: FlowState, node: TSESTree.Node, part: RequestPart | undefined): OriginName | undefined {
  if (!part) return undefined;
  if (part === 'payload' && typeShowsNothing(state, node)) return undefined;
  return part;
}

/** A queue job's payload (`job.data`), a mail's recipient (`data.to` of a message being sent) or the message whole. */
function personalSource(state: FlowState, node: TSESTree.MemberExpression | TSESTree.Identifier): FlowResult | undefined {
  const job = node.type === AST_NODE_TYPES.MemberExpression ? jobPayloadSource(state, node, node, []) : undefined;
  if (job) return job;
  const part = mailPart(state, node);
  const personal = part ? state.sensitive.classifyName('email') : undefined;
  if (!part || !personal) return undefined;
  const detail = part === 'recipient' ? 'mail recipient: contact data' : 'mail message with its recipients: contact data';
  return originSource(personal.category, detail, node, describeNode(state.sourceCode, node));
}

/** A queue job's payload (`job.data`, `const { props } = job.data`): personal data, where that is active. */
function jobPayloadSource(state: FlowState, at: TSESTree.Node, member: TSESTree.Node, path: readonly string[]): FlowResult | undefined {
  if (!isJobPayload(state, member, path) || typeShowsNothing(state, at)) return undefined;
  const personal = state.sensitive.classifyName('email');
  if (!personal) return undefined;
  const base = describeNode(state.sourceCode, member);
  return originSource(personal.category, 'queue job payload: may hold personal data', at, path.length > 0 ? `${base}.${path.join('.')}` : base);
}

/** `job.data ?? {}`, `req.body || {}`: the value, defaulted to an empty object. */
function withoutEmptyDefault(value: TSESTree.Node): TSESTree.Node {
  const expression = unwrapExpression(value);
  if (expression.type !== AST_NODE_TYPES.LogicalExpression || (expression.operator !== '??' && expression.operator !== '||')) return expression;
  const fallback = unwrapExpression(expression.right);
  return fallback.type === AST_NODE_TYPES.ObjectExpression && fallback.properties.length === 0 ? unwrapExpression(expression.left) : expression;
}

/** A destructured request part (`const { body } = req`, `const { password, ...rest } = req.body`) or job payload, for `variables.ts`. */
export function destructuredOrigin(state: FlowState, identifier: TSESTree.Identifier, value: TSESTree.Node, path: readonly string[]): FlowResult | undefined {
  const expression = withoutEmptyDefault(value);
  if (expression.type === AST_NODE_TYPES.MemberExpression) {
    const job = jobPayloadSource(state, identifier, expression, path);
    if (job) return job;
  }
  let part: RequestPart | undefined;
  if (expression.type === AST_NODE_TYPES.MemberExpression || expression.type === AST_NODE_TYPES.Identifier) {
    part = path.length > 0 ? memberRequestPart(state, expression, path) : originOfWhole(state, expression);
  } else if (path.length === 0) {
    part = originOfWhole(state, expression);
  }
  const name = requestOrigin(state, identifier, part);
  if (!name) return undefined;
  const { category, detail } = ORIGINS[name];
  const base = describeNode(state.sourceCode, value);
  return originSource(category, detail, identifier, path.length > 0 ? `${base}.${path.join('.')}` : base);
}

function originOfWhole(state: FlowState, node: TSESTree.Node): RequestPart | undefined {
  const expression = node.type === AST_NODE_TYPES.AwaitExpression ? unwrapExpression(node.argument) : node;
  if (expression.type === AST_NODE_TYPES.MemberExpression) return memberRequestPart(state, expression);
  if (expression.type === AST_NODE_TYPES.CallExpression) return callRequestPart(state, expression);
  if (expression.type === AST_NODE_TYPES.Identifier) return identifierRequestPart(state, expression);
  return undefined;
}

/** Typed mode: the value's (awaited) type is an object declared in the project (a data property of its own), with no index signature. */
function typeShowsNothing(state: FlowState, node: TSESTree.Node): boolean {
  const services = typeServices(state);
  const type = services?.typeOf(node);
  if (!services || !type) return false;
  try {
    const { checker, ts } = services;
    const awaited = checker.getNonNullableType(checker.getAwaitedType(type) ?? type);
    const parts = awaited.isUnion() ? awaited.types : [awaited];
    return parts.every(part => {
      if (services.isLoose(part) || (part.flags & ts.TypeFlags.Object) === 0) return false;
      if (checker.getIndexInfosOfType(part).length > 0) return false;
      // Declared: some data property comes from the project (not a library's class, `FormData`, a bare `Model`).
      return part.getProperties().some(property =>
        (property.getDeclarations() ?? []).some(declaration => {
          const file = declaration.getSourceFile();
          return !ts.isMethodDeclaration(declaration) && !ts.isMethodSignature(declaration) && !services.program.isSourceFileDefaultLibrary(file) && !/[\\/]node_modules[\\/]/u.test(file.fileName);
        }),
      );
    });
  } catch {
    return false;
  }
}

/** `process.env` of the global (or imported) `process`. */
function isProcessEnv(state: FlowState, node: TSESTree.MemberExpression): boolean {
  const { root, properties } = flattenMembers(node);
  if (root.type !== AST_NODE_TYPES.Identifier || properties.length !== 1 || properties[0] !== 'env') return false;
  if (root.name !== 'process') return false;
  const variable = variableOf(state, root);
  if (!variable || variable.defs.length === 0) return true;
  const imported = importOf(state, root)?.replace(/^node:/u, '');
  return imported === 'process#default' || imported === 'process#*';
}

/** `DATABASE_URL`, `redisUri`, `sentry`-less `dsn`, `slackWebhookUrl`: a name whose last word is a URL of a store or a webhook. */
export function urlNameOrigin(name: string): OriginName | undefined {
  const words = splitWords(name).map(word => word.toLowerCase());
  const last = words[words.length - 1];
  if (last === undefined || !URL_WORDS.has(last) || PREDICATES.has(words[0]!)) return undefined;
  const before = words.slice(0, -1);
  if (last === 'dsn') return before.includes('sentry') ? undefined : 'connectionUrl';
  if (before.some(word => WEBHOOK_WORDS.has(word))) return 'webhookUrl';
  if (before.some(word => STORE_WORDS.has(word))) return 'connectionUrl';
  return undefined;
}

/** `process.env.DATABASE_URL`, `config.webhookUrl`, and the `url` of a webhook record (`hook.url`, `webhook.url`). */
function memberUrlOrigin(member: TSESTree.MemberExpression): OriginName | undefined {
  const name = staticPropertyName(member);
  if (name === undefined) return undefined;
  const own = urlNameOrigin(name);
  if (own) return own;
  if (name !== 'url' && name !== 'uri') return undefined;
  const object = unwrapExpression(member.object);
  const objectName =
    object.type === AST_NODE_TYPES.Identifier ? object.name : object.type === AST_NODE_TYPES.MemberExpression ? staticPropertyName(object) : undefined;
  const words = objectName ? splitWords(objectName).map(word => word.toLowerCase()) : [];
  const last = words[words.length - 1];
  return last !== undefined && WEBHOOK_WORDS.has(last) ? 'webhookUrl' : undefined;
}

/** A string, template or concatenation whose text has userinfo or a key-like query parameter. */
function literalOrigin(node: TSESTree.Node): OriginName | undefined {
  const text = literalText(node);
  if (text === undefined || (!text.includes('://') && !text.includes('='))) return undefined;
  if (USERINFO.test(text)) return 'urlUserinfo';
  return KEY_PARAMETER.test(text) ? 'urlKey' : undefined;
}

/** The visible text of a string, a template (expressions as `x`) or a `+` concatenation of them (unknown parts as `x`). */
function literalText(node: TSESTree.Node, depth = 0): string | undefined {
  if (depth > 20) return undefined;
  if (node.type === AST_NODE_TYPES.Literal) return typeof node.value === 'string' ? node.value : undefined;
  if (node.type === AST_NODE_TYPES.TemplateLiteral) return node.quasis.map(quasi => quasi.value.cooked ?? quasi.value.raw).join('x');
  if (node.type === AST_NODE_TYPES.BinaryExpression && node.operator === '+') {
    const left = literalText(node.left, depth + 1);
    const right = literalText(node.right, depth + 1);
    if (left === undefined && right === undefined) return undefined;
    return `${left ?? 'x'}${right ?? 'x'}`;
  }
  return undefined;
}
