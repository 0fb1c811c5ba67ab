/** `sourcesOf` on expressions read directly: names, members, literals, templates, operators, objects, arrays. */
import { describe, expect, it } from 'vitest';
import { sourcesOf } from '../../../src/analysis/flow/expressions.js';
import { flowState, probeFlow } from './flow-probe.js';
import { lintProbe } from './lint-probe.js';

describe('sourcesOf: names and members', () => {
  it('names a sensitive identifier or member, not a look-alike that only talks about it', () => {
    expect(
      probeFlow(`
        declare const user: any, password: string;
        probe(user.password);
        probe(password);
        probe(user.passwordLength);
        probe(user.passwordPolicy);
      `),
    ).toEqual(['value credentials user.password [] at user.password', 'value credentials password [] at password', 'unknown', 'unknown']);
  });

  it('reads sizes, negations, typeof and comparisons as reductions', () => {
    expect(
      probeFlow(`
        declare const user: any;
        probe(user.password.length);
        probe(!user.password);
        probe(typeof user.password);
        probe(user.password === 'x');
        probe(-user.password);
      `),
    ).toEqual(['safe:reduction', 'safe:reduction', 'safe:reduction', 'safe:reduction', 'value credentials user.password [] at user.password']);
  });

  it('looks through type wrappers and await; literals, functions and `undefined` are safe', () => {
    expect(
      probeFlow(`
        declare const user: any;
        probe((user as any).token);
        probe(user!.token);
        probe('password');
        probe(() => user.password);
        probe(undefined);
        probe(user.tokenType);
      `),
    ).toEqual([
      'value credentials (user as any).token [] at (user as any).token',
      'value credentials user!.token [] at user!.token',
      'safe:literal',
      'safe:literal',
      'safe:literal',
      'unknown',
    ]);
  });
});

describe('sourcesOf: composition', () => {
  it('embeds sources in templates and concatenations (path reset), not in a plain template', () => {
    expect(
      probeFlow(`
        declare const user: any;
        probe(\`token=\${user.token}\`);
        probe('pw: ' + user.password);
        probe(\`plain\`);
        probe(\`id=\${user.id}\`);
      `),
    ).toEqual([
      'value credentials user.token [] at user.token',
      'value credentials user.password [] at user.password',
      'safe:literal',
      'unknown',
    ]);
  });

  it('puts object and array members under their key or index; an unseen value under a sensitive key is a key source', () => {
    expect(
      probeFlow(`
        declare const user: any, session: any, x: any;
        probe({ user: { password: user.password } });
        probe([1, user.ssn]);
        probe({ token: x });
        probe({ tokenCount: x });
        probe({ ...session.accessToken });
      `),
    ).toEqual([
      'value credentials user.password [user.password] at user.password',
      'value governmentIds user.ssn [1] at user.ssn',
      'key credentials token: x [token] at token: x',
      'unknown',
      'value credentials session.accessToken [] at session.accessToken',
    ]);
  });

  it('takes either side of `||` and `??` and both branches of a conditional, the right side of `&&`', () => {
    expect(
      probeFlow(`
        declare const user: any, ok: boolean;
        probe(user.token || 'none');
        probe(user.token && 'set');
        probe(ok ? user.apiKey : 'n/a');
        probe(ok ? 'yes' : 'no');
      `),
    ).toEqual(['value credentials user.token [] at user.token', 'safe:literal', 'value credentials user.apiKey [] at user.apiKey', 'safe:literal']);
  });
});

describe('sourcesOf: the state', () => {
  it('caches answers per node in the state, and a fresh state answers the same', () => {
    const [same, equal] = lintProbe(
      `declare const user: any; probe({ a: user.password });`,
      (context, args) => {
        const state = flowState(context);
        const first = sourcesOf(state, args[0]!);
        const again = sourcesOf(state, args[0]!);
        const fresh = sourcesOf(flowState(context), args[0]!);
        return [first === again, JSON.stringify(first.sources.map(s => s.path)) === JSON.stringify(fresh.sources.map(s => s.path))];
      },
      { settings: { compliance: { regulations: { soc2: true } } } },
    );
    expect(same).toBe(true);
    expect(equal).toBe(true);
  });

  it('stops at the nesting bound instead of overflowing the stack (a shallower source is still found)', () => {
    const chain = (count: number) => Array.from({ length: count }, (_, index) => `a${index}`);
    const code = (count: number) => `declare const ${chain(count).join(', ')}: string, password: string; probe(password + ${chain(count).join(' + ')});`;
    expect(probeFlow(code(250))).toEqual(['unknown']);
    expect(probeFlow(code(100))).toEqual(['value credentials password [] at password']);
  });
});
