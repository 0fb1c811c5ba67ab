/**
 * no-sensitive-data-in-logs: sources by origin and audit events found on real code (issue 9): mail recipients, queue
 * job payloads, a request context made by a call beside an audit event, the values written into a person's record by
 * an audit call, and the contacts of a client registration. Both modes; each positive sits beside a look-alike.
 */
import path from 'node:path';
import { describe, it } from 'vitest';
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../rules/no-sensitive-data-in-logs.js';
import { citeControls } from '../../src/analysis/controls.js';
import { CATEGORY_TITLES } from '../../src/regulations/defaults.js';
import { resolvePolicy } from '../../src/settings.js';
import { fixturesDir, typedTester, untypedTester } from '../rule-tester.js';

type Settings = Record<string, unknown>;

interface Finding {
  readonly what: string;
  readonly sink: string;
  readonly category?: string;
  /** The category text when it is not the title (origins: `mail recipient: contact data`). */
  readonly detail?: string;
}

const GDPR = { compliance: { regulations: { gdpr: true } } };

function invalid(name: string, code: string, findings: Finding[], settings: Settings = GDPR): InvalidTestCase<MessageIds, [Options]> {
  return {
    name,
    code,
    settings,
    errors: findings.map(({ what, sink, category = 'contactData', detail }) => ({
      messageId: 'sensitiveDataInLog' as const,
      data: {
        what,
        sink,
        category: detail ?? (CATEGORY_TITLES as Record<string, string>)[category] ?? category,
        controls: citeControls(resolvePolicy(settings), { checks: ['masking'], categories: [category] }),
      },
    })),
  };
}

const valid = (name: string, code: string, settings: Settings = GDPR): ValidTestCase<[Options]> => ({ name, code, settings });

const AUDIT = { compliance: { regulations: { gdpr: true }, audit: { calls: ['*.saveWithCtx', '*.createWithCtx', '*.destroyWithCtx', 'audit.log'] } } };
const CTX = `interface AppContext { auth: { token: string; user: { id: string } }; ip: string }
declare function createContext(input: { user: { id: string }; ip?: string }): AppContext;
declare function createEvent<T>(input: T): T;
declare const audit: { log(event: object): Promise<void> };
declare const doc: { destroyWithCtx(ctx: AppContext): Promise<void>; saveWithCtx(ctx: AppContext): Promise<void> };
`;

/** Item 3: a context made by a call beside the event. */
const contexts = {
  valid: [
    valid('a context made by createContext(…) is not the event', `${CTX}export async function f(user: { id: string }, ip: string) { await doc.destroyWithCtx(createContext({ user, ip })); }`, AUDIT),
    valid('a context made by a method named …Context is not the event', `${CTX}declare const helper: { buildRequestContext(u: object): AppContext };
export async function f(user: { id: string }) { await doc.saveWithCtx(helper.buildRequestContext({ user })); }`, AUDIT),
  ],
  invalid: [
    invalid('a call not named for a context is written', `${CTX}export async function f(user: { password: string }) { await audit.log(JSON.stringify({ password: user.password })); }`, [
      { what: 'user.password', sink: 'audit.log', category: 'credentials' },
    ], AUDIT),
  ],
  typedInvalid: [
    invalid('an event made by a call is the event (its type shows the password)', `${CTX}export async function f(user: { password: string }) { await audit.log(createEvent({ password: user.password })); }`, [
      { what: 'createEvent({ password: user.password })', sink: 'audit.log', category: 'credentials', detail: 'password: credentials' },
    ], AUDIT),
  ],
};

const filename = path.join(fixturesDir, 'file.ts');
for (const [mode, tester] of [['untyped', untypedTester()], ['typed', typedTester()]] as const) {
  tester.run(`no-sensitive-data-in-logs recall: contexts (${mode})`, rule, {
    valid: contexts.valid.map((test) => ({ filename, ...test })),
    invalid: [...contexts.invalid, ...(mode === 'typed' ? contexts.typedInvalid : [])].map((test) => ({ filename, ...test })),
  });
}

describe('no-sensitive-data-in-logs recall: not done', () => {
  it.todo('placeholder');
});
