/** Names: classification over the word lists, the per-policy cache, and the name a node goes by. */
import { describe, expect, it } from 'vitest';
import { classifyName, getterSubject, MAX_CACHED_NAMES, nodeName } from '../../../src/analysis/sensitive-data/names.js';
import { META_SUFFIXES, NON_SECRET_ENV, PREDICATE_PREFIXES, QUALIFIERS } from '../../../src/analysis/sensitive-data/words.js';
import { resolvePolicy } from '../../../src/settings.js';
import { lintProbe } from '../flow/lint-probe.js';

const POLICY = resolvePolicy({ compliance: { regulations: { soc2: true, gdpr: true, 'pci-dss': true } } });

describe('classifyName and the word lists', () => {
  it('a pattern is the data; a meta word after it, a predicate before it or a qualifier makes a look-alike', () => {
    expect(classifyName('resetToken', POLICY)?.category).toBe('credentials');
    expect(META_SUFFIXES.has('expires')).toBe(true);
    expect(classifyName('tokenExpires', POLICY)).toBeUndefined();
    expect(PREDICATE_PREFIXES.has('has')).toBe(true);
    expect(classifyName('hasToken', POLICY)).toBeUndefined();
    expect(QUALIFIERS.get('token')?.before?.has('page')).toBe(true);
    expect(classifyName('nextPageToken', POLICY)).toBeUndefined();
    expect(classifyName('pageTokenSecret', POLICY)?.category).toBe('credentials');
  });

  it('answers a name once per policy: the same frozen match object every time', () => {
    const first = classifyName('apiKey', POLICY);
    expect(first).toBeDefined();
    expect(Object.isFrozen(first)).toBe(true);
    expect(classifyName('apiKey', POLICY)).toBe(first);
    const other = resolvePolicy({ compliance: { regulations: { soc2: true } } });
    expect(classifyName('apiKey', other)).not.toBe(first);
  });

  it('stays right when the bounded cache fills and is cleared', () => {
    const policy = resolvePolicy({ compliance: { regulations: { soc2: true, hipaa: true } } });
    for (let index = 0; index <= MAX_CACHED_NAMES; index += 1) classifyName(`field${index}`, policy);
    expect(classifyName('password', policy)?.category).toBe('credentials');
    expect(classifyName('passwordLength', policy)).toBeUndefined();
  });
});

describe('getterSubject', () => {
  it("the part of a getter's name that says what it returns; words after by/for/from talk about the arguments", () => {
    expect(getterSubject('getApiKey')).toBe('ApiKey');
    expect(getterSubject('get_secret')).toBe('secret');
    expect(getterSubject('getEmailSigninToken')).toBe('EmailSigninToken');
    expect(getterSubject('getTokenFromHeader')).toBe('token');
    expect(getterSubject('getUserByEmail')).toBe('user');
    expect(getterSubject('getByEmail')).toBeUndefined();
    expect(getterSubject('hasToken')).toBeUndefined();
    expect(getterSubject('getter')).toBeUndefined();
    expect(classifyName(getterSubject('getEmailSigninToken') ?? '', POLICY)?.category).toBe('credentials');
    expect(classifyName(getterSubject('getTokenExpiry') ?? '', POLICY)).toBeUndefined();
    expect(classifyName(getterSubject('getUserByEmail') ?? '', POLICY)).toBeUndefined();
  });
});

describe('nodeName', () => {
  it('the identifier or the static last member name; not process.env.PWD, which is a directory', () => {
    expect(NON_SECRET_ENV.has('PWD')).toBe(true);
    const names = lintProbe(
      `declare const user: any, password: string, key: string, config: any;
       probe(password); probe(user.password); probe(user!['api-key']); probe(process.env.PWD); probe(config.env.PWD); probe(user[key]); probe(f());`,
      (_context, args) => args.map(arg => nodeName(arg)),
    );
    expect(names).toEqual(['password', 'password', 'api-key', undefined, 'PWD', undefined, undefined]);
  });
});
