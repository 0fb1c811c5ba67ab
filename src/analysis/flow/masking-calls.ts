/**
 * Whether a call masks its arguments: a masking function of the policy (`settings.compliance.masking.functions`,
 * matched as configured), and — for a configured plain name such as `hash` — a method of that name or a function
 * whose name starts with it as a word (`bcrypt.hash(pw)`, `maskEmail(e)`, `hashToken(t)`, `this.crypto.encrypt(x)`),
 * and the digest of a `createHash` / `createHmac` chain. Built in, whatever the settings: functions and methods whose
 * first word says they hash or encrypt one-way (`crypt(pw)`, `bcrypt.hashSync(pw, 10)` via `hash`, `scrypt`, `md5(x)`,
 * `sha1(x)`, `pbkdf2Sync(…)`); `decrypt` is not one, nor any `.digest()`. Then, whatever its name, a call of a function
 * that masks by key what it is given (`masking-functions.ts`: a function of the file or an imported one).
 *
 * Caches: the plain names and words of a policy per process (`WeakMap<Policy, …>`); the configured-matcher and the
 * answer per call per detector (one detector per file and rule run); the matcher itself is built on first use.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { Policy } from '../../policy.js';
import { staticPropertyName } from '../ast/keys.js';
import { unwrapExpression } from '../ast/unwrap.js';
import { calleePath, type CallMatcher, createCallMatcher, splitWords } from '../matchers.js';
import { calledFunction, type ImportedHelpers, isMaskingFunction } from './masking-functions.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** The plain names of a policy's masking functions, and those of one word (matched as a name's first word). */
interface MaskingNames {
  readonly names: ReadonlySet<string>;
  readonly words: ReadonlySet<string>;
}

export interface MaskingDetector {
  readonly context: Context;
  readonly policy: Policy;
  readonly names: MaskingNames;
  /** The configured matchers, built on first use. */
  matcher: CallMatcher | undefined;
  /** Per detector (one file, one rule run): the answer per call. */
  readonly results: WeakMap<TSESTree.CallExpression, boolean>;
  /** Per detector: the functions imported callees resolve to. */
  readonly helpers: ImportedHelpers;
}

/** First words of callees that hash or encrypt their input, whatever the settings (`md5` → md, `pbkdf2` → pbkdf). */
const PROTECTING_WORDS: ReadonlySet<string> = new Set(['crypt', 'bcrypt', 'scrypt', 'argon', 'sha', 'pbkdf', 'hash', 'encrypt']);

/** Whether a callee's name says it hashes or encrypts: `crypt`, `bcryptSync`, `md5`, `SHA256`, not `mdToHtml`, `decrypt`. */
function isProtectingName(words: readonly string[]): boolean {
  const [first, second] = words;
  return first !== undefined && (PROTECTING_WORDS.has(first) || (first === 'md' && second === '5'));
}

/** Per process, one entry per policy. */
const namesByPolicy = new WeakMap<Policy, MaskingNames>();

/** The plain names (`hash`, `maskEmail`) among a policy's masking functions, and the one-word ones in lower case. */
export function maskingNames(policy: Policy): MaskingNames {
  let known = namesByPolicy.get(policy);
  if (!known) {
    const names = new Set(
      policy.masking.functions.flatMap(function_ =>
        function_.kind === 'path' && function_.segments.length === 1 && function_.segments[0] !== '*' ? [function_.segments[0]!] : [],
      ),
    );
    const words = new Set([...names].filter(name => splitWords(name).length === 1).map(name => name.toLowerCase()));
    known = { names, words };
    namesByPolicy.set(policy, known);
  }
  return known;
}

export function createMaskingDetector(context: Context, policy: Policy): MaskingDetector {
  return { context, policy, names: maskingNames(policy), matcher: undefined, results: new WeakMap(), helpers: new Map() };
}

/** Whether `call` masks its arguments (see the module comment). Never throws. */
export function isMaskingCall(detector: MaskingDetector, call: TSESTree.CallExpression): boolean {
  const cached = detector.results.get(call);
  if (cached !== undefined) return cached;
  let result = false;
  try {
    detector.matcher ??= createCallMatcher(detector.policy.masking.functions, detector.context);
    if (detector.matcher.matches(call)) result = true;
    else if (isDigestChain(call)) result = true;
    else {
      const path = calleePath(call.callee);
      const last = path?.[path.length - 1];
      if (last !== undefined) {
        const words = splitWords(last);
        result = detector.names.names.has(last) || detector.names.words.has(words[0] ?? '') || isProtectingName(words);
      }
      if (!result && call.arguments.length > 0) {
        const fn = calledFunction(call, detector);
        result = fn !== undefined && isMaskingFunction(fn, detector.policy);
      }
    }
  } catch {
    result = false;
  }
  detector.results.set(call, result);
  return result;
}

/** `createHash('sha256').update(x).digest('hex')`: the digest of a hash or HMAC chain. */
export function isDigestChain(call: TSESTree.CallExpression): boolean {
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
