/**
 * The words that decide whether a name is the data or only talks about it (see `names.ts`): meta words after a
 * pattern, predicate words before it, per-pattern qualifiers, and environment variables that only look like secrets.
 * Data only: edit these lists to tune precision; `tests/analysis/sensitive-data.test.ts` holds the look-alikes.
 */

/** Words that, anywhere after a pattern, make the name about the data rather than the data. `id` is not one. */
export const META_SUFFIXES: ReadonlySet<string> = new Set([
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
  'var', 'variable', 'domain', 'domains',
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
  'transport', 'sender', 'server', 'scope', 'scopes', 'audience', 'slug', 'slugs', 'channel', 'channels', 'approval',
  'approvals',
  // network ranges allowed to use it (`accessTokenTrustedIps`)
  'ip', 'ips', 'cidr', 'cidrs',
  // UI
  'toggle', 'visibility', 'icon', 'button', 'selector', 'element',
]);

/** Words that, directly before a pattern or as the first word of the name, make it a predicate, count or check. */
export const PREDICATE_PREFIXES: ReadonlySet<string> = new Set([
  'is', 'are', 'was', 'were', 'has', 'have', 'had', 'should', 'can', 'could', 'must', 'will', 'did', 'does', 'needs',
  'need', 'requires', 'require', 'show', 'hide', 'toggle', 'without', 'no', 'num', 'number', 'count', 'total', 'max',
  'min', 'validate', 'check', 'verify', 'allow', 'allows', 'enable', 'disable', 'missing', 'masked', 'redacted',
  'obfuscated', 'truncated', 'forgot',
]);

/** Things that have names but are not people: before `fullName` / `firstName` they make it the thing's name. */
const THING_WORDS: ReadonlySet<string> = new Set([
  'table', 'file', 'class', 'type', 'package', 'module', 'field', 'column', 'method', 'function', 'domain', 'host', 'branch',
  'repo', 'repository', 'project', 'team', 'org', 'organization', 'workspace', 'schema', 'index', 'bucket', 'queue', 'topic',
  'event', 'channel', 'property', 'attribute', 'model', 'entity', 'resource', 'service', 'database', 'db', 'image', 'tag',
  'key', 'collection', 'document', 'dataset', 'job', 'task', 'metric', 'view', 'component', 'font', 'app', 'product',
]);

/**
 * Per pattern (its letters), words that make it something else: before it (`nextPageToken`, `serverAddress`) or after it
 * (`panX`, `pinMessage`).
 */
type Qualifier = { readonly before?: ReadonlySet<string>; readonly after?: ReadonlySet<string> };

export const QUALIFIERS: ReadonlyMap<string, Qualifier> = new Map<string, Qualifier>([
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
        'database', 'from',
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
  // the sender of a mail is the service's mailbox (`SMTP_FROM_EMAIL`, `fromAddress`), not a person's; `emailFromToken` is
  ['email', { before: new Set(['from']) }],
  ['emailaddress', { before: new Set(['from']) }],
  // a person's name, unless it names a thing (`aggregatedTableFullName`, `classFullName`, `fileLastName`)
  ...['fullname', 'firstname', 'lastname', 'legalname'].map((letters): [string, Qualifier] => [letters, { before: THING_WORDS }]),
  ['passport', { after: new Set(['session', 'local', 'jwt', 'js']) }],
  ['cookie', { after: new Set(['consent', 'banner']) }],
]);

/**
 * Words that make the owner of an IP address a network rule, not a person's connection (`trustedIp.ipAddress`,
 * `TIdentityTrustedIp`, `allowedIps[0].ipAddress`, `firewallRule.ipAddress`): the address is an allow-list setting.
 */
export const NETWORK_RULE_WORDS: ReadonlySet<string> = new Set([
  'trusted', 'allowed', 'allow', 'allowlist', 'whitelist', 'whitelisted', 'blocklist', 'blacklist', 'denylist', 'deny', 'denied',
  'blocked', 'cidr', 'cidrs', 'subnet', 'subnets', 'firewall', 'range', 'ranges',
]);

/** Environment variables whose names look like secrets but are not (`process.env.PWD` is the working directory). */
export const NON_SECRET_ENV = new Set(['PWD', 'OLDPWD']);

/**
 * Words that say the value is a protected form of the data, not the data (`hashedPassword`, `passwordDigest`,
 * `encryptedToken`, `_passwordMD5` → md 5, `sha256Password` → sha 256): anywhere before the pattern. `hash` is not
 * one (`HASH_SECRET` is the key of a hash, a secret), nor `hmac` (`hmacSecret`), nor `encoded` (base64 is not
 * protection: `encodedPassword` is the password).
 */
export const PROTECTED_BEFORE: ReadonlySet<string> = new Set([
  'hashed', 'encrypted', 'crypted', 'bcrypted', 'digested', 'salted', 'ciphered', 'md', 'sha', 'bcrypt', 'scrypt', 'argon',
]);

/** The same, anywhere after the pattern (`passwordHash`, `tokenDigest`, `_password_sha`, `apiKeyFingerprint`). */
export const PROTECTED_AFTER: ReadonlySet<string> = new Set([
  'hash', 'hashes', 'hashed', 'digest', 'digests', 'encrypted', 'crypted', 'bcrypted', 'md', 'sha', 'hmac', 'fingerprint',
  'fingerprints', 'cipher', 'ciphertext', 'checksum',
]);

/** Words that, anywhere after a pattern, make the name an identifier of the data (`tokenId`, `apiKeyId`, `secretUuid`). */
export const ID_SUFFIXES: ReadonlySet<string> = new Set(['id', 'ids', 'uuid', 'uuids', 'guid', 'identifier', 'identifiers']);
