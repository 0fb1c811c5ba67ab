/**
 * Sensitive data: which names and which types hold credentials, card data, health data or other personal data.
 *
 * Names (both modes). A name is split into lower-case words (`splitWords`); a pattern of an ACTIVE category
 * (`policy.sensitivePatterns`, e.g. `apiKey` = the words api, key) matches a contiguous run of the name's words whose
 * letters spell the pattern: `userPasswordHash`, `DB_PASSWORD`, `x-api-key`, `APIKEY`, `eMail` all match. The last
 * word may be plural (`passwords`, `ssns`, `cardNumbers`, `addresses`, `diagnoses`). A run does not count when it is
 * only talked about:
 * - a meta word comes anywhere after it (`passwordLength`, `resetPasswordUrl`, `tokenExpiresAt`, `emailVerified`);
 * - a predicate word comes directly before it or starts the name (`isTokenValid`, `hasSsn`, `numTokens`, `maxTokens`);
 * - a qualifier says it is not about a person (`nextPageToken`, `inputTokens`, `serverAddress`, `panX`, `iPhone`).
 * `id` is not a meta word (`tokenId` and `sessionId` are credentials). Names in `policy.sensitiveIgnore` never match
 * (compared on their letters, so `token_type` = `tokenType`). When several runs count, the longest wins
 * (`ipAddress` is an online identifier, not contact data), then the earlier category in the policy.
 *
 * Types (typed mode only). The type of a node is walked: interfaces, classes, aliases, object literals, intersections,
 * unions (each member), arrays and tuples (`*` path segment), string index signatures (`*`), `Promise<T>` (T), type
 * parameters (their constraint); properties that are methods, accessors, functions, `#private` or symbol-keyed are
 * skipped. A property counts when it is tagged in its declaration (`@sensitive`, `@pii <category>`), when its name
 * classifies, or when its type is a configured brand; otherwise its type is walked, down to `depth` property levels.
 * Types of the default library (Date, Map, Error, …) are not walked; types from node_modules are walked one level
 * (their own property names: a Prisma model's `passwordHash`, `IncomingHttpHeaders.authorization`), except
 * framework objects (Request, Response, sockets, streams…) and any with more than 15 methods, which are skipped.
 * At most 200 properties are read per type. Results are cached per program, policy and type; nodes per instance.
 *
 * Decisions:
 * - `@sensitive` and `@pii` without a known category are category {@link TAGGED_CATEGORY} (`'tagged'`); with one
 *   (`@pii healthData`, `@sensitive credentials`, case-insensitive) they take it. Tags count whatever the active
 *   regulations: a tag is explicit intent. A tag on a type's own declaration makes the whole type sensitive.
 * - A brand's category is the category its name classifies into (`Secret` → credentials), else `'tagged'`. Brands are
 *   matched by alias, interface or class name (`Secret`, `Secret<string>`; `ns.Secret` compares `Secret`), or by a
 *   string-literal brand property in an intersection (`string & { __brand: 'Secret' }`).
 * - `typeName` is the display name of the outermost named type on the way to the property (`User`, `User[]`,
 *   `Secret<string>`); for anonymous objects (`{ ...patient }`) the interface, class or alias that declares the property
 *   (`Patient`). `path` is always from the node's value (so `{ user }` gives `['user', 'passwordHash']`), with `*` for an
 *   array element or index signature (pino's wildcard); it is left out when empty (the value itself is sensitive).
 *   `name` is the last path segment, or the brand / type name when the value itself matched.
 */
import { AST_NODE_TYPES, ESLintUtils, type ParserServicesWithTypeInformation, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import type { Policy } from '../policy.js';
import { SENSITIVE_CATEGORIES } from '../regulations/index.js';
import { splitWords, staticPropertyName, unwrapExpression } from './matchers.js';
import { loadTypeScript } from '../util/typescript.js';

export interface SensitiveMatch {
  /** 'credentials', 'cardData', 'healthData', … a custom category from settings, or 'tagged'. */
  readonly category: string;
  /** The name that matched, as written ('passwordHash', 'DB_PASSWORD', 'ssn'). */
  readonly name: string;
  readonly via: 'name' | 'type' | 'tag' | 'brand';
  /** For via type/tag/brand: the declared type's name ('User', 'Patient', 'Secret<string>'). */
  readonly typeName?: string;
  /** For via type/tag/brand: property path inside the type (['passwordHash'], ['profile', 'ssn'], ['*', 'ssn']). */
  readonly path?: readonly string[];
}

export interface SensitiveData {
  /** An identifier or property name: sensitive in an active category, and not a word that only talks about the data. */
  classifyName(name: string): SensitiveMatch | undefined;
  /**
   * The last name of a member chain or identifier node (`user.password`, `req.body.cardNumber`, `headers.authorization`,
   * `process.env.DB_PASSWORD`, computed string keys `headers['x-api-key']`); undefined for other nodes.
   */
  classifyNode(node: TSESTree.Node): SensitiveMatch | undefined;
  /**
   * Typed mode: the node's type has a sensitive property within `depth` levels, a tagged property, or is / contains a
   * configured brand. Undefined in untyped mode or when the type is any/unknown/primitive without brand.
   */
  classifyType(node: TSESTree.Node): SensitiveMatch | undefined;
  /** Typed mode: every sensitive property path of the node's type (depth-bounded), shallowest first. Empty untyped. */
  sensitivePaths(node: TSESTree.Node): readonly SensitiveMatch[];
  /**
   * Typed mode: the top-level property names of the node's object type that are NOT sensitive (for the "log an explicit
   * pick" suggestion); undefined when not an object type (primitives, arrays, promises, functions) or untyped.
   */
  safeProperties(node: TSESTree.Node): readonly string[] | undefined;
}

export interface SensitiveDataOptions {
  /** How many property levels a type is walked (default 3: `user.profile.address.zipCode` is not reached). */
  readonly depth?: number;
}

/** The category of `@sensitive` / `@pii` tags without a known category, and of brands whose name does not classify. */
export const TAGGED_CATEGORY = 'tagged';

export const DEFAULT_TYPE_DEPTH = 3;

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

// ---------------------------------------------------------------------------------------------------------------------
// Word lists
// ---------------------------------------------------------------------------------------------------------------------

/** Words that, anywhere after a pattern, make the name about the data rather than the data. `id` is not one. */
const META_SUFFIXES: ReadonlySet<string> = new Set([
  // sizes and bounds
  'length', 'len', 'count', 'counts', 'size', 'total', 'min', 'max', 'limit', 'limits', 'quota',
  // rules and checks
  'policy', 'policies', 'rule', 'rules', 'regex', 'regexp', 'pattern', 'patterns', 'strength', 'score', 'complexity',
  'requirement', 'requirements', 'valid', 'validity', 'invalid', 'validation', 'validator', 'validated',
  'ok', 'matches', 'mismatch', 'correct', 'incorrect', 'attempts', 'failures',
  // kinds and formats
  'type', 'types', 'kind', 'format', 'formats', 'mode', 'scheme', 'schema', 'version', 'algorithm', 'algorithms', 'alg',
  'encoding',
  // forms and schema
  'field', 'fields', 'label', 'hint', 'placeholder', 'prompt', 'tooltip', 'help', 'description', 'title', 'column',
  'columns', 'attribute', 'attributes', 'attr', 'property', 'prop',
  // where it lives
  'url', 'urls', 'uri', 'link', 'href', 'path', 'route', 'endpoint', 'endpoints', 'file', 'filename', 'dir', 'directory',
  'var', 'variable',
  // time
  'expires', 'expiry', 'expiration', 'expired', 'expiring', 'ttl', 'age', 'lifetime', 'timeout', 'duration', 'interval',
  'at', 'issued',
  // state
  'verified', 'confirmed', 'enabled', 'disabled', 'required', 'optional', 'allowed', 'supported', 'visible', 'hidden',
  'shown', 'set', 'present', 'exists', 'missing', 'provided', 'changed', 'updated', 'created', 'reset', 'sent', 'status',
  'state', 'error', 'errors', 'reason', 'source', 'flag', 'flags', 'feature', 'used', 'remaining', 'usage',
  // card facts that are not the card
  'brand', 'network', 'issuer', 'bin', 'last', 'first', 'prefix', 'suffix',
  // already safe
  'masked', 'redacted', 'obfuscated', 'truncated',
  // names of things, code objects
  'name', 'names', 'service', 'provider', 'client', 'manager', 'factory', 'strategy', 'handler', 'generator', 'parser',
  'hasher', 'helper', 'util', 'utils', 'module', 'controller', 'middleware', 'guard', 'store', 'repository', 'repo',
  'config', 'configuration', 'options', 'opts', 'settings', 'template', 'templates', 'subject', 'queue', 'job', 'jobs',
  'transport', 'sender', 'server', 'scope', 'scopes', 'audience',
  // UI
  'toggle', 'visibility', 'icon', 'button', 'selector', 'element',
]);

/** Words that, directly before a pattern or as the first word of the name, make it a predicate, count or check. */
const PREDICATE_PREFIXES: ReadonlySet<string> = new Set([
  'is', 'are', 'was', 'were', 'has', 'have', 'had', 'should', 'can', 'could', 'must', 'will', 'did', 'does', 'needs',
  'need', 'requires', 'require', 'show', 'hide', 'toggle', 'without', 'no', 'num', 'number', 'count', 'total', 'max',
  'min', 'validate', 'check', 'verify', 'allow', 'allows', 'enable', 'disable', 'missing', 'masked', 'redacted',
  'obfuscated', 'truncated', 'forgot',
]);

/**
 * Per pattern (its letters), words that make it something else: before it (`nextPageToken`, `serverAddress`) or after it
 * (`panX`, `pinMessage`).
 */
const QUALIFIERS: ReadonlyMap<string, { readonly before?: ReadonlySet<string>; readonly after?: ReadonlySet<string> }> = new Map([
  [
    'token',
    {
      before: new Set([
        'page', 'next', 'prev', 'previous', 'continuation', 'pagination', 'cursor', 'sync', 'cancellation', 'cancel',
        'abort', 'input', 'output', 'prompt', 'completion', 'reasoning', 'cached', 'used', 'lexer', 'parser', 'syntax',
        'design', 'css', 'theme', 'color', 'eof',
      ]),
    },
  ],
  [
    'address',
    {
      before: new Set([
        'local', 'server', 'listen', 'listening', 'bind', 'host', 'base', 'proxy', 'gateway', 'broadcast', 'multicast',
        'loopback', 'memory', 'contract', 'wallet', 'return', 'endpoint', 'service', 'smtp', 'dns', 'redis', 'db',
        'database',
      ]),
      after: new Set(['family', 'space']),
    },
  ],
  [
    'pan',
    {
      before: new Set(['camera', 'audio', 'stereo', 'view', 'map', 'zoom']),
      after: new Set(['x', 'y', 'z', 'zoom', 'offset', 'delta', 'position', 'gesture', 'speed', 'start', 'end', 'left', 'right', 'direction']),
    },
  ],
  [
    'pin',
    {
      before: new Set(['map', 'location', 'geo', 'gps', 'drop', 'chart', 'marker']),
      after: new Set(['x', 'y', 'position', 'icon', 'marker', 'color', 'message', 'post', 'tab', 'item', 'note', 'comment']),
    },
  ],
  ['phone', { before: new Set(['i']) }],
  ['passport', { after: new Set(['session', 'local', 'jwt', 'js']) }],
  ['cookie', { after: new Set(['consent', 'banner']) }],
]);

/** Environment variables whose names look like secrets but are not (`process.env.PWD` is the working directory). */
const NON_SECRET_ENV = new Set(['PWD', 'OLDPWD']);

// ---------------------------------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------------------------------

interface CompiledPattern {
  readonly category: string;
  /** The pattern's letters: `apiKey` → `apikey`. */
  readonly letters: string;
  /** Position of the category in the policy: earlier wins a tie. */
  readonly order: number;
}

interface CompiledPolicy {
  readonly byLetters: ReadonlyMap<string, CompiledPattern>;
  /** The most words a run may have: the longest pattern's word count plus one (`passPhrase` for `passphrase`). */
  readonly maxRun: number;
  readonly ignore: ReadonlySet<string>;
  readonly results: Map<string, SensitiveMatch | null>;
}

const MAX_CACHED_NAMES = 20_000;
const compiledPolicies = new WeakMap<Policy, CompiledPolicy>();

function compilePolicy(policy: Policy): CompiledPolicy {
  const cached = compiledPolicies.get(policy);
  if (cached) return cached;
  const byLetters = new Map<string, CompiledPattern>();
  let maxWords = 1;
  let order = 0;
  for (const category of policy.sensitiveCategories) {
    for (const pattern of policy.sensitivePatterns[category] ?? []) {
      const words = splitWords(pattern);
      const letters = words.join('');
      if (letters.length === 0) continue;
      maxWords = Math.max(maxWords, words.length);
      if (!byLetters.has(letters)) byLetters.set(letters, { category, letters, order });
    }
    order += 1;
  }
  const ignore = new Set([...policy.sensitiveIgnore].map((name) => splitWords(name).join('')));
  const compiled: CompiledPolicy = { byLetters, maxRun: maxWords + 1, ignore, results: new Map() };
  compiledPolicies.set(policy, compiled);
  return compiled;
}

/** The singular forms a plural word may have: `passwords` → password, `addresses` → address, `diagnoses` → diagnosis. */
function singulars(word: string): string[] {
  const forms: string[] = [];
  if (word.length > 3 && word.endsWith('ies')) forms.push(`${word.slice(0, -3)}y`);
  if (word.length > 3 && word.endsWith('es')) forms.push(word.slice(0, -2), `${word.slice(0, -2)}is`);
  if (word.length > 2 && word.endsWith('s') && !word.endsWith('ss')) forms.push(word.slice(0, -1));
  return forms;
}

function lookup(compiled: CompiledPolicy, letters: string): CompiledPattern | undefined {
  const exact = compiled.byLetters.get(letters);
  if (exact) return exact;
  for (const form of singulars(letters)) {
    const found = compiled.byLetters.get(form);
    if (found) return found;
  }
  return undefined;
}

/** Whether the run `words[start, end)` that spells `pattern` is the data, not talk about it. */
function countsAsData(words: readonly string[], start: number, end: number, pattern: CompiledPattern): boolean {
  for (let index = end; index < words.length; index += 1) {
    if (META_SUFFIXES.has(words[index] ?? '')) return false;
  }
  if (start > 0 && (PREDICATE_PREFIXES.has(words[start - 1] ?? '') || PREDICATE_PREFIXES.has(words[0] ?? ''))) return false;
  const qualifiers = QUALIFIERS.get(pattern.letters);
  if (qualifiers) {
    if (start > 0 && qualifiers.before?.has(words[start - 1] ?? '')) return false;
    if (end < words.length && qualifiers.after?.has(words[end] ?? '')) return false;
  }
  return true;
}

function computeName(name: string, policy: Policy, compiled: CompiledPolicy): SensitiveMatch | undefined {
  const words = splitWords(name);
  if (words.length === 0) return undefined;
  if (compiled.ignore.has(words.join(''))) return undefined;
  let best: { pattern: CompiledPattern; length: number } | undefined;
  for (let start = 0; start < words.length; start += 1) {
    let letters = '';
    for (let end = start + 1; end <= Math.min(words.length, start + compiled.maxRun); end += 1) {
      letters += words[end - 1] ?? '';
      const pattern = lookup(compiled, letters);
      if (!pattern || !countsAsData(words, start, end, pattern)) continue;
      const length = end - start;
      if (!best || length > best.length || (length === best.length && pattern.order < best.pattern.order)) best = { pattern, length };
    }
  }
  if (!best || !policy.sensitiveCategories.has(best.pattern.category)) return undefined;
  return Object.freeze({ category: best.pattern.category, name, via: 'name' as const });
}

/** Pure name classification, exported for unit tests and other rules. Cached per policy. */
export function classifyName(name: string, policy: Policy): SensitiveMatch | undefined {
  const compiled = compilePolicy(policy);
  const cached = compiled.results.get(name);
  if (cached !== undefined) return cached ?? undefined;
  const result = computeName(name, policy, compiled);
  if (compiled.results.size >= MAX_CACHED_NAMES) compiled.results.clear();
  compiled.results.set(name, result ?? null);
  return result;
}

/** The name a node goes by: an identifier, or the static last property of a member chain. */
function nodeName(node: TSESTree.Node): string | undefined {
  const expression = unwrapExpression(node);
  if (expression.type === AST_NODE_TYPES.Identifier) return expression.name;
  if (expression.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const name = staticPropertyName(expression);
  if (name === undefined) return undefined;
  if (NON_SECRET_ENV.has(name)) {
    const object = unwrapExpression(expression.object);
    if (
      object.type === AST_NODE_TYPES.MemberExpression &&
      staticPropertyName(object) === 'env' &&
      unwrapExpression(object.object).type === AST_NODE_TYPES.Identifier &&
      (unwrapExpression(object.object) as TSESTree.Identifier).name === 'process'
    ) {
      return undefined;
    }
  }
  return name;
}

// ---------------------------------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------------------------------

/**
 * TypeScript loaded on first typed use: it is an optional peer (never imported at run time in untyped mode), and its
 * flag values differ between major versions, so they are read from the module rather than hard-coded.
 */

interface TypeTools {
  readonly ts: typeof ts;
  readonly services: ParserServicesWithTypeInformation;
  readonly program: ts.Program;
  readonly checker: ts.TypeChecker;
}

function typeTools(context: Context): TypeTools | undefined {
  // `getParserServices` throws for parsers without type information (espree): look first.
  if (!context.sourceCode.parserServices?.program) return undefined;
  try {
    const services = ESLintUtils.getParserServices(context, true);
    if (!services.program) return undefined;
    const typescript = loadTypeScript();
    if (!typescript) return undefined;
    return { ts: typescript, services, program: services.program, checker: services.program.getTypeChecker() };
  } catch {
    return undefined;
  }
}

const MAX_PROPERTIES = 200;
/** An external type with more methods than this is an object with behaviour (a client, a server), not a record. */
const MAX_EXTERNAL_METHODS = 15;
const MAX_CONSTITUENTS = 50;
const MAX_MATCHES = 100;

/** Framework and runtime objects from node_modules that are not user data: never walked. */
const OPAQUE_EXTERNAL_TYPES: ReadonlySet<string> = new Set([
  'Request', 'Response', 'IncomingMessage', 'ServerResponse', 'ClientRequest', 'OutgoingMessage', 'Socket', 'TLSSocket',
  'Server', 'Http2ServerRequest', 'Http2ServerResponse', 'Http2Stream', 'ServerHttp2Stream', 'FastifyRequest',
  'FastifyReply', 'FastifyInstance', 'Context', 'HonoRequest', 'ParameterizedContext', 'ExtendableContext',
  'DefaultContext', 'NextRequest', 'NextResponse', 'NextApiRequest', 'NextApiResponse', 'ExecutionContext',
  'ArgumentsHost', 'EventEmitter', 'Readable', 'Writable', 'Duplex', 'Transform', 'Stream', 'Agent', 'Buffer', 'Logger',
  'BaseLogger', 'Application', 'Express', 'Router', 'Hono', 'Koa', 'Db', 'Collection', 'Connection', 'Pool',
  'PrismaClient', 'Sequelize', 'DataSource', 'EntityManager', 'Repository', 'Knex', 'Kysely', 'Redis', 'AxiosInstance',
]);

const BRAND_PROPERTY = /^_*(?:brand|tag|type|kind)$/iu;

interface TypeCaches {
  /** Per type, per remaining depth: matches with paths relative to the type. */
  readonly walks: Map<ts.Type, Map<number, readonly SensitiveMatch[]>>;
}

const programCaches = new WeakMap<ts.Program, WeakMap<Policy, TypeCaches>>();

function cachesFor(program: ts.Program, policy: Policy): TypeCaches {
  let byPolicy = programCaches.get(program);
  if (!byPolicy) {
    byPolicy = new WeakMap();
    programCaches.set(program, byPolicy);
  }
  let caches = byPolicy.get(policy);
  if (!caches) {
    caches = { walks: new Map() };
    byPolicy.set(policy, caches);
  }
  return caches;
}

function categoryKey(name: string): string {
  return name.replace(/[-_\s]/gu, '').toLowerCase();
}

function matchKey(match: SensitiveMatch): string {
  return `${match.via}\u0000${match.category}\u0000${(match.path ?? []).join('\u0000')}`;
}

/** The public form of a type match: frozen, `path` left out when empty, `name` its last property name. */
function finish(match: SensitiveMatch): SensitiveMatch {
  const property = match.path?.findLast((segment) => segment !== '*');
  const result: { -readonly [K in keyof SensitiveMatch]: SensitiveMatch[K] } = { category: match.category, name: property ?? match.name, via: match.via };
  if (match.typeName !== undefined) result.typeName = match.typeName;
  if (match.path && match.path.length > 0) result.path = Object.freeze([...match.path]);
  return Object.freeze(result);
}

/** Walks types for one program and policy; results are shared through {@link TypeCaches}. */
class TypeWalker {
  private readonly ts: typeof ts;
  private readonly checker: ts.TypeChecker;
  private readonly program: ts.Program;
  private readonly policy: Policy;
  private readonly caches: TypeCaches;
  private readonly inProgress = new Map<ts.Type, Set<number>>();
  private readonly categories: ReadonlyMap<string, string>;
  private readonly origins = new Map<ts.Symbol, 'lib' | 'external' | 'user'>();

  constructor(tools: TypeTools, policy: Policy) {
    this.ts = tools.ts;
    this.checker = tools.checker;
    this.program = tools.program;
    this.policy = policy;
    this.caches = cachesFor(tools.program, policy);
    const categories = new Map<string, string>();
    for (const category of [...SENSITIVE_CATEGORIES, ...policy.sensitiveCategories]) categories.set(categoryKey(category), category);
    this.categories = categories;
  }

  /** Matches of a type, paths relative to it, within `depth` property levels. Never throws. */
  walk(type: ts.Type, depth: number): readonly SensitiveMatch[] {
    let byDepth = this.caches.walks.get(type);
    const cached = byDepth?.get(depth);
    if (cached) return cached;
    let active = this.inProgress.get(type);
    if (active?.has(depth)) return []; // a recursive type that does not consume depth (`type Tree = Tree[]`)
    if (!active) {
      active = new Set();
      this.inProgress.set(type, active);
    }
    active.add(depth);
    let result: readonly SensitiveMatch[];
    try {
      result = this.compute(type, depth);
    } catch {
      result = [];
    } finally {
      active.delete(depth);
    }
    if (!byDepth) {
      byDepth = new Map();
      this.caches.walks.set(type, byDepth);
    }
    byDepth.set(depth, result);
    return result;
  }

  private flags(): typeof ts.TypeFlags {
    return this.ts.TypeFlags;
  }

  private isUnresolved(type: ts.Type): boolean {
    const flags = this.flags();
    return (type.flags & (flags.Any | flags.Unknown | flags.Never | flags.Null | flags.Undefined | flags.Void)) !== 0;
  }

  private isPrimitiveLike(type: ts.Type): boolean {
    const flags = this.flags();
    const primitive =
      flags.StringLike | flags.NumberLike | flags.BigIntLike | flags.BooleanLike | flags.EnumLike | flags.ESSymbolLike | flags.NonPrimitive;
    if ((type.flags & primitive) !== 0) return true;
    return type.isIntersection() && type.types.some((part) => this.isPrimitiveLike(part));
  }

  /** Where a named type comes from: the default library, node_modules, or the user's files. */
  private originOf(symbol: ts.Symbol | undefined): 'lib' | 'external' | 'user' {
    if (!symbol) return 'user';
    const known = this.origins.get(symbol);
    if (known) return known;
    const files = (symbol.declarations ?? []).map((declaration) => declaration.getSourceFile());
    let origin: 'lib' | 'external' | 'user' = 'user';
    if (files.length > 0 && files.every((file) => this.program.isSourceFileDefaultLibrary(file))) origin = 'lib';
    else if (
      files.length > 0 &&
      files.every((file) => this.program.isSourceFileFromExternalLibrary(file) || /[\\/]node_modules[\\/]/u.test(file.fileName))
    ) {
      origin = 'external';
    }
    this.origins.set(symbol, origin);
    return origin;
  }

  private isArrayLike(type: ts.Type): boolean {
    return this.checker.isArrayType(type) || this.checker.isTupleType(type);
  }

  /** `User`, `User[]`, `Secret<string>`, `Page<User>`; undefined for anonymous object types. */
  displayName(type: ts.Type): string | undefined {
    const flags = this.ts.SymbolFlags;
    if (type.aliasSymbol) return this.checker.typeToString(type);
    if (this.isArrayLike(type)) {
      const elements = this.checker.getTypeArguments(type as ts.TypeReference);
      return elements.some((element) => this.displayName(element) !== undefined) ? this.checker.typeToString(type) : undefined;
    }
    const symbol = type.getSymbol();
    if (symbol && (symbol.flags & (flags.Class | flags.Interface)) !== 0) return this.checker.typeToString(type);
    return undefined;
  }

  /** The interface, class or type alias that declares a property, for anonymous objects built from it (spreads). */
  private containerName(property: ts.Symbol): string | undefined {
    const typescript = this.ts;
    const declaration = property.valueDeclaration ?? property.declarations?.[0];
    if (!declaration) return undefined;
    let parent: ts.Node | undefined = declaration.parent;
    if (typescript.isParameter(declaration) && typescript.isConstructorDeclaration(declaration.parent)) parent = declaration.parent.parent;
    if (!parent) return undefined;
    if ((typescript.isInterfaceDeclaration(parent) || typescript.isClassLike(parent)) && parent.name) return parent.name.text;
    if (typescript.isTypeLiteralNode(parent) && typescript.isTypeAliasDeclaration(parent.parent)) return parent.parent.name.text;
    return undefined;
  }

  /** The category of a `@sensitive` / `@pii` tag on a symbol's declarations, or undefined. */
  private tagCategory(symbol: ts.Symbol): string | undefined {
    const declarations = symbol.declarations ?? [];
    // Cheap test before asking for tags: only declarations with a JSDoc comment.
    if (!declarations.some((declaration) => this.hasJsDoc(declaration))) return undefined;
    let tags: ts.JSDocTagInfo[];
    try {
      tags = symbol.getJsDocTags(this.checker);
    } catch {
      return undefined;
    }
    for (const tag of tags) {
      const name = tag.name.toLowerCase();
      if (name !== 'sensitive' && name !== 'pii') continue;
      const text = (tag.text ?? []).map((part) => part.text).join('');
      const word = /[A-Za-z][\w-]*/u.exec(text)?.[0];
      return (word && this.categories.get(categoryKey(word))) ?? TAGGED_CATEGORY;
    }
    return undefined;
  }

  private hasJsDoc(node: ts.Node): boolean {
    return this.ts.getJSDocTags(node).length > 0;
  }

  /** A configured brand this type is or directly is built from, as a match with an empty path. */
  brandOf(type: ts.Type): SensitiveMatch | undefined {
    const brands = this.policy.sensitiveBrands;
    if (brands.length === 0) return undefined;
    const wanted = new Map(brands.map((brand) => [brand.slice(brand.lastIndexOf('.') + 1), brand]));
    const found = this.brandName(type, wanted, 0);
    if (!found) return undefined;
    return {
      category: classifyName(found, this.policy)?.category ?? TAGGED_CATEGORY,
      name: found,
      via: 'brand',
      typeName: this.displayName(type) ?? this.checker.typeToString(type),
    };
  }

  private brandName(type: ts.Type, wanted: ReadonlyMap<string, string>, level: number): string | undefined {
    const flags = this.ts.SymbolFlags;
    if (type.aliasSymbol && wanted.has(type.aliasSymbol.name)) return type.aliasSymbol.name;
    const symbol = type.getSymbol();
    if (symbol && (symbol.flags & (flags.Class | flags.Interface)) !== 0 && wanted.has(symbol.name)) return symbol.name;
    if (level > 2 || !type.isIntersection()) return undefined;
    for (const part of type.types) {
      const name = this.brandName(part, wanted, level + 1);
      if (name) return name;
      if (this.isPrimitiveLike(part)) continue;
      for (const property of this.checker.getPropertiesOfType(part)) {
        if (!BRAND_PROPERTY.test(property.getName())) continue;
        const value = this.typeOfSymbol(property);
        if (value.isStringLiteral() && wanted.has(value.value)) return value.value;
      }
    }
    return undefined;
  }

  /** `checker.getTypeOfSymbol` is public from TypeScript 5.1; before, the location form does the same for properties. */
  private typeOfSymbol(symbol: ts.Symbol): ts.Type {
    const checker = this.checker as ts.TypeChecker & { getTypeOfSymbol?: (symbol: ts.Symbol) => ts.Type };
    if (checker.getTypeOfSymbol) return checker.getTypeOfSymbol(symbol);
    const declaration = symbol.valueDeclaration ?? symbol.declarations?.[0];
    return declaration ? checker.getTypeOfSymbolAtLocation(symbol, declaration) : checker.getAnyType();
  }

  /** The value a promise-like type resolves to, or undefined. */
  private awaitedOf(type: ts.Type): ts.Type | undefined {
    if (!this.checker.getPropertyOfType(type, 'then')) return undefined;
    const awaited = this.checker.getAwaitedType(type);
    return awaited && awaited !== type ? awaited : undefined;
  }

  /** Whether a property is state that is logged: not a method, accessor, function, `#private` or symbol key. */
  private isDataProperty(property: ts.Symbol): ts.Type | undefined {
    const flags = this.ts.SymbolFlags;
    if ((property.flags & (flags.Method | flags.Accessor | flags.Prototype)) !== 0) return undefined;
    const name = property.getName();
    if (name.startsWith('__@') || name.startsWith('__#') || name.startsWith('#')) return undefined;
    const type = this.typeOfSymbol(property);
    const value = this.checker.getNonNullableType(type);
    if (value.getCallSignatures().length > 0 || value.getConstructSignatures().length > 0) return undefined;
    return type;
  }

  /** The logged properties of an object type with their types, in declaration order (at most MAX_PROPERTIES). */
  dataProperties(type: ts.Type): Array<readonly [ts.Symbol, ts.Type]> {
    const result: Array<readonly [ts.Symbol, ts.Type]> = [];
    const properties = this.checker.getPropertiesOfType(type);
    for (const property of properties.slice(0, MAX_PROPERTIES)) {
      let propertyType: ts.Type | undefined;
      try {
        propertyType = this.isDataProperty(property);
      } catch {
        propertyType = undefined;
      }
      if (propertyType) result.push([property, propertyType]);
    }
    return result;
  }

  private compute(type: ts.Type, depth: number): readonly SensitiveMatch[] {
    if (depth < 1 || this.isUnresolved(type)) return [];
    const flags = this.flags();
    if ((type.flags & flags.Instantiable) !== 0) {
      const constraint = this.checker.getBaseConstraintOfType(type);
      return constraint && constraint !== type ? this.walk(constraint, depth) : [];
    }

    const brand = this.brandOf(type);
    if (brand) return [brand];

    if (type.isUnion()) {
      const alias = type.aliasSymbol ? this.checker.typeToString(type) : undefined;
      const merged = new Map<string, SensitiveMatch>();
      for (const part of type.types.slice(0, MAX_CONSTITUENTS)) {
        for (const match of this.walk(part, depth)) {
          const named = alias !== undefined && match.typeName === undefined ? { ...match, typeName: alias } : match;
          if (!merged.has(matchKey(named))) merged.set(matchKey(named), named);
        }
      }
      return [...merged.values()].slice(0, MAX_MATCHES);
    }

    if (this.isPrimitiveLike(type)) return [];

    if (this.isArrayLike(type)) {
      const own = this.displayName(type);
      const merged = new Map<string, SensitiveMatch>();
      for (const element of this.checker.getTypeArguments(type as ts.TypeReference).slice(0, MAX_CONSTITUENTS)) {
        for (const match of this.walk(element, depth)) {
          const nested: SensitiveMatch = { ...match, path: ['*', ...(match.path ?? [])], typeName: own ?? match.typeName ?? this.displayName(element) };
          if (!merged.has(matchKey(nested))) merged.set(matchKey(nested), nested);
        }
      }
      return [...merged.values()].slice(0, MAX_MATCHES);
    }

    const awaited = this.awaitedOf(type);
    if (awaited) return this.walk(awaited, depth);

    if ((type.flags & flags.Object) === 0 && !type.isIntersection()) return [];

    const symbol = type.getSymbol();
    const symbolFlags = this.ts.SymbolFlags;
    const named = symbol !== undefined && (symbol.flags & (symbolFlags.Class | symbolFlags.Interface)) !== 0;
    const origin = this.originOf(type.aliasSymbol ?? symbol);
    if (origin === 'lib' && named) return [];

    const own = this.displayName(type);
    const ownTag = [type.aliasSymbol, symbol].find((candidate) => candidate && origin === 'user' && this.tagCategory(candidate) !== undefined);
    if (ownTag) {
      return [{ category: this.tagCategory(ownTag) ?? TAGGED_CATEGORY, name: ownTag.name, via: 'tag', typeName: own ?? ownTag.name }];
    }

    let levels = depth;
    if (origin === 'external') {
      const name = type.aliasSymbol?.name ?? symbol?.name ?? '';
      if (OPAQUE_EXTERNAL_TYPES.has(name)) return [];
      const methods = this.checker.getPropertiesOfType(type).filter((property) => (property.flags & symbolFlags.Method) !== 0);
      if (methods.length > MAX_EXTERNAL_METHODS) return [];
      levels = 1;
    }

    const matches: SensitiveMatch[] = [];
    for (const [property, propertyType] of this.dataProperties(type)) {
      const name = property.getName();
      const typeName = own ?? this.containerName(property);
      const tag = this.tagCategory(property);
      if (tag !== undefined) {
        matches.push({ category: tag, name, via: 'tag', path: [name], ...(typeName === undefined ? {} : { typeName }) });
        continue;
      }
      const byName = classifyName(name, this.policy);
      if (byName) {
        matches.push({ category: byName.category, name, via: 'type', path: [name], ...(typeName === undefined ? {} : { typeName }) });
        continue;
      }
      const value = this.checker.getNonNullableType(propertyType);
      const nested = levels > 1 ? this.walk(value, levels - 1) : this.brandsOnly(value);
      for (const match of nested) {
        const outer = typeName ?? match.typeName;
        matches.push({
          category: match.category,
          name: match.name,
          via: match.via,
          path: [name, ...(match.path ?? [])],
          ...(outer === undefined ? {} : { typeName: outer }),
        });
      }
      if (matches.length >= MAX_MATCHES) break;
    }

    for (const info of this.checker.getIndexInfosOfType(type)) {
      if ((info.keyType.flags & (flags.String | flags.Number)) === 0) continue;
      const value = this.checker.getNonNullableType(info.type);
      const nested = levels > 1 ? this.walk(value, levels - 1) : this.brandsOnly(value);
      for (const match of nested) {
        const outer = own ?? match.typeName;
        matches.push({ ...match, path: ['*', ...(match.path ?? [])], ...(outer === undefined ? {} : { typeName: outer }) });
      }
    }
    return matches.slice(0, MAX_MATCHES);
  }

  /** At the depth limit: only whether the type is (a union / array of) a configured brand. */
  private brandsOnly(type: ts.Type): readonly SensitiveMatch[] {
    if (this.policy.sensitiveBrands.length === 0) return [];
    const parts = type.isUnion() ? type.types : [type];
    for (const part of parts.slice(0, MAX_CONSTITUENTS)) {
      const candidate = this.isArrayLike(part) ? this.checker.getTypeArguments(part as ts.TypeReference)[0] : part;
      const brand = candidate ? this.brandOf(candidate) : undefined;
      if (brand) return [brand];
    }
    return [];
  }
}

/** Whether a type can be picked from: an object (or union of objects), not an array, promise, function or library class. */
function pickableProperties(walker: TypeWalker, tools: TypeTools, type: ts.Type): Array<readonly [ts.Symbol, ts.Type]> | undefined {
  const { checker } = tools;
  const flags = tools.ts.TypeFlags;
  const symbolFlags = tools.ts.SymbolFlags;
  const parts = type.isUnion() ? type.types : [type];
  if (parts.length === 0) return undefined;
  for (const part of parts) {
    if ((part.flags & flags.Object) === 0 && !part.isIntersection()) return undefined;
    if (part.isIntersection() && part.types.some((member) => (member.flags & flags.Object) === 0)) return undefined;
    if (checker.isArrayType(part) || checker.isTupleType(part)) return undefined;
    if (checker.getPropertyOfType(part, 'then')) return undefined;
    if (part.getCallSignatures().length > 0 || part.getConstructSignatures().length > 0) return undefined;
    const symbol = part.getSymbol();
    if (
      symbol &&
      (symbol.flags & (symbolFlags.Class | symbolFlags.Interface)) !== 0 &&
      (symbol.declarations ?? []).length > 0 &&
      (symbol.declarations ?? []).every((declaration) => tools.program.isSourceFileDefaultLibrary(declaration.getSourceFile()))
    ) {
      return undefined;
    }
  }
  return walker.dataProperties(type);
}

// ---------------------------------------------------------------------------------------------------------------------
// The per-rule object
// ---------------------------------------------------------------------------------------------------------------------

interface NodeResult {
  readonly matches: readonly SensitiveMatch[];
  readonly safe: readonly string[] | undefined;
}

const EMPTY: NodeResult = Object.freeze({ matches: Object.freeze([]), safe: undefined });

/**
 * Sensitive-data classification for one rule run. Name classification works in both modes; the type methods need
 * type information and return undefined / empty without it. Never throws.
 */
export function createSensitiveData(context: Context, policy: Policy, options: SensitiveDataOptions = {}): SensitiveData {
  const depth = Math.max(1, Math.floor(options.depth ?? DEFAULT_TYPE_DEPTH));
  let tools: TypeTools | null | undefined;
  let walker: TypeWalker | undefined;
  const nodeResults = new WeakMap<TSESTree.Node, NodeResult>();

  function typed(): { tools: TypeTools; walker: TypeWalker } | undefined {
    if (tools === undefined) {
      tools = typeTools(context) ?? null;
      if (tools) walker = new TypeWalker(tools, policy);
    }
    return tools && walker ? { tools, walker } : undefined;
  }

  function compute(node: TSESTree.Node): NodeResult {
    const support = typed();
    if (!support) return EMPTY;
    const { tools: typeSupport, walker: types } = support;
    let type: ts.Type;
    try {
      type = typeSupport.services.getTypeAtLocation(node);
    } catch {
      return EMPTY;
    }
    try {
      const matches = types
        .walk(type, depth)
        .map((match, index) => ({ match, index }))
        .sort((a, b) => (a.match.path?.length ?? 0) - (b.match.path?.length ?? 0) || a.index - b.index)
        .map(({ match }) => finish(match));
      let safe: readonly string[] | undefined;
      const properties = pickableProperties(types, typeSupport, typeSupport.checker.getNonNullableType(type));
      if (properties) {
        const whole = matches.some((match) => !match.path || match.path.length === 0);
        const sensitive = new Set(matches.map((match) => match.path?.[0]));
        safe = Object.freeze(whole ? [] : properties.map(([property]) => property.getName()).filter((name) => !sensitive.has(name)));
      }
      return { matches: Object.freeze(matches), safe };
    } catch {
      return EMPTY;
    }
  }

  function resultFor(node: TSESTree.Node): NodeResult {
    let result = nodeResults.get(node);
    if (!result) {
      result = compute(node);
      nodeResults.set(node, result);
    }
    return result;
  }

  return {
    classifyName(name) {
      return classifyName(name, policy);
    },
    classifyNode(node) {
      const name = nodeName(node);
      return name === undefined ? undefined : classifyName(name, policy);
    },
    classifyType(node) {
      return resultFor(node).matches[0];
    },
    sensitivePaths(node) {
      return resultFor(node).matches;
    },
    safeProperties(node) {
      return resultFor(node).safe;
    },
  };
}
