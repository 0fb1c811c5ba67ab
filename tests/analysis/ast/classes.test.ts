/** enclosingClass: the class a `this` refers to. */
import { describe, expect, it } from 'vitest';
import { enclosingClass } from '../../../src/analysis/ast/classes.js';
import { queryAt } from '../../fixes/toolkit/harness.js';

const AT = 'CallExpression[callee.name="here"]';
const className = (code: string): string | undefined => queryAt(code, AT, (_c, node) => enclosingClass(node)?.id?.name);

describe('enclosingClass', () => {
  it('is the class around a method, through arrows and into property initializers', () => {
    expect(className('class A { m() { here(); } }')).toBe('A');
    expect(className('class A { m() { const f = () => () => here(); } }')).toBe('A');
    expect(className('class A { x = here(); }')).toBe('A');
    expect(className('class A { x = function () { here(); }; }')).toBe('A');
  });

  it('stops at a plain function, which has its own `this`', () => {
    expect(className('class A { m() { function inner() { here(); } } }')).toBeUndefined();
    expect(className('class A { m() { [1].map(function () { here(); }); } }')).toBeUndefined();
  });

  it('is the innermost class', () => {
    expect(className('class A { m() { return class B { n() { here(); } }; } }')).toBe('B');
    expect(className('here();')).toBeUndefined();
  });
});
