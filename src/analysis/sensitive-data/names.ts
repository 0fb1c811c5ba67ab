/**
 * Names (both modes). A name is split into lower-case words (`splitWords`); a pattern of an ACTIVE category
 * (`policy.sensitivePatterns`) matches a contiguous run of the name's words whose letters spell the pattern, unless the
 * words around it say the name only talks about the data (`words.ts`). The longest run wins, then the earlier category.
 *
 * Caches, per process: one compiled pattern table per `Policy` (a WeakMap: a policy is resolved once per settings
 * object), and inside it each name's answer, bounded by {@link MAX_CACHED_NAMES} (cleared when full), so a name is
 * classified once per process and policy whatever file or rule asks.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type { Policy } from '../../policy.js';
import { staticPropertyName } from '../ast/keys.js';
import { unwrapExpression } from '../ast/unwrap.js';
import { splitWords } from '../matchers.js';
import type { SensitiveMatch } from './match.js';
import { ID_SUFFIXES, META_SUFFIXES, NETWORK_RULE_WORDS, NON_SECRET_ENV, PREDICATE_PREFIXES, PROTECTED_AFTER, PROTECTED_BEFORE, QUALIFIERS } from './words.js';

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
  readonly results: Map<string, NameAnswer>;
}

/** A name's answer: the data itself, a protected form of it (`passwordHash`), or neither (null). */
interface NameAnswer {
  readonly data: SensitiveMatch | null;
  /** The match of a protected form, when the name is one (`atRest` set); the type walk counts it (stored records). */
  readonly stored: SensitiveMatch | null;
  /** The name mentions the data only to talk about it (`secretName`, `tokenExpiry`): no data or protected run. */
  readonly talk?: true;
}

/** What a run of a name's words is: the data, a protected form of it, or talk about it (a meta word, an id…). */
type Verdict = 'data' | 'protected' | 'talk';

const NOTHING: NameAnswer = Object.freeze({ data: null, stored: null });
const TALK: NameAnswer = Object.freeze({ data: null, stored: null, talk: true });

export const MAX_CACHED_NAMES = 20_000;
/** Per process, one entry per policy: dies with the policy. */
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

/** What the run `words[start, end)` that spells `pattern` is: the data, a protected form of it, or talk about it. */
function verdictOf(words: readonly string[], start: number, end: number, pattern: CompiledPattern): Verdict {
  let protectedForm = false;
  for (let index = end; index < words.length; index += 1) {
    const word = words[index] ?? '';
    if (META_SUFFIXES.has(word) || ID_SUFFIXES.has(word)) return 'talk';
    if (PROTECTED_AFTER.has(word)) protectedForm = true;
  }
  if (start > 0 && (PREDICATE_PREFIXES.has(words[start - 1] ?? '') || PREDICATE_PREFIXES.has(words[0] ?? ''))) return 'talk';
  const qualifiers = QUALIFIERS.get(pattern.letters);
  if (qualifiers) {
    if (start > 0 && qualifiers.before?.has(words[start - 1] ?? '')) return 'talk';
    if (end < words.length && qualifiers.after?.has(words[end] ?? '')) return 'talk';
  }
  for (let index = 0; index < start; index += 1) if (PROTECTED_BEFORE.has(words[index] ?? '')) protectedForm = true;
  return protectedForm ? 'protected' : 'data';
}

interface Run {
  readonly pattern: CompiledPattern;
  readonly length: number;
}

/** The longer run wins, then the earlier category. */
function better(run: Run, best: Run | undefined): boolean {
  return !best || run.length > best.length || (run.length === best.length && run.pattern.order < best.pattern.order);
}

function computeName(name: string, policy: Policy, compiled: CompiledPolicy): NameAnswer {
  const words = splitWords(name);
  if (words.length === 0 || compiled.ignore.has(words.join(''))) return NOTHING;
  let data: Run | undefined;
  let stored: Run | undefined;
  let talk = false;
  for (let start = 0; start < words.length; start += 1) {
    let letters = '';
    for (let end = start + 1; end <= Math.min(words.length, start + compiled.maxRun); end += 1) {
      letters += words[end - 1] ?? '';
      const pattern = lookup(compiled, letters);
      if (!pattern) continue;
      const verdict = verdictOf(words, start, end, pattern);
      const run = { pattern, length: end - start };
      if (verdict === 'data' && better(run, data)) data = run;
      else if (verdict === 'protected' && better(run, stored)) stored = run;
      else if (verdict === 'talk') talk = true;
    }
  }
  const active = (run: Run | undefined): run is Run => run !== undefined && policy.sensitiveCategories.has(run.pattern.category);
  if (active(data)) return { data: Object.freeze({ category: data.pattern.category, name, via: 'name' as const }), stored: null };
  if (active(stored)) return { data: null, stored: Object.freeze({ category: stored.pattern.category, name, via: 'name' as const, atRest: true }) };
  return talk && data === undefined && stored === undefined ? TALK : NOTHING;
}

function answerFor(name: string, policy: Policy): NameAnswer {
  const compiled = compilePolicy(policy);
  const cached = compiled.results.get(name);
  if (cached !== undefined) return cached;
  const result = computeName(name, policy, compiled);
  if (compiled.results.size >= MAX_CACHED_NAMES) compiled.results.clear();
  compiled.results.set(name, result);
  return result;
}

/** Pure name classification, exported for unit tests and other rules. Cached per policy. */
export function classifyName(name: string, policy: Policy): SensitiveMatch | undefined {
  return answerFor(name, policy).data ?? undefined;
}

/**
 * A property name of a stored record: the data, or a protected form of it kept at rest (`User.passwordHash`,
 * `Integration.encryptedToken`: the credential store's verifier or ciphertext), the latter with `atRest` set.
 */
export function classifyStoredName(name: string, policy: Policy): SensitiveMatch | undefined {
  const answer = answerFor(name, policy);
  return answer.data ?? answer.stored ?? undefined;
}

/**
 * Whether a name mentions sensitive data only to talk about it (`secretName`, `tokenExpiresAt`, `passwordPolicy`): under
 * a sensitive key, such a value is not the data (`{ secretKey: params.secretName }` holds the secret's name).
 */
export function nameTalksAbout(name: string, policy: Policy): boolean {
  return answerFor(name, policy).talk === true;
}

/**
 * Whether an IP address found under `owner` (a variable, property or type name) is a network rule's address, not a
 * person's: `trustedIp.ipAddress`, `TIdentityTrustedIp[].ipAddress`. Other categories are never excused by the owner.
 */
export function isNetworkRuleAddress(match: SensitiveMatch, owner: string | undefined): boolean {
  return match.category === 'onlineIdentifiers' && owner !== undefined && splitWords(owner).some((word) => NETWORK_RULE_WORDS.has(word));
}

/** The name a node goes by: an identifier, or the static last property of a member chain. */
export function nodeName(node: TSESTree.Node): string | undefined {
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

/**
 * The names of the value beside a key-value entry's key: `secretKey` → `secretValue`, `SECRET_KEY` → `SECRET_VALUE`;
 * undefined for a name that does not end in `key`. A record with both holds an entry: the key is its name.
 */
export function pairValueNames(name: string): readonly string[] | undefined {
  const stem = /^(.+?)_?(?:key|Key|KEY)$/u.exec(name)?.[1];
  return stem ? [`${stem}Value`, `${stem}_value`, `${stem}_VALUE`] : undefined;
}

/** The name of the object a property is read from, past element reads: `rule.allowedIps[0]` → `allowedIps`. */
export function ownerName(node: TSESTree.Node): string | undefined {
  const expression = unwrapExpression(node);
  if (expression.type === AST_NODE_TYPES.MemberExpression && expression.computed && nodeName(expression) === undefined) return ownerName(expression.object);
  return nodeName(expression);
}

/** Words after which a getter's name talks about its arguments, not its result: `getUserByEmail`, `getTokenForUser`. */
const GETTER_ARGUMENT_WORDS: ReadonlySet<string> = new Set(['by', 'for', 'from', 'with', 'of', 'in', 'to', 'using', 'via']);

/**
 * The part of a getter's name that says what it returns, or undefined for a name that is no getter: `getApiKey` →
 * `ApiKey`, `get_secret` → `secret`, `getEmailSigninToken` → `EmailSigninToken`, `getTokenFromHeader` → `Token`,
 * `getUserByEmail` → `User` (the e-mail is the argument). Classify the answer as a name (`getTokenExpiry` talks about
 * a token; `hasToken` is no getter).
 */
export function getterSubject(name: string): string | undefined {
  const match = /^get(?=[A-Z_])_?(.+)$/u.exec(name);
  const rest = match?.[1];
  if (!rest) return undefined;
  const words = splitWords(rest);
  const cut = words.findIndex(word => GETTER_ARGUMENT_WORDS.has(word));
  if (cut < 0) return rest;
  return cut === 0 ? undefined : words.slice(0, cut).join('_');
}
