/**
 * Sensitive data: name classification as a pure function over resolved policies (every category, every regulation,
 * look-alikes, ignore, custom categories, plurals), and node / type classification on real parses through a probe rule
 * that reports what `createSensitiveData` says about each `probe*(x)` argument, typed and untyped.
 */
import path from 'node:path';
import type { RuleTester } from '@typescript-eslint/rule-tester';
import { AST_NODE_TYPES, ESLintUtils } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import {
  classifyName,
  createSensitiveData,
  TAGGED_CATEGORY,
  type SensitiveMatch,
} from '../../src/analysis/sensitive-data.js';
import { getPolicy, resolvePolicy } from '../../src/settings.js';
import { fixturesDir, typedTester, untypedTester } from '../rule-tester.js';

const PROBE_FILE = path.join(fixturesDir, 'sensitive/probe.ts');

function policyFor(compliance?: Record<string, unknown>) {
  return resolvePolicy(compliance ? { compliance } : {});
}

const NONE = policyFor();
const REGULATION = (id: string) => policyFor({ regulations: { [id]: true } });
const ALL = policyFor({ regulations: { soc2: true, hipaa: true, gdpr: true, iso27001: true, 'pci-dss': true, 'nist-800-53': true } });

function category(name: string, policy = ALL): string | undefined {
  return classifyName(name, policy)?.category;
}

// ---------------------------------------------------------------------------------------------------------------------
// classifyName
// ---------------------------------------------------------------------------------------------------------------------

describe('classifyName: categories', () => {
  it.each([
    // credentials and secrets
    ['password', 'credentials'],
    ['DB_PASSWORD', 'credentials'],
    ['newPassword', 'credentials'],
    ['passwd', 'credentials'],
    ['pwd', 'credentials'],
    ['passPhrase', 'credentials'],
    ['clientSecret', 'credentials'],
    ['JWT_SECRET', 'credentials'],
    ['accessToken', 'credentials'],
    ['refresh_token', 'credentials'],
    ['x-api-key', 'credentials'],
    ['apiKey', 'credentials'],
    ['APIKEY', 'credentials'],
    ['AWS_SECRET_ACCESS_KEY', 'credentials'],
    ['privateKey', 'credentials'],
    ['authorization', 'credentials'],
    ['Authorization', 'credentials'],
    ['cookie', 'credentials'],
    ['set-cookie', 'credentials'],
    ['sessionId', 'credentials'],
    ['connectionString', 'credentials'],
    ['DATABASE_CONNECTION_STRING', 'credentials'],
    ['otp', 'credentials'],
    // card data
    ['pan', 'cardData'],
    ['cardNumber', 'cardData'],
    ['card_number', 'cardData'],
    ['creditCardNumber', 'cardData'],
    ['cvv', 'cardData'],
    ['cvv2', 'cardData'],
    ['CVC', 'cardData'],
    ['securityCode', 'cardData'],
    ['pin', 'cardData'],
    ['track2', 'cardData'],
    ['cardExpiry', 'cardData'],
    // government ids
    ['ssn', 'governmentIds'],
    ['SSN', 'governmentIds'],
    ['socialSecurityNumber', 'governmentIds'],
    ['passportNumber', 'governmentIds'],
    ['driversLicense', 'governmentIds'],
    ['taxId', 'governmentIds'],
    // contact data
    ['email', 'contactData'],
    ['eMail', 'contactData'],
    ['emailAddress', 'contactData'],
    ['phoneNumber', 'contactData'],
    ['homeAddress', 'contactData'],
    ['zipCode', 'contactData'],
    ['zipcode', 'contactData'],
    ['firstName', 'contactData'],
    ['lastName', 'contactData'],
    // online identifiers: the longer pattern wins over `address`
    ['ipAddress', 'onlineIdentifiers'],
    ['clientIpAddress', 'onlineIdentifiers'],
    ['macAddress', 'onlineIdentifiers'],
    ['deviceId', 'onlineIdentifiers'],
    // dates about a person
    ['dateOfBirth', 'personalDates'],
    ['dob', 'personalDates'],
    ['birthDate', 'personalDates'],
    // health data
    ['diagnosis', 'healthData'],
    ['medicalRecordNumber', 'healthData'],
    ['MRN', 'healthData'],
    ['prescription', 'healthData'],
    ['bloodType', 'healthData'],
    ['insuranceId', 'healthData'],
    // special categories
    ['religion', 'specialCategories'],
    ['sexualOrientation', 'specialCategories'],
    ['biometricTemplate', undefined], // "template" only talks about it
    ['biometric', 'specialCategories'],
    // financial accounts
    ['iban', 'financialAccounts'],
    ['IBAN', 'financialAccounts'],
    ['accountNumber', 'financialAccounts'],
    ['routingNumber', 'financialAccounts'],
    ['salary', 'financialAccounts'],
  ])('%s → %s', (name, expected) => {
    expect(category(name)).toBe(expected);
  });

  it('returns the name as written, via name', () => {
    expect(classifyName('DB_PASSWORD', NONE)).toEqual({ category: 'credentials', name: 'DB_PASSWORD', via: 'name' });
  });

  it('caches per policy', () => {
    expect(classifyName('accessToken', NONE)).toBe(classifyName('accessToken', NONE));
  });

  it('never throws on odd names', () => {
    for (const name of ['', '_', '$', '__proto__', 'constructor', '123', '🔑', 'パスワード', 'x'.repeat(5000)]) {
      expect(() => classifyName(name, ALL)).not.toThrow();
    }
    expect(classifyName('', ALL)).toBeUndefined();
  });
});

describe('classifyName: active categories per regulation', () => {
  // For each regulation: one name per category, sensitive exactly when the category is active.
  const samples: ReadonlyArray<readonly [string, string]> = [
    ['apiKey', 'credentials'],
    ['cardNumber', 'cardData'],
    ['ssn', 'governmentIds'],
    ['email', 'contactData'],
    ['ipAddress', 'onlineIdentifiers'],
    ['dateOfBirth', 'personalDates'],
    ['diagnosis', 'healthData'],
    ['religion', 'specialCategories'],
    ['iban', 'financialAccounts'],
  ];
  const active: Record<string, readonly string[]> = {
    none: ['credentials', 'cardData'],
    soc2: ['credentials', 'cardData', 'financialAccounts'],
    hipaa: ['credentials', 'cardData', 'governmentIds', 'contactData', 'onlineIdentifiers', 'personalDates', 'healthData'],
    gdpr: [
      'credentials',
      'cardData',
      'governmentIds',
      'contactData',
      'onlineIdentifiers',
      'personalDates',
      'healthData',
      'specialCategories',
      'financialAccounts',
    ],
    iso27001: ['credentials', 'cardData'],
    'pci-dss': ['credentials', 'cardData', 'governmentIds', 'financialAccounts'],
    'nist-800-53': ['credentials', 'cardData', 'governmentIds'],
  };
  for (const [id, categories] of Object.entries(active)) {
    it(id, () => {
      const policy = id === 'none' ? NONE : REGULATION(id);
      const found = samples.filter(([name]) => classifyName(name, policy)).map(([, expected]) => expected);
      expect(found).toEqual(categories);
      for (const [name, expected] of samples) {
        if (categories.includes(expected)) expect(classifyName(name, policy)?.category).toBe(expected);
      }
    });
  }

  it('presets combine: the union of categories', () => {
    const policy = policyFor({ regulations: { soc2: true, 'nist-800-53': true } });
    expect(category('iban', policy)).toBe('financialAccounts');
    expect(category('ssn', policy)).toBe('governmentIds');
    expect(category('email', policy)).toBeUndefined();
  });
});

describe('classifyName: words that only talk about the data', () => {
  it.each([
    // from the issue
    'passwordLength',
    'passwordPolicy',
    'isTokenValid',
    'tokenType',
    'token_type',
    'tokenCount',
    'resetPasswordUrl',
    'hasSsn',
    'emailVerified',
    'cardBrand',
    'last4',
    // suffixes
    'passwordMinLength',
    'PASSWORD_MAX_LENGTH',
    'passwordRegex',
    'passwordStrength',
    'passwordHint',
    'passwordPlaceholder',
    'passwordField',
    'passwordLabel',
    'tokenExpiresAt',
    'tokenExpiry',
    'tokenTtl',
    'cookieMaxAge',
    'passwordChangedAt',
    'passwordUpdatedAt',
    'passwordSet',
    'tokenPresent',
    'passwordRequired',
    'apiKeyFormat',
    'ssnFormat',
    'cardNumberLast4',
    'panLast4',
    'creditCardBrand',
    'cardNumberMasked',
    'secretName',
    'cookieName',
    'cookieOptions',
    'emailTemplate',
    'emailService',
    'tokenService',
    'DB_PASSWORD_FILE',
    'passwordResetUrl',
    'authorizationEndpoint',
    // prefixes
    'isPasswordSet',
    'hasToken',
    'shouldShowPassword',
    'showPassword',
    'hidePassword',
    'canEditEmail',
    'needsPassword',
    'requiresPassword',
    'withoutPassword',
    'noPassword',
    'numTokens',
    'countPasswords',
    'totalTokens',
    'maxTokens',
    'validatePassword',
    'checkToken',
    'maskedCardNumber',
    'redactedEmail',
    'forgotPassword',
    'userHasPassword',
    // qualified words that are not about a person
    'nextPageToken',
    'NextToken',
    'continuationToken',
    'cancellationToken',
    'inputTokens',
    'outputTokens',
    'promptTokens',
    'serverAddress',
    'localAddress',
    'listenAddress',
    'addressFamily',
    'panX',
    'panZoom',
    'mapPin',
    'iPhone',
    // whole words only
    'panel',
    'company',
    'japan',
    'expand',
    'spinner',
    'pinned',
    'tokenizer',
    'passwordless',
    'secretary',
    'cookies_enabled',
    'ssnx',
    'emails_count',
  ])('%s is not sensitive', (name) => {
    expect(classifyName(name, ALL)).toBeUndefined();
  });

  it('an id of a secret is not the secret; sessionId is itself a pattern (its value decides, see values.ts)', () => {
    expect(category('tokenId')).toBeUndefined();
    expect(category('sessionId')).toBe('credentials');
    expect(category('apiKeyId')).toBeUndefined();
  });

  it('a later run still counts when an earlier one is only talked about', () => {
    expect(category('passwordResetToken')).toBe('credentials');
    expect(category('tokenTypeAndPassword')).toBe('credentials');
  });

  it('process.env.PWD is the working directory, but only through process.env', () => {
    expect(category('PWD')).toBe('credentials');
  });
});

describe('classifyName: plurals', () => {
  it.each([
    ['passwords', 'credentials'],
    ['tokens', 'credentials'],
    ['apiKeys', 'credentials'],
    ['API_KEYS', 'credentials'],
    ['secrets', 'credentials'],
    ['cookies', 'credentials'],
    ['ssns', 'governmentIds'],
    ['SSNs', 'governmentIds'],
    ['cardNumbers', 'cardData'],
    ['card_numbers', 'cardData'],
    ['addresses', 'contactData'],
    ['emails', 'contactData'],
    ['diagnoses', 'healthData'],
    ['birthdays', 'personalDates'],
  ])('%s → %s', (name, expected) => {
    expect(category(name)).toBe(expected);
  });

  it('only the last word of a pattern may be plural', () => {
    expect(category('cardsNumber')).toBeUndefined();
    expect(category('apisKey')).toBeUndefined();
  });
});

describe('classifyName: settings', () => {
  it('sensitiveData.ignore: never sensitive, compared on letters', () => {
    const policy = policyFor({ sensitiveData: { ignore: ['access_token', 'SESSION-ID'] } });
    expect(classifyName('accessToken', policy)).toBeUndefined();
    expect(classifyName('ACCESS_TOKEN', policy)).toBeUndefined();
    expect(classifyName('access-token', policy)).toBeUndefined();
    expect(classifyName('sessionId', policy)).toBeUndefined();
    // Only the whole name: other names with the same words still count.
    expect(classifyName('refreshToken', policy)?.category).toBe('credentials');
    expect(classifyName('userAccessToken', policy)?.category).toBe('credentials');
    expect(classifyName('accessToken', NONE)?.category).toBe('credentials');
  });

  it('sensitiveData.ignore of a pattern removes it', () => {
    const policy = policyFor({ regulations: { gdpr: true }, sensitiveData: { ignore: ['email'] } });
    expect(classifyName('email', policy)).toBeUndefined();
    expect(classifyName('emailAddress', policy)?.category).toBe('contactData');
  });

  it('sensitiveData.add: custom categories work like built-ins, always active', () => {
    const policy = policyFor({ sensitiveData: { add: { employeeData: ['employeeNumber', 'badge-id'], credentials: ['signingMaterial'] } } });
    expect(classifyName('employeeNumber', policy)).toEqual({ category: 'employeeData', name: 'employeeNumber', via: 'name' });
    expect(category('EMPLOYEE_NUMBER', policy)).toBe('employeeData');
    expect(category('employeeNumbers', policy)).toBe('employeeData');
    expect(category('managerEmployeeNumber', policy)).toBe('employeeData');
    expect(category('employeeNumberFormat', policy)).toBeUndefined();
    expect(category('hasEmployeeNumber', policy)).toBeUndefined();
    expect(category('badgeId', policy)).toBe('employeeData');
    expect(category('signingMaterial', policy)).toBe('credentials');
    expect(category('employee', policy)).toBeUndefined();
  });

  it('sensitiveData.add extends a regulation category only while it is active', () => {
    const policy = policyFor({ sensitiveData: { add: { healthData: ['labResult'] } } });
    expect(category('labResult', policy)).toBeUndefined();
    const hipaa = policyFor({ regulations: { hipaa: true }, sensitiveData: { add: { healthData: ['labResult'] } } });
    expect(category('labResults', hipaa)).toBe('healthData');
  });

  it('a custom pattern beats a shorter built-in one', () => {
    const policy = policyFor({ regulations: { gdpr: true }, sensitiveData: { add: { supportData: ['supportEmail'] } } });
    expect(category('supportEmail', policy)).toBe('supportData');
    expect(category('email', policy)).toBe('contactData');
  });
});

// ---------------------------------------------------------------------------------------------------------------------
// The probe rule
// ---------------------------------------------------------------------------------------------------------------------

function formatMatch(match: SensitiveMatch | undefined): string {
  if (!match) return 'none';
  return [match.category, match.via, match.typeName ?? '-', match.path?.join('.') ?? '-', match.name].join(' ');
}

/**
 * Reports, for each `probeNode(x)`, `probeType(x)`, `probePaths(x)`, `probeSafe(x)` call, what classifyNode /
 * classifyType / sensitivePaths / safeProperties say about `x`.
 */
function probeRule(depth?: number) {
  return ESLintUtils.RuleCreator.withoutDocs<[], 'probe'>({
    meta: { type: 'problem', messages: { probe: '{{result}}' }, schema: [] },
    create(context) {
      const sensitive = createSensitiveData(context, getPolicy(context), depth === undefined ? {} : { depth });
      return {
        CallExpression(node) {
          const argument = node.arguments[0];
          if (node.callee.type !== AST_NODE_TYPES.Identifier || !argument) return;
          let result: string;
          switch (node.callee.name) {
            case 'probeNode':
              result = formatMatch(sensitive.classifyNode(argument));
              break;
            case 'probeType':
              result = formatMatch(sensitive.classifyType(argument));
              break;
            case 'probePaths': {
              const paths = sensitive.sensitivePaths(argument);
              result = paths.length === 0 ? 'empty' : paths.map(formatMatch).join(' | ');
              break;
            }
            case 'probeSafe':
              result = sensitive.safeProperties(argument)?.join(',') ?? 'undefined';
              break;
            default:
              return;
          }
          context.report({ node, messageId: 'probe', data: { result } });
        },
      };
    },
  });
}

const PRELUDE = `
declare function probeNode(value: unknown): void;
declare function probeType(value: unknown): void;
declare function probePaths(value: unknown): void;
declare function probeSafe(value: unknown): void;
`;

interface ProbeCase {
  readonly name: string;
  readonly code: string;
  readonly expected: readonly string[];
  readonly settings?: Record<string, unknown>;
  readonly depth?: number;
}

function runProbes(tester: (settings?: Record<string, unknown>) => RuleTester, suite: string, cases: readonly ProbeCase[]): void {
  for (const item of cases) {
    tester(item.settings).run(`${suite}: ${item.name}`, probeRule(item.depth), {
      valid: [],
      invalid: [
        {
          code: `${PRELUDE}${item.code}`,
          filename: PROBE_FILE,
          errors: item.expected.map((result) => ({ messageId: 'probe' as const, data: { result } })),
        },
      ],
    });
  }
}

const GDPR = { compliance: { regulations: { gdpr: true } } };
const HIPAA = { compliance: { regulations: { hipaa: true } } };

// ---------------------------------------------------------------------------------------------------------------------
// classifyNode (both modes)
// ---------------------------------------------------------------------------------------------------------------------

const nodeCases: readonly ProbeCase[] = [
  {
    name: 'identifiers and member chains: the last name',
    code: `
      declare const user: any, req: any, headers: any, patient: any, password: string, cfg: any;
      probeNode(user.password);
      probeNode(req.body.cardNumber);
      probeNode(headers.authorization);
      probeNode(process.env.DB_PASSWORD);
      probeNode(headers['x-api-key']);
      probeNode(headers[\`cookie\`]);
      probeNode(password);
      probeNode(user?.profile?.password);
      probeNode(user!.accessToken);
      probeNode((user as any).refreshToken);
      probeNode(patient.diagnosis);
      probeNode(cfg.secrets.apiKey);
    `,
    expected: [
      'credentials name - - password',
      'cardData name - - cardNumber',
      'credentials name - - authorization',
      'credentials name - - DB_PASSWORD',
      'credentials name - - x-api-key',
      'credentials name - - cookie',
      'credentials name - - password',
      'credentials name - - password',
      'credentials name - - accessToken',
      'credentials name - - refreshToken',
      'none',
      'credentials name - - apiKey',
    ],
  },
  {
    name: 'look-alikes, reductions and other nodes',
    code: `
      declare const user: any, headers: any, key: string, list: any[];
      probeNode(user.passwordLength);
      probeNode(user.password.length);
      probeNode(user.isTokenValid);
      probeNode(headers[key]);
      probeNode(list[0]);
      probeNode(user.getPassword());
      probeNode('password');
      probeNode(\`\${user.password}\`);
      probeNode(process.env.PWD);
      probeNode(process.env.OLDPWD);
      probeNode(user.PWD);
      class K { #password = 1; m() { probeNode(this.#password); } }
    `,
    expected: [
      'none',
      'none',
      'none',
      'none',
      'none',
      'none',
      'none',
      'none',
      'none',
      'none',
      'credentials name - - PWD',
      'credentials name - - #password',
    ],
  },
  {
    name: 'categories follow the active regulations',
    settings: GDPR,
    code: `
      declare const user: any, patient: any;
      probeNode(user.email);
      probeNode(patient.diagnosis);
      probeNode(user.emailVerified);
      probeNode(user.iban);
    `,
    expected: ['contactData name - - email', 'healthData name - - diagnosis', 'none', 'financialAccounts name - - iban'],
  },
];

describe('classifyNode', () => {
  describe('untyped', () => runProbes(untypedTester, 'classifyNode', nodeCases));
  describe('typed', () => runProbes(typedTester, 'classifyNode', nodeCases));
});

// ---------------------------------------------------------------------------------------------------------------------
// classifyType / sensitivePaths / safeProperties
// ---------------------------------------------------------------------------------------------------------------------

describe('types: untyped mode', () => {
  runProbes(untypedTester, 'untyped', [
    {
      name: 'everything is undefined or empty',
      code: `
        declare const user: { passwordHash: string };
        probeType(user);
        probePaths(user);
        probeSafe(user);
        probeType({ password: 'x' });
      `,
      expected: ['none', 'empty', 'undefined', 'none'],
    },
  ]);
});

describe('types: typed mode', () => {
  runProbes(typedTester, 'typed', [
    {
      name: 'interface declared in another file',
      code: `
        import type { User, Order } from './models.js';
        declare const user: User;
        declare const order: Order;
        probeType(user);
        probePaths(user);
        probeSafe(user);
        probeType(order);
        probePaths(order);
        probeSafe(order);
      `,
      expected: [
        'credentials type User passwordHash passwordHash',
        'credentials type User passwordHash passwordHash',
        'id,displayName,lastLoginAt',
        'none',
        'empty',
        'id,status,total,createdAt',
      ],
    },
    {
      name: 'a class: constructor parameter properties, private fields; getters and methods skipped',
      code: `
        import { Account } from './models.js';
        declare const account: Account;
        probeType(account);
        probeSafe(account);
        probeType(new Account('1', 'k'));
      `,
      expected: ['credentials type Account apiKey apiKey', 'kind,id', 'credentials type Account apiKey apiKey'],
    },
    {
      name: 'a type alias and an object built by spreading it',
      settings: HIPAA,
      code: `
        import type { Patient } from './models.js';
        declare const patient: Patient;
        probeType(patient);
        probeType({ ...patient });
        probeSafe({ ...patient });
        probeType({ patient });
        probePaths({ patient, note: 'x' });
      `,
      expected: [
        'healthData type Patient diagnosis diagnosis',
        'healthData type Patient diagnosis diagnosis',
        'id,ward',
        'healthData type Patient patient.diagnosis diagnosis',
        'healthData type Patient patient.diagnosis diagnosis',
      ],
    },
    {
      name: 'categories of the properties follow the active regulations',
      code: `
        import type { Patient } from './models.js';
        declare const patient: Patient;
        probeType(patient);
        probeSafe(patient);
      `,
      expected: ['none', 'id,diagnosis,ward'],
    },
    {
      name: 'arrays, tuples, unions with undefined, Promise',
      code: `
        import { type User, loadUser } from './models.js';
        declare const users: User[];
        declare const readonlyUsers: readonly User[];
        declare const pair: [number, User];
        declare const maybe: User | undefined;
        declare const nullable: User | null;
        probeType(users);
        probeSafe(users);
        probeType(readonlyUsers);
        probeType(pair);
        probeType(maybe);
        probeSafe(maybe);
        probeType(nullable);
        probeType(loadUser());
        probeSafe(loadUser());
        async function f() { probeType(await loadUser()); }
      `,
      expected: [
        'credentials type User[] *.passwordHash passwordHash',
        'undefined',
        'credentials type readonly User[] *.passwordHash passwordHash',
        'credentials type [number, User] *.passwordHash passwordHash',
        'credentials type User passwordHash passwordHash',
        'id,displayName,lastLoginAt',
        'credentials type User passwordHash passwordHash',
        'credentials type User passwordHash passwordHash',
        'undefined',
        'credentials type User passwordHash passwordHash',
      ],
    },
    {
      name: 'a union of object types: each member, common safe properties',
      code: `
        import type { User, Order } from './models.js';
        declare const either: User | Order;
        probePaths(either);
        probeSafe(either);
      `,
      expected: ['credentials type User passwordHash passwordHash', 'id'],
    },
    {
      name: 'nested properties, depth 2, and an inherited interface across two files',
      settings: GDPR,
      code: `
        import type { Member } from './models.js';
        import type { Admin } from './more-models.js';
        declare const member: Member;
        declare const admin: Admin;
        probeType(member);
        probePaths(member);
        probeSafe(member);
        probeType(admin);
        probeSafe(admin);
      `,
      expected: [
        'governmentIds type Member profile.ssn ssn',
        'governmentIds type Member profile.ssn ssn',
        'id',
        'credentials type Admin passwordHash passwordHash',
        'permissions,id,displayName,lastLoginAt',
      ],
    },
    {
      name: 'nested governmentIds are not sensitive without a regulation that activates them',
      code: `
        import type { Member } from './models.js';
        declare const member: Member;
        probeType(member);
        probeSafe(member);
      `,
      expected: ['none', 'id,profile'],
    },
    {
      name: 'the depth limit (default 3)',
      code: `
        import type { Level1, Level2 } from './models.js';
        declare const one: Level1;
        declare const two: Level2;
        probeType(one);
        probeType(two);
        probeType(one.next);
      `,
      expected: ['none', 'credentials type Level2 next.next.password password', 'credentials type Level2 next.next.password password'],
    },
    {
      name: 'a deeper depth option',
      depth: 4,
      code: `
        import type { Level1 } from './models.js';
        declare const one: Level1;
        probeType(one);
      `,
      expected: ['credentials type Level1 next.next.next.password password'],
    },
    {
      name: '@sensitive and @pii tags declared in another file',
      code: `
        import type { Note, VaultEntry } from './models.js';
        import type { Thread } from './more-models.js';
        declare const note: Note;
        declare const entry: VaultEntry;
        declare const thread: Thread;
        probePaths(note);
        probeSafe(note);
        probeType(entry);
        probeSafe(entry);
        probeType(thread);
      `,
      expected: [
        [
          `${TAGGED_CATEGORY} tag Note body body`,
          'healthData tag Note summary summary',
          'contactData tag Note reachable reachable',
          `${TAGGED_CATEGORY} tag Note misc misc`,
        ].join(' | '),
        'id,title',
        `${TAGGED_CATEGORY} tag VaultEntry - VaultEntry`,
        '',
        `${TAGGED_CATEGORY} tag Thread notes.*.body body`,
      ],
    },
    {
      name: 'branded types from settings',
      settings: { compliance: { sensitiveData: { brands: ['Secret'] } } },
      code: `
        import type { Secret, ApiCredential, ServiceConfig } from './models.js';
        declare const secret: Secret<string>;
        declare const plain: Secret;
        declare const credential: ApiCredential;
        declare const config: ServiceConfig;
        declare const maybe: Secret | undefined;
        declare const raw: string & { __brand: 'Secret' };
        declare const other: string & { __brand: 'Public' };
        probeType(secret);
        probeType(plain);
        probeType(credential);
        probePaths(config);
        probeSafe(config);
        probeType(maybe);
        probeType(raw);
        probeType(other);
      `,
      expected: [
        'credentials brand Secret<string> - Secret',
        'credentials brand Secret - Secret',
        'credentials brand ApiCredential - Secret',
        [
          'credentials brand ServiceConfig credential credential',
          'credentials brand ServiceConfig fallback fallback',
          'credentials brand ServiceConfig history.* history',
        ].join(' | '),
        'port',
        'credentials brand Secret - Secret',
        'credentials brand string & { __brand: "Secret"; } - Secret',
        'none',
      ],
    },
    {
      name: 'brands are not sensitive unless configured',
      code: `
        import type { Secret, ServiceConfig } from './models.js';
        declare const secret: Secret<string>;
        declare const config: ServiceConfig;
        probeType(secret);
        probeType(config);
      `,
      expected: ['none', 'none'],
    },
    {
      name: 'a custom brand category comes from its name',
      settings: { compliance: { sensitiveData: { brands: ['Opaque', 'lib.Password'] } } },
      code: `
        interface Opaque { value: string }
        interface Password { value: string }
        declare const opaque: Opaque;
        declare const password: Password;
        probeType(opaque);
        probeType(password);
      `,
      expected: [`${TAGGED_CATEGORY} brand Opaque - Opaque`, 'credentials brand Password - Password'],
    },
    {
      name: 'no sensitive field, primitives, Date, any, unknown',
      code: `
        import type { Order, User } from './models.js';
        declare const order: Order;
        declare const user: User;
        declare const anything: any;
        declare const something: unknown;
        probeType(order);
        probeType(user.passwordHash);
        probeType(user.lastLoginAt);
        probeType(new Date());
        probeType(42);
        probeType('password');
        probeType(anything);
        probeType(something);
        probeSafe(anything);
        probeSafe(42);
        probeSafe(new Date());
        probeSafe(() => 1);
        probePaths(anything);
      `,
      expected: ['none', 'none', 'none', 'none', 'none', 'none', 'none', 'none', 'undefined', 'undefined', 'undefined', 'undefined', 'empty'],
    },
    {
      name: 'object literals, Record and index signatures, generics, errors',
      code: `
        import { AuthError, type User, type UserMap, type Tree } from './models.js';
        declare const map: UserMap;
        declare const tree: Tree;
        declare const error: AuthError;
        function generic<T extends User>(value: T) { probeType(value); }
        function unconstrained<T>(value: T) { probeType(value); }
        probeType({ id: 1, apiKey: 'k' });
        probeSafe({ id: 1, apiKey: 'k', nested: { token: 't' }, ok: { fine: true } });
        probeType(map);
        probeType(tree);
        probeType(error);
        probeType(new Map<string, User>());
      `,
      expected: [
        'credentials type User passwordHash passwordHash',
        'none',
        'credentials type - apiKey apiKey',
        'id,ok',
        'credentials type UserMap *.passwordHash passwordHash',
        'none',
        'credentials type AuthError refreshToken refreshToken',
        'none',
      ],
    },
    {
      name: 'types from node_modules: one level, and framework objects skipped',
      code: `
        import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
        import type { Request } from 'express';
        declare const headers: IncomingHttpHeaders;
        declare const message: IncomingMessage;
        declare const req: Request;
        declare const wrapped: { headers: IncomingHttpHeaders };
        probeType(headers);
        probeType(message);
        probeType(req);
        probeType(wrapped);
        probeType(req.headers);
        probeType(Buffer.from('x'));
      `,
      expected: [
        'credentials type IncomingHttpHeaders authorization authorization',
        'none',
        'none',
        'credentials type IncomingHttpHeaders headers.authorization authorization',
        'credentials type IncomingHttpHeaders authorization authorization',
        'none',
      ],
    },
    {
      name: 'odd code never throws',
      code: `
        declare const broken: NotAType;
        probeType(broken);
        probeType(undefined);
        probeType(null);
        probeSafe(null);
        probePaths(probeType);
      `,
      expected: ['none', 'none', 'none', 'undefined', 'empty'],
    },
  ]);
});
