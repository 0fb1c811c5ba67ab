/** Which calls mask their arguments: configured functions, plain names as methods and first words, hash digests. */
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { createMaskingDetector, isDigestChain, isMaskingCall, maskingNames } from '../../../src/analysis/flow/masking-calls.js';
import { getPolicy, resolvePolicy } from '../../../src/settings.js';
import { lintProbe } from './lint-probe.js';

const SETTINGS = { compliance: { masking: { functions: ['hash', 'redactEmail', 'pii.scrub', { import: '@acme/pii', name: 'scrub' }] } } };

function masking(code: string): boolean[] {
  return lintProbe(
    code,
    (context, args) => {
      const detector = createMaskingDetector(context, getPolicy(context));
      return args.map(arg => isMaskingCall(detector, arg as TSESTree.CallExpression));
    },
    { settings: SETTINGS },
  );
}

describe('isMaskingCall', () => {
  it('a configured function by name, path or import', () => {
    expect(
      masking(`
        import { scrub as clean } from '@acme/pii';
        declare const pii: any, x: string;
        declare function redactEmail(x: string): string;
        probe(redactEmail(x));
        probe(pii.scrub(x));
        probe(clean(x));
      `),
    ).toEqual([true, true, true]);
  });

  it('a one-word plain name as a method or as the first word of a name; not inside another word', () => {
    expect(
      masking(`
        declare const bcrypt: any, x: string;
        declare function hashToken(x: string): string;
        declare function hashtag(x: string): string;
        declare function rehash(x: string): string;
        declare function maskedValue(x: string): string;
        probe(bcrypt.hash(x));
        probe(hashToken(x));
        probe(hashtag(x));
        probe(rehash(x));
        probe(maskedValue(x));
      `),
    ).toEqual([true, true, false, false, false]);
  });

  it('the digest of a createHash / createHmac chain, not any digest', () => {
    expect(
      masking(`
        import { createHash, createHmac } from 'node:crypto';
        declare const x: string, key: string, other: any;
        probe(createHash('sha256').update(x).digest('hex'));
        probe(createHmac('sha256', key).update(x).digest('base64'));
        probe(other.update(x).digest('hex'));
        probe(createHash('sha256').update(x));
      `),
    ).toEqual([true, true, false, false]);
  });

  it('answers once per call (cached in the detector)', () => {
    const [first, second, size] = lintProbe(
      `declare function redactEmail(x: string): string; probe(redactEmail('a'));`,
      (context, args) => {
        const detector = createMaskingDetector(context, getPolicy(context));
        const call = args[0] as TSESTree.CallExpression;
        const a = isMaskingCall(detector, call);
        detector.matcher = { matches: () => undefined }; // a second ask must not consult the matcher again
        return [a, isMaskingCall(detector, call), isDigestChain(call) ? 1 : 0];
      },
      { settings: SETTINGS },
    );
    expect([first, second, size]).toEqual([true, true, 0]);
  });
});

describe('maskingNames', () => {
  it('the plain names of a policy, and the one-word ones in lower case; computed once per policy', () => {
    const policy = resolvePolicy(SETTINGS);
    const names = maskingNames(policy);
    // The defaults (mask, redact, …) come first; the configured ones are added.
    expect([...names.names]).toEqual(expect.arrayContaining(['mask', 'hash', 'redactEmail']));
    expect([...names.words]).toEqual(expect.arrayContaining(['mask', 'hash']));
    expect(names.words.has('redactemail')).toBe(false);
    expect(maskingNames(policy)).toBe(names);
    const defaults = maskingNames(resolvePolicy({}));
    expect(maskingNames(resolvePolicy({ compliance: { masking: { functions: ['*.obscure', 'vault.seal'] } } })).names).toEqual(defaults.names);
  });
});
