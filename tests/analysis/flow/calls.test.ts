/** Calls and `new`: masking, reductions, string and copy functions, `.map` callbacks, getters and configuration reads. */
import { describe, expect, it } from 'vitest';
import { returnedBy } from '../../../src/analysis/flow/calls.js';
import { probeFlow } from './flow-probe.js';
import { lintProbe } from './lint-probe.js';

const MASKING = { compliance: { regulations: { soc2: true, 'pci-dss': true, gdpr: true }, masking: { functions: ['mask', 'hash'] } } };

describe('callResult', () => {
  it('masks through a masking function, not through a look-alike name', () => {
    expect(
      probeFlow(
        `
        declare const user: any;
        declare function mask(x: unknown): string;
        declare function masker(x: unknown): string;
        probe(mask(user.password));
        probe(masker(user.password));
      `,
        { settings: MASKING },
      ),
    ).toEqual(['safe:mask', 'unknown']);
  });

  it('keeps unmaskable categories through a masking call, reported at the call', () => {
    expect(
      probeFlow(
        `
        declare const user: any;
        declare function mask(x: unknown): string;
        probe(mask(user.password));
        probe(mask(user.email));
      `,
        { settings: MASKING, unmaskable: new Set(['credentials']) },
      ),
    ).toEqual(['value credentials mask(user.password) [] at mask(user.password) masked', 'safe:mask']);
  });

  it('passes values through string and copy functions; a local function of the same name is unknown', () => {
    expect(
      probeFlow(`
        declare const user: any;
        probe(JSON.stringify({ token: user.token }));
        probe(String(user.password));
        probe(Object.assign({}, { password: user.password }));
        probe(user.token.slice(0, 8));
        probe('Bearer '.concat(user.token));
      `),
    ).toEqual([
      'value credentials user.token [] at user.token',
      'value credentials user.password [] at user.password',
      'value credentials user.password [password] at user.password',
      'value credentials user.token [] at user.token',
      'value credentials user.token [] at user.token',
    ]);
    expect(
      probeFlow(`
        declare const user: any;
        function String(x: unknown) { return 'hidden'; }
        probe(String(user.password));
      `),
    ).toEqual(['unknown']);
  });

  it('reads inspect imported from node:util and format through a util namespace of any name; not an inspect from elsewhere', () => {
    expect(
      probeFlow(`
        import { inspect } from 'node:util';
        import * as u from 'util';
        declare const user: any;
        probe(inspect(user.password));
        probe(u.format('%s', user.password));
      `),
    ).toEqual(['value credentials user.password [] at user.password', 'value credentials user.password [] at user.password']);
    expect(
      probeFlow(`
        import { inspect } from './debug.js';
        import { inspect as show } from 'node:util';
        declare const user: any;
        probe(inspect(user.password));
        probe(show(user.password));
      `),
    ).toEqual(['unknown', 'unknown']);
  });

  it('reductions reveal nothing; `.map` callbacks carry what they return under `*`', () => {
    expect(
      probeFlow(`
        declare const user: any, users: any[];
        probe(user.token.startsWith('x'));
        probe(Boolean(user.token));
        probe(users.map(u => u.email));
        probe(users.map(u => u.id));
      `),
    ).toEqual(['safe:reduction', 'safe:reduction', 'value contactData u.email [*] at u.email', 'unknown']);
  });

  it('names getters and configuration reads by what they return; a meta word makes it a look-alike', () => {
    expect(
      probeFlow(`
        declare const config: any;
        declare function getApiKey(): string;
        declare function getApiKeyLength(): number;
        probe(getApiKey());
        probe(getApiKeyLength());
        probe(config.get('DB_PASSWORD'));
        probe(config.get('DB_HOST'));
      `),
    ).toEqual([
      'value credentials getApiKey() [] at getApiKey()',
      'unknown',
      "value credentials config.get('DB_PASSWORD') [] at config.get('DB_PASSWORD')",
      'unknown',
    ]);
  });

  it('new Error(…) embeds its message; new Map(…) is unknown', () => {
    expect(
      probeFlow(`
        declare const user: any;
        probe(new Error('bad ' + user.token));
        probe(new Map(user.token));
      `),
    ).toEqual(['value credentials user.token [] at user.token', 'unknown']);
  });
});

describe('returnedBy', () => {
  it('the expression an inline callback returns; nothing for a longer body or a reference', () => {
    const texts = lintProbe(
      `probe(u => u.email); probe(function (u) { return u.email; }); probe(u => { log(u); return u.email; }); probe(pick);`,
      (context, args) => args.map(arg => {
        const returned = returnedBy(arg);
        return returned ? context.sourceCode.getText(returned) : '-';
      }),
    );
    expect(texts).toEqual(['u.email', 'u.email', '-', '-']);
  });
});
