/**
 * Types (typed mode only): the sensitive property paths of a type. The type is walked through interfaces, classes,
 * aliases, object literals, intersections, unions (each member), arrays and tuples (`*` path segment), string index
 * signatures (`*`), `Promise<T>` (T) and type parameters (their constraint), down to `depth` property levels; see
 * `sensitive-data.ts` for what counts and why.
 *
 * Cache: one {@link TypeWalker} per program and policy (`WeakMap<ts.Program, WeakMap<Policy, …>>`), holding each
 * type's matches per depth in a `WeakMap<ts.Type, …>`: a type is walked once per program, whatever file or rule asks.
 */
import type * as ts from 'typescript';
import type { Policy } from '../../policy.js';
import { SENSITIVE_CATEGORIES } from '../../regulations/index.js';
import type { TypeServices } from '../types/services.js';
import { type SensitiveMatch, TAGGED_CATEGORY } from './match.js';
import { classifyStoredName, isNetworkRuleAddress, pairValueNames } from './names.js';
import {
  awaitedOf,
  brandOf,
  categoryKey,
  containerName,
  dataProperties,
  displayName,
  isArrayLike,
  isPrimitiveLike,
  isUnresolved,
  originOf,
  tagCategory,
  type TypeWalker,
} from './type-facts.js';

/** An external type with more methods than this is an object with behaviour (a client, a server), not a record. */
const MAX_EXTERNAL_METHODS = 15;
const MAX_CONSTITUENTS = 50;
export const MAX_MATCHES = 100;

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

/** Per program and policy: the walker state (dies with the program). */
const walkers = new WeakMap<ts.Program, WeakMap<Policy, TypeWalker>>();

/** The walker of a program for a policy, created on first use. */
export function walkerFor(services: TypeServices, policy: Policy): TypeWalker {
  let byPolicy = walkers.get(services.program);
  if (!byPolicy) {
    byPolicy = new WeakMap();
    walkers.set(services.program, byPolicy);
  }
  let walker = byPolicy.get(policy);
  if (!walker) {
    const categories = new Map<string, string>();
    for (const category of [...SENSITIVE_CATEGORIES, ...policy.sensitiveCategories]) categories.set(categoryKey(category), category);
    walker = {
      ts: services.ts,
      checker: services.checker,
      program: services.program,
      policy,
      walks: new WeakMap(),
      inProgress: new Map(),
      categories,
      brands: new Map(policy.sensitiveBrands.map((brand) => [brand.slice(brand.lastIndexOf('.') + 1), brand])),
      origins: new Map(),
    };
    byPolicy.set(policy, walker);
  }
  return walker;
}

function matchKey(match: SensitiveMatch): string {
  return `${match.via}\u0000${match.category}\u0000${(match.path ?? []).join('\u0000')}`;
}

/** The public form of a type match: frozen, `path` left out when empty, `name` its last property name. */
export function finish(match: SensitiveMatch): SensitiveMatch {
  const property = match.path?.findLast((segment) => segment !== '*');
  const result: { -readonly [K in keyof SensitiveMatch]: SensitiveMatch[K] } = { category: match.category, name: property ?? match.name, via: match.via };
  if (match.typeName !== undefined) result.typeName = match.typeName;
  if (match.path && match.path.length > 0) result.path = Object.freeze([...match.path]);
  if (match.atRest) result.atRest = true;
  return Object.freeze(result);
}

/** Matches of a type, paths relative to it, within `depth` property levels. Never throws. */
export function walk(walker: TypeWalker, type: ts.Type, depth: number): readonly SensitiveMatch[] {
  let byDepth = walker.walks.get(type);
  const cached = byDepth?.get(depth);
  if (cached) return cached;
  let active = walker.inProgress.get(type);
  if (active?.has(depth)) return []; // a recursive type that does not consume depth (`type Tree = Tree[]`)
  if (!active) {
    active = new Set();
    walker.inProgress.set(type, active);
  }
  active.add(depth);
  let result: readonly SensitiveMatch[];
  try {
    result = compute(walker, type, depth);
  } catch {
    result = [];
  } finally {
    active.delete(depth);
  }
  if (!byDepth) {
    byDepth = new Map();
    walker.walks.set(type, byDepth);
  }
  byDepth.set(depth, result);
  return result;
}

function compute(walker: TypeWalker, type: ts.Type, depth: number): readonly SensitiveMatch[] {
  if (depth < 1 || isUnresolved(walker, type)) return [];
  const flags = walker.ts.TypeFlags;
  if ((type.flags & flags.Instantiable) !== 0) {
    const constraint = walker.checker.getBaseConstraintOfType(type);
    return constraint && constraint !== type ? walk(walker, constraint, depth) : [];
  }
  const brand = brandOf(walker, type);
  if (brand) return [brand];
  if (type.isUnion()) return walkUnion(walker, type, depth);
  if (isPrimitiveLike(walker, type)) return [];
  if (isArrayLike(walker, type)) return walkArray(walker, type, depth);
  const awaited = awaitedOf(walker, type);
  if (awaited) return walk(walker, awaited, depth);
  if ((type.flags & flags.Object) === 0 && !type.isIntersection()) return [];
  return walkObject(walker, type, depth);
}

/** Each member of a union; matches without a type name take the union's alias. */
function walkUnion(walker: TypeWalker, type: ts.UnionType, depth: number): readonly SensitiveMatch[] {
  const alias = type.aliasSymbol ? walker.checker.typeToString(type) : undefined;
  const merged = new Map<string, SensitiveMatch>();
  for (const part of type.types.slice(0, MAX_CONSTITUENTS)) {
    for (const match of walk(walker, part, depth)) {
      const named = alias !== undefined && match.typeName === undefined ? { ...match, typeName: alias } : match;
      if (!merged.has(matchKey(named))) merged.set(matchKey(named), named);
    }
  }
  return [...merged.values()].slice(0, MAX_MATCHES);
}

/** The elements of an array or tuple, below a `*` segment. */
function walkArray(walker: TypeWalker, type: ts.Type, depth: number): readonly SensitiveMatch[] {
  const own = displayName(walker, type);
  const merged = new Map<string, SensitiveMatch>();
  for (const element of walker.checker.getTypeArguments(type as ts.TypeReference).slice(0, MAX_CONSTITUENTS)) {
    for (const match of walk(walker, element, depth)) {
      const nested: SensitiveMatch = { ...match, path: ['*', ...(match.path ?? [])], typeName: own ?? match.typeName ?? displayName(walker, element) };
      if (!merged.has(matchKey(nested))) merged.set(matchKey(nested), nested);
    }
  }
  return [...merged.values()].slice(0, MAX_MATCHES);
}

/** An object type: its own tag, else its data properties (by tag, by name, or walked) and index signatures. */
function walkObject(walker: TypeWalker, type: ts.Type, depth: number): readonly SensitiveMatch[] {
  const symbol = type.getSymbol();
  const symbolFlags = walker.ts.SymbolFlags;
  const named = symbol !== undefined && (symbol.flags & (symbolFlags.Class | symbolFlags.Interface)) !== 0;
  const origin = originOf(walker, type.aliasSymbol ?? symbol);
  if (origin === 'lib' && named) return [];

  const own = displayName(walker, type);
  const ownTag = [type.aliasSymbol, symbol].find((candidate) => candidate && origin === 'user' && tagCategory(walker, candidate) !== undefined);
  if (ownTag) {
    return [{ category: tagCategory(walker, ownTag) ?? TAGGED_CATEGORY, name: ownTag.name, via: 'tag', typeName: own ?? ownTag.name }];
  }

  let levels = depth;
  if (origin === 'external') {
    const name = type.aliasSymbol?.name ?? symbol?.name ?? '';
    if (OPAQUE_EXTERNAL_TYPES.has(name)) return [];
    const methods = walker.checker.getPropertiesOfType(type).filter((property) => (property.flags & symbolFlags.Method) !== 0);
    if (methods.length > MAX_EXTERNAL_METHODS) return [];
    levels = 1;
  }

  const matches: SensitiveMatch[] = [];
  for (const [property, propertyType] of dataProperties(walker, type)) {
    const name = property.getName();
    const typeName = own ?? containerName(walker, property);
    const tag = tagCategory(walker, property);
    if (tag !== undefined) {
      matches.push({ category: tag, name, via: 'tag', path: [name], ...(typeName === undefined ? {} : { typeName }) });
      continue;
    }
    // A literal-typed property is a label (`TokenType.REFRESH_TOKEN`, `{ grant: 'refresh_token' } as const`), not data.
    if (isLiteralTyped(walker, propertyType)) continue;
    const byName = classifyStoredName(name, walker.policy);
    if (byName && isNetworkRuleAddress(byName, typeName)) continue;
    // the key of a key/value entry (`secretKey` beside `secretValue`) is its name; the value is walked on its own
    if (byName?.category === 'credentials' && pairValueNames(name)?.some((value) => walker.checker.getPropertyOfType(type, value) !== undefined)) continue;
    if (byName) {
      matches.push({
        category: byName.category,
        name,
        via: 'type',
        path: [name],
        ...(typeName === undefined ? {} : { typeName }),
        ...(byName.atRest ? { atRest: true } : {}),
      });
      continue;
    }
    const value = walker.checker.getNonNullableType(propertyType);
    const nested = levels > 1 ? walk(walker, value, levels - 1) : brandsOnly(walker, value);
    for (const match of nested) {
      // the addresses of an allow-list property (`accessTokenTrustedIps: { ipAddress }[]`) are network rules
      if ((match.path?.length ?? 0) <= 2 && isNetworkRuleAddress(match, name)) continue;
      const outer = typeName ?? match.typeName;
      matches.push({
        category: match.category,
        name: match.name,
        via: match.via,
        path: [name, ...(match.path ?? [])],
        ...(outer === undefined ? {} : { typeName: outer }),
        ...(match.atRest ? { atRest: true } : {}),
      });
    }
    if (matches.length >= MAX_MATCHES) break;
  }

  const flags = walker.ts.TypeFlags;
  for (const info of walker.checker.getIndexInfosOfType(type)) {
    if ((info.keyType.flags & (flags.String | flags.Number)) === 0) continue;
    const value = walker.checker.getNonNullableType(info.type);
    const nested = levels > 1 ? walk(walker, value, levels - 1) : brandsOnly(walker, value);
    for (const match of nested) {
      const outer = own ?? match.typeName;
      matches.push({ ...match, path: ['*', ...(match.path ?? [])], ...(outer === undefined ? {} : { typeName: outer }) });
    }
  }
  return matches.slice(0, MAX_MATCHES);
}

/** A string, number, boolean or enum literal (or a union of them). */
function isLiteralTyped(walker: TypeWalker, type: ts.Type): boolean {
  const flags = walker.ts.TypeFlags;
  const literal = flags.StringLiteral | flags.NumberLiteral | flags.EnumLiteral | flags.BooleanLiteral;
  const parts = type.isUnion() ? type.types : [type];
  return parts.length > 0 && parts.every((part) => (part.flags & literal) !== 0);
}

/** At the depth limit: only whether the type is (a union / array of) a configured brand. */
function brandsOnly(walker: TypeWalker, type: ts.Type): readonly SensitiveMatch[] {
  if (walker.policy.sensitiveBrands.length === 0) return [];
  const parts = type.isUnion() ? type.types : [type];
  for (const part of parts.slice(0, MAX_CONSTITUENTS)) {
    const candidate = isArrayLike(walker, part) ? walker.checker.getTypeArguments(part as ts.TypeReference)[0] : part;
    const brand = candidate ? brandOf(walker, candidate) : undefined;
    if (brand) return [brand];
  }
  return [];
}

/** The properties a pick can list: of an object (or union of objects), not an array, promise, function or library class. */
export function pickableProperties(walker: TypeWalker, type: ts.Type): Array<readonly [ts.Symbol, ts.Type]> | undefined {
  const { checker } = walker;
  const flags = walker.ts.TypeFlags;
  const symbolFlags = walker.ts.SymbolFlags;
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
      (symbol.declarations ?? []).every((declaration) => walker.program.isSourceFileDefaultLibrary(declaration.getSourceFile()))
    ) {
      return undefined;
    }
  }
  return dataProperties(walker, type);
}
