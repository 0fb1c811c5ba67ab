/**
 * Log wrappers (src/analysis/logging/detector/wrappers.ts, wrapper-summary.ts): a function whose parameter reaches a
 * sink is a sink on those arguments, same file and across files (tests/fixtures/sinks/wrappers.ts), both modes.
 */
import { describe } from 'vitest';
import { runProbe } from './probe.js';

describe('same-file wrappers', () => {
  runProbe([
    {
      name: 'a function declaration and a const arrow: the arguments at the positions that reach the sink',
      code: `declare const user: unknown; declare const note: string;
function logIt(label: string, data: unknown) { console.log(data); return label; }
const warnIt = (message: string) => console.warn(\`warn: \${message}\`);
logIt('x', user); warnIt(note); warnIt('only a literal');`,
      hits: ['console console.log [data]', 'console console.warn [`warn: ${message}`]', 'console logIt [user]', 'console warnIt [note]'],
    },
    {
      name: 'a class method called through this; a local built from the parameter',
      code: `export class Service {
  private log(entry: unknown) { const line = { entry, at: Date.now() }; console.log(line); }
  run(user: unknown) { this.log(user); }
}`,
      hits: ['console console.log [line]', 'console this.log [user]'],
    },
    {
      name: 'rest parameters spread, arguments forwarded with apply',
      code: `declare const user: unknown;
function all(...args: unknown[]) { console.info(...args); }
function old(a: unknown) { console.log.apply(console, arguments as unknown as unknown[]); return a; }
all('a', user); old(user);`,
      hits: ['console console.info [...args]', 'console console.log [arguments as unknown as unknown[]]', "console all ['a', user]", 'console old [user]'],
    },
    {
      name: 'look-alikes: a parameter that is not logged, a function that only formats, recursion',
      code: `declare const user: unknown;
function ping(x: unknown) { console.log('ping'); return x; }
function fmt(a: unknown) { return String(a); }
function loop(a: unknown): unknown { return a ? loop(a) : a; }
ping(user); fmt(user); loop(user);`,
      hits: ["console console.log ['ping']"],
    },
    {
      name: 'look-alikes: only a member of the parameter is logged, the parameter is handed to another call, a destructured parameter, a long body',
      code: `declare const ctx: unknown; declare const user: unknown;
function viaMember(c: { ip: string }) { console.log(c.ip); }
function viaCall(c: unknown, u: { token(c: unknown): string }) { console.log(\`token \${u.token(c)}\`); }
function destructured({ a, b }: { a: unknown; b: unknown }) { console.log(a); return b; }
function rendered(c: unknown) { console.log(JSON.stringify(c)); }
viaMember({ ip: '1' }); viaCall(ctx, { token: () => '' }); destructured({ a: user, b: ctx }); rendered(user);`,
      hits: ['console console.log [c.ip]', 'console console.log [`token ${u.token(c)}`]', 'console console.log [a]', 'console console.log [JSON.stringify(c)]', 'console rendered [user]'],
    },
    {
      name: 'look-alikes: a parameter only tested, compared or hashed before the write; the branches of a conditional are written',
      code: `declare const audit: { record(e: unknown): void }; declare function hashOf(v: string): string; declare const email: string; declare const id: string;
function byHash(userId: string, mail?: string) { const actor = userId === 'unknown' && mail ? hashOf(mail) : userId; audit.record({ actor, known: typeof mail, has: !mail }); }
function either(userId: string, mail?: string) { audit.record({ actor: mail ? mail : userId }); }
byHash(id, email); either(id, email);`,
      hits: ['audit audit.record [{ actor, known: typeof mail, has: !mail }]', 'audit audit.record [{ actor: mail ? mail : userId }]', 'audit byHash [id]', 'audit either [id, email]'],
    },
    {
      name: "the written properties of an options parameter: an object literal passed there has those values checked",
      code: `declare const audit: { record(e: unknown): void }; declare const email: string; declare const id: string; declare const opts: { comment: string };
function recordActivity(o: { userId: string; comment: string; ip: string }) { audit.record({ user: o.userId, comment: o.comment, n: o.comment.length }); }
recordActivity({ userId: id, comment: \`granted to \${email}\`, ip: '1' }); recordActivity(opts as never); recordActivity({ userId: id, comment: 'literal', ip: email });`,
      hits: ['audit audit.record [{ user: o.userId, comment: o.comment, n: o.comment.length }]', 'audit recordActivity [id, `granted to ${email}`]', 'audit recordActivity [id]'],
    },
    {
      name: 'an audit wrapper: the request context passed to it is not logged',
      code: `declare const audit: { record(e: unknown): void }; declare const req: unknown; declare const event: unknown;
function recordFor(request: unknown, entry: unknown) { audit.record(entry); audit.record(request); }
recordFor(req, event);`,
      hits: ['audit audit.record [entry]', 'audit audit.record []', 'audit recordFor [event]'],
    },
  ]);
});

describe('wrappers in another file', () => {
  runProbe([
    {
      name: 'named, default, namespace imports; a wrapper of a wrapper; a class method',
      code: `import report, { logInfo, logData, logUser, debugAll, legacy, AppLog } from './wrappers.js';
import * as w from './wrappers.js';
declare const user: unknown; declare const note: string;
logInfo('hello', user); logData('label', user); logUser(user); debugAll('a', user); legacy(note); report(user); w.logInfo('x', user);
new AppLog().log(user);`,
      hits: [
        "pino logInfo ['hello', user]", 'console logData [user]', 'pino logUser [user]', "console debugAll ['a', user]", 'console legacy [note]',
        'pino report [user]', "pino w.logInfo ['x', user]",
      ],
      // Typed: the method of an instance resolves by its symbol.
      typed: [
        "pino logInfo ['hello', user]", 'console logData [user]', 'pino logUser [user]', "console debugAll ['a', user]", 'console legacy [note]',
        'pino report [user]', "pino w.logInfo ['x', user]", 'console new AppLog().log [user]',
      ],
    },
    {
      name: 'look-alikes in another file: ping, format, size',
      code: `import { ping, format, AppLog } from './wrappers.js';
declare const user: unknown;
ping(user); format('a', user); new AppLog().size([user]);`,
      hits: [],
    },
  ]);
});
