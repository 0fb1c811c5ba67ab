/** The typed questions of the flow: boolean values, nullable values, the display name of a type. Untyped: all false. */
import { describe, expect, it } from 'vitest';
import { isBooleanTyped, isNullable, typeIsNamed } from '../../../src/analysis/flow/types.js';
import { flowState, probeFlow } from './flow-probe.js';
import { lintProbe } from './lint-probe.js';

const CODE = `
  import type { User } from './models.js';
  declare const ok: boolean, maybe: boolean | undefined, name: string, flag: true | null;
  declare const user: User, nullableUser: User | null, users: Promise<User>, wrapped: { user: User };
  probe(ok); probe(maybe); probe(name); probe(flag);
  probe(user); probe(nullableUser); probe(users); probe(wrapped);
`;

describe('flow type questions', () => {
  it('typed: booleans (with null / undefined) are booleans, a string is not; nullable unions are nullable', () => {
    const answers = lintProbe(
      CODE,
      (context, args) => {
        const state = flowState(context);
        return args.map(arg => `${isBooleanTyped(state, arg) ? 'bool' : '-'} ${isNullable(state, arg) ? 'nullable' : '-'}`);
      },
      { typed: true },
    );
    expect(answers).toEqual(['bool -', 'bool nullable', '- -', 'bool nullable', '- -', '- nullable', '- -', '- -']);
  });

  it('typed: the awaited, non-nullable type of a node is displayed under its name; an anonymous wrapper is not', () => {
    const named = lintProbe(CODE, (context, args) => args.slice(4).map(arg => typeIsNamed(flowState(context), arg, 'User')), { typed: true });
    expect(named).toEqual([true, true, true, false]);
  });

  it('typed: a sensitive key over a boolean value is not a source; over a string it is', () => {
    expect(
      probeFlow(
        `
        declare const valid: boolean, value: string;
        probe({ password: valid });
        probe({ password: value });
      `,
        { typed: true },
      ),
    ).toEqual(['unknown', 'key credentials password: value [password] at password: value']);
  });

  it('untyped: every answer is false', () => {
    const answers = lintProbe(CODE, (context, args) => {
      const state = flowState(context);
      return args.some(arg => isBooleanTyped(state, arg) || isNullable(state, arg) || typeIsNamed(state, arg, 'User'));
    });
    expect(answers).toBe(false);
  });
});
