import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance } from '../../src/util/did-you-mean.js';

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['', 'abc', 3],
    ['abc', '', 3],
    ['audit', 'audit', 0],
    ['adit', 'audit', 1],
    ['kitten', 'sitting', 3],
    ['hippa', 'hipaa', 1],
    ['adiut', 'audit', 2],
    ['flaw', 'lawn', 2],
  ])('%j → %j = %i', (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected);
    expect(editDistance(b, a)).toBe(expected);
  });
});

describe('didYouMean', () => {
  const keys = ['regulations', 'audit', 'endpoints', 'masking', 'sensitiveData', 'logging', 'sensitiveOperations'];

  it('suggests the closest candidate within two edits', () => {
    expect(didYouMean('adit', keys)).toBe('audit');
    expect(didYouMean('loging', keys)).toBe('logging');
    expect(didYouMean('regulation', keys)).toBe('regulations');
    expect(didYouMean('sensitivData', keys)).toBe('sensitiveData');
  });

  it('treats singular and plural alike', () => {
    expect(didYouMean('factory', ['factories'])).toBe('factories');
    expect(didYouMean('call', ['calls', 'wrappers'])).toBe('calls');
  });

  it('suggests a candidate equal ignoring case', () => {
    expect(didYouMean('SensitiveData', keys)).toBe('sensitiveData');
    expect(didYouMean('AUDIT', keys)).toBe('audit');
  });

  it('suggests a candidate the input is a prefix of (three characters or more)', () => {
    const ids = ['soc2', 'hipaa', 'gdpr', 'iso27001', 'pci-dss', 'nist-800-53'];
    expect(didYouMean('pci', ids)).toBe('pci-dss');
    expect(didYouMean('nist', ids)).toBe('nist-800-53');
    expect(didYouMean('pcidss', ids)).toBe('pci-dss');
    expect(didYouMean('hippa', ids)).toBe('hipaa');
    expect(didYouMean('pc', ids)).toBeUndefined();
  });

  it('prefers the smaller distance, then the earlier candidate', () => {
    expect(didYouMean('cat', ['cart', 'cat2', 'ca'])).toBe('cart');
    expect(didYouMean('actr', ['actor', 'action'])).toBe('actor');
    expect(didYouMean('logs', ['logsink', 'logs2'])).toBe('logs2');
  });

  it('does not suggest far-away names or for very short input', () => {
    expect(didYouMean('xyz', keys)).toBeUndefined();
    expect(didYouMean('retention', keys)).toBeUndefined();
    expect(didYouMean('a', ['add', 'ab'])).toBe('ab');
    expect(didYouMean('x', ['add'])).toBeUndefined();
  });

  it('never suggests the input itself', () => {
    expect(didYouMean('audit', ['audit'])).toBeUndefined();
  });
});
