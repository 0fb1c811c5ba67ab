/** Flow answers and how they combine: join, re-anchor, nest, embed; node descriptions and simple chains. */
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import {
  anchored,
  describeNode,
  embedded,
  type FlowResult,
  type FlowSource,
  isSimpleChain,
  joinResults,
  MAX_SOURCES,
  SAFE_LITERAL,
  SAFE_MASK,
  SAFE_REDUCTION,
  under,
  UNKNOWN,
} from '../../../src/analysis/flow/result.js';
import { lintProbe } from './lint-probe.js';

const NODE = { type: 'Identifier', name: 'x' } as unknown as TSESTree.Node;
const OTHER = { type: 'Identifier', name: 'y' } as unknown as TSESTree.Node;

function source(path: string[] = [], name = 'password'): FlowSource {
  return { kind: 'value', match: { category: 'credentials', name, via: 'name' }, origin: name, node: NODE, viaVariable: false, path, masked: false };
}

const found = (...sources: FlowSource[]): FlowResult => ({ safe: false, sources });

describe('joinResults', () => {
  it('keeps every source; safe only when every part is, by the first reason', () => {
    expect(joinResults([SAFE_REDUCTION, SAFE_MASK])).toEqual({ safe: true, safeBy: 'reduction', sources: [] });
    expect(joinResults([SAFE_LITERAL, UNKNOWN])).toBe(UNKNOWN);
    expect(joinResults([])).toBe(UNKNOWN);
    expect(joinResults([SAFE_LITERAL, found(source())]).sources).toHaveLength(1);
  });

  it('bounds the sources kept', () => {
    const many = Array.from({ length: MAX_SOURCES + 10 }, (_, index) => found(source([], `token${index}`)));
    expect(joinResults(many).sources).toHaveLength(MAX_SOURCES);
  });
});

describe('anchored, under, embedded', () => {
  it('anchored re-anchors sources at the use, through a variable, with a path prefix; no sources: unchanged', () => {
    const result = anchored(found({ ...source(['a']), typedObject: NODE }), OTHER, ['p']);
    expect(result.sources[0]).toMatchObject({ node: OTHER, viaVariable: true, path: ['p', 'a'], typedObject: undefined });
    expect(anchored(SAFE_MASK, OTHER)).toBe(SAFE_MASK);
  });

  it('under prefixes the path with the key, `*` when it is unknown', () => {
    expect(under(found(source(['b'])), 'a').sources[0]?.path).toEqual(['a', 'b']);
    expect(under(found(source()), undefined).sources[0]?.path).toEqual(['*']);
    expect(under(SAFE_LITERAL, 'a')).toBe(SAFE_LITERAL);
  });

  it('embedded resets paths (the value is inside a string); an unknown part stays unknown, a safe one safe', () => {
    expect(embedded(found(source(['a', 'b']))).sources[0]?.path).toEqual([]);
    const flat = source();
    expect(embedded(found(flat)).sources[0]).toBe(flat);
    expect(embedded(SAFE_LITERAL)).toBe(SAFE_LITERAL);
    expect(embedded({ safe: false, sources: [] })).toBe(UNKNOWN);
  });
});

describe('describeNode and isSimpleChain', () => {
  it('collapses whitespace and shortens long text', () => {
    const texts = lintProbe(
      `probe(user
        .password); probe(${'a'.repeat(60)});`,
      (context, args) => args.map(arg => describeNode(context.sourceCode, arg)),
    );
    expect(texts[0]).toBe('user .password');
    expect(texts[1]).toHaveLength(48);
    expect(texts[1]?.endsWith('…')).toBe(true);
  });

  it('a chain of static names is simple; a call, a computed key or a private name is not', () => {
    const simple = lintProbe(
      `probe(user); probe(this.user.name); probe(req['body'].x); probe(user!.name); probe(get().name); probe(user[key]); probe(x.y.#z);`,
      (_context, args) => args.map(arg => isSimpleChain(arg)),
    );
    expect(simple).toEqual([true, true, true, true, false, false, false]);
  });
});
