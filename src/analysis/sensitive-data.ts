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
 * Layout: `sensitive-data/words.ts` (word lists), `names.ts` (name classification), `type-facts.ts` and `type-walk.ts`
 * (the type walk), `state.ts` (the per-file state and the free functions over it); this module is the facade rules use.
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
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { Policy } from '../policy.js';
import type { SensitiveMatch } from './sensitive-data/match.js';
import { classifyName } from './sensitive-data/names.js';
import {
  classifyKeyedValue,
  classifyNodeName,
  classifyType,
  createSensitiveDataState,
  safeProperties,
  sensitivePaths,
  type SensitiveDataState,
} from './sensitive-data/state.js';

export { DEFAULT_TYPE_DEPTH, type SensitiveMatch, TAGGED_CATEGORY } from './sensitive-data/match.js';
export { classifyName } from './sensitive-data/names.js';
export type { SensitiveDataState } from './sensitive-data/state.js';

export interface SensitiveData {
  /** An identifier or property name: sensitive in an active category, and not a word that only talks about the data. */
  classifyName(name: string): SensitiveMatch | undefined;
  /**
   * The last name of a member chain or identifier node (`user.password`, `req.body.cardNumber`, `headers.authorization`,
   * `process.env.DB_PASSWORD`, computed string keys `headers['x-api-key']`); undefined for other nodes.
   */
  classifyNode(node: TSESTree.Node): SensitiveMatch | undefined;
  /**
   * A property key with the value written under it (`{ sessionId: session.id }`): the key's name, unless the value is an
   * id (a `.id` read; typed: a number or a branded id) under a credential's name.
   */
  classifyKey(key: string, value: TSESTree.Node): SensitiveMatch | undefined;
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


type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/**
 * Sensitive-data classification for one rule run: a thin object over {@link SensitiveDataState} and the free functions
 * of `sensitive-data/state.ts`. Name classification works in both modes; the type methods need type information and
 * return undefined / empty without it. Never throws.
 */
export function createSensitiveData(context: Context, policy: Policy, options: SensitiveDataOptions = {}): SensitiveData {
  const state: SensitiveDataState = createSensitiveDataState(context, policy, options.depth);
  return {
    classifyName: (name) => classifyName(name, policy),
    classifyNode: (node) => classifyNodeName(state, node),
    classifyKey: (key, value) => classifyKeyedValue(state, key, value),
    classifyType: (node) => classifyType(state, node),
    sensitivePaths: (node) => sensitivePaths(state, node),
    safeProperties: (node) => safeProperties(state, node),
  };
}
