/**
 * Log sinks (`createSinkDetector(...).sinkOf`) on real parses: a probe rule reports every call that is a sink as
 * `kind name` (plus ` args=N` when fewer arguments are logged than passed, and ` redact@I=a.b|c` for pino redaction).
 * Every case runs untyped and typed (real pino, winston, @nestjs/common, fastify… types from tests/fixtures); `typed`
 * gives the typed-mode reports where they differ. Each positive sits beside a look-alike negative.
 */
import path from 'node:path';
import type { RuleTester } from '@typescript-eslint/rule-tester';
import { ESLintUtils, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { createSinkDetector, parseRedactPath, redactCovers, type Sink } from '../../src/analysis/sinks.js';
import { getPolicy } from '../../src/settings.js';
import { fixturesDir, typedTester, untypedTester } from '../rule-tester.js';

const PROBE_FILE = path.join(fixturesDir, 'sinks/probe.ts');

function describeSink(sink: Sink, call: TSESTree.CallExpression): string {
  let text = `${sink.kind} ${sink.name}`;
  if (sink.args.length !== call.arguments.length) text += ` args=${sink.args.length}`;
  if (sink.redact) text += ` redact@${sink.redact.argumentIndex}=${sink.redact.paths.map((segments) => segments.join('.')).join('|')}`;
  return text;
}

const probeRule = ESLintUtils.RuleCreator.withoutDocs<[], 'sink'>({
  meta: { type: 'problem', messages: { sink: '{{sink}}' }, schema: [] },
  create(context) {
    const detector = createSinkDetector(context, getPolicy(context));
    return {
      CallExpression(node) {
        const sink = detector.sinkOf(node);
        if (sink) context.report({ node, messageId: 'sink', data: { sink: describeSink(sink, node) } });
      },
    };
  },
});

interface Case {
  readonly name: string;
  readonly code: string;
  /** Reports in source order (both modes, unless `typed` is given). */
  readonly hits: readonly string[];
  /** Reports in typed mode, where they differ. */
  readonly typed?: readonly string[];
  readonly settings?: Record<string, unknown>;
}

const modes: ReadonlyArray<readonly ['untyped' | 'typed', (settings?: Record<string, unknown>) => RuleTester]> = [
  ['untyped', untypedTester],
  ['typed', typedTester],
];

function runCases(cases: readonly Case[]): void {
  for (const [mode, tester] of modes) {
    describe(mode, () => {
      for (const item of cases) {
        const hits = mode === 'typed' && item.typed ? item.typed : item.hits;
        const test = { code: item.code, filename: PROBE_FILE };
        tester(item.settings).run(
          item.name,
          probeRule,
          hits.length === 0
            ? { valid: [test], invalid: [] }
            : { valid: [], invalid: [{ ...test, errors: hits.map((sink) => ({ messageId: 'sink' as const, data: { sink } })) }] },
        );
      }
    });
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// Unit: redact paths
// ---------------------------------------------------------------------------------------------------------------------

describe('parseRedactPath', () => {
  it.each([
    ['password', ['password']],
    ['user.password', ['user', 'password']],
    ['*.password', ['*', 'password']],
    ['req.headers.authorization', ['req', 'headers', 'authorization']],
    ['req.headers["x-api-key"]', ['req', 'headers', 'x-api-key']],
    ["a['b.c'].d", ['a', 'b.c', 'd']],
    ['users[*].ssn', ['users', '*', 'ssn']],
    ['items[0].card', ['items', '0', 'card']],
    ['a.*.c', ['a', '*', 'c']],
  ])('%s', (text, segments) => {
    expect(parseRedactPath(text)).toEqual(segments);
  });

  it.each(['', 'a["b', 'a[b', 'a[]'])('malformed %j', (text) => {
    expect(parseRedactPath(text)).toBeUndefined();
  });
});

describe('redactCovers', () => {
  const paths = [['user', 'password'], ['*', 'token'], ['secret'], ['req', 'headers', 'authorization']];

  it.each([
    [['user', 'password'], true],
    [['user', 'password', 'hash'], true],
    [['account', 'token'], true],
    [['secret'], true],
    [['secret', 'value'], true],
    [['req', 'headers', 'authorization'], true],
    [['user'], false],
    [['password'], false],
    [['token'], false],
    [['a', 'b', 'token'], false],
    [['user', 'email'], false],
    [['req', 'headers'], false],
    [['req', 'headers', 'cookie'], false],
  ])('%j → %s', (logged, covered) => {
    expect(redactCovers(paths, logged)).toBe(covered);
  });

  it('a wildcard matches exactly one segment; an empty list covers nothing', () => {
    expect(redactCovers([['*']], ['anything'])).toBe(true);
    expect(redactCovers([['*', '*', 'password']], ['a', 'password'])).toBe(false);
    expect(redactCovers([], ['password'])).toBe(false);
    expect(redactCovers([[]], ['password'])).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------------------------------
// console
// ---------------------------------------------------------------------------------------------------------------------

describe('console', () => {
  runCases([
    {
      name: 'log methods',
      code: `declare const user: unknown;
console.log(user); console.info(user); console.warn(user); console.error(user);
console.debug(user); console.trace(user); console.dir(user); console.table([user]);
console.group(user); console.timeLog('t', user);`,
      hits: [
        'console console.log', 'console console.info', 'console console.warn', 'console console.error',
        'console console.debug', 'console console.trace', 'console console.dir', 'console console.table',
        'console console.group', 'console console.timeLog',
      ],
    },
    { name: 'assert logs the arguments after the condition', code: 'declare const user: unknown; console.assert(false, "bad", user);', hits: ['console console.assert args=2'] },
    {
      name: 'labels only: time, timeEnd, count, countReset, groupEnd, clear',
      code: "console.time('t'); console.timeEnd('t'); console.count('c'); console.countReset('c'); console.groupEnd(); console.clear();",
      hits: [],
    },
    { name: 'through globalThis', code: 'declare const user: unknown; globalThis.console.log(user);', hits: ['console globalThis.console.log'] },
    {
      name: 'new Console() of node:console',
      code: "import { Console } from 'node:console'; declare const user: unknown; const out = new Console(process.stdout); out.log(user); out.time('x');",
      hits: ['console out.log'],
    },
    {
      name: 'a shadowing parameter named console is not the console',
      code: 'function f(console: { log(x: unknown): void }, user: unknown) { console.log(user); }',
      hits: [],
    },
    {
      name: 'a bound console method',
      code: "declare const user: unknown; const print = console.log.bind(console); print(user); const other = JSON.stringify.bind(JSON); other(user); const { warn, time } = console; warn(user); time('t');",
      hits: ['console print', 'console warn'],
    },
  ]);
});

// ---------------------------------------------------------------------------------------------------------------------
// pino
// ---------------------------------------------------------------------------------------------------------------------

describe('pino', () => {
  runCases([
    {
      name: 'pino() instance, child loggers and their bindings; not flush, isLevelEnabled, bindings',
      code: `import pino from 'pino';
declare const user: unknown;
const logger = pino();
logger.info(user); logger.trace(user); logger.debug(user); logger.warn(user); logger.error(user); logger.fatal(user);
logger.child({ a: 1 }).warn(user);
const child = logger.child({ module: 'db' });
child.error(user);
logger.flush(); logger.isLevelEnabled('info'); logger.bindings(); logger.silent(user);`,
      hits: [
        'pino logger.info', 'pino logger.trace', 'pino logger.debug', 'pino logger.warn', 'pino logger.error', 'pino logger.fatal',
        'pino logger.child({ a: 1 }).warn', 'pino logger.child', 'pino logger.child', 'pino child.error',
      ],
    },
    {
      name: 'pino.default(), a named import, require, any local name',
      code: `import P from 'pino';
import { pino as makeLogger } from 'pino';
declare const user: unknown;
const a = P.default(); a.info(user);
const b = makeLogger({ level: 'debug' }); b.warn(user);
const pinoRequired = require('pino');
const c = pinoRequired(); c.error(user);
P.destination(1).write('x');`,
      hits: ['pino a.info', 'pino b.warn', 'pino c.error'],
    },
    {
      name: 'custom levels from the creation',
      code: "import pino from 'pino'; declare const user: unknown; const logger = pino({ customLevels: { metric: 35 } }); logger.metric(user); logger.other(user);",
      hits: ['pino logger.metric'],
    },
    {
      name: 'reassigned loggers are not followed (the name still counts)',
      code: "import pino from 'pino'; declare const user: unknown; let logger = pino(); logger = pino(); logger.info(user);",
      hits: ['logger logger.info'],
      typed: ['pino logger.info'],
    },
  ]);
});

// ---------------------------------------------------------------------------------------------------------------------
// winston, bunyan, log4js, loglevel, npmlog, debug, consola, signale
// ---------------------------------------------------------------------------------------------------------------------

describe('other libraries', () => {
  runCases([
    {
      name: 'winston: createLogger, module-level methods, logger.log(level, msg, meta); not add, profile, transports',
      code: `import winston from 'winston';
declare const user: unknown;
const logger = winston.createLogger({ level: 'info' });
logger.info('created', user); logger.log('info', 'created', user); logger.warning(user);
logger.add(new winston.transports.Console()); logger.profile('x');
winston.info(user); winston.warn(user); winston.add(new winston.transports.Console());
const transport = new winston.transports.Console(); transport.log(user, () => {});
winston.loggers.get('db').error(user);`,
      hits: [
        'winston logger.info', 'winston logger.log', 'winston logger.warning', 'winston winston.info', 'winston winston.warn',
        "winston winston.loggers.get('db').error",
      ],
    },
    {
      name: 'winston: named createLogger and child',
      code: "import { createLogger } from 'winston'; declare const user: unknown; const log = createLogger(); log.warn(user); log.child({ a: 1 }).http(user);",
      hits: ['winston log.warn', 'winston log.child({ a: 1 }).http', 'winston log.child'],
    },
    {
      name: 'bunyan',
      code: "import bunyan from 'bunyan'; declare const user: unknown; const log = bunyan.createLogger({ name: 'app' }); log.info(user); log.child({ a: 1 }).error(user); log.level();",
      hits: ['bunyan log.info', 'bunyan log.child({ a: 1 }).error', 'bunyan log.child'],
    },
    {
      name: 'log4js',
      code: "import log4js from 'log4js'; declare const user: unknown; const logger = log4js.getLogger('app'); logger.info(user); logger.mark(user); log4js.configure('x'); logger.isDebugEnabled();",
      hits: ['log4js logger.info', 'log4js logger.mark'],
    },
    {
      name: 'loglevel: the default import and getLogger',
      code: "import log from 'loglevel'; declare const user: unknown; log.info(user); log.getLogger('db').warn(user); log.setLevel('info'); log.getLevel();",
      hits: ['loglevel log.info', "loglevel log.getLogger('db').warn"],
    },
    {
      name: 'npmlog',
      code: "import npmlog from 'npmlog'; declare const user: unknown; npmlog.info('prefix', 'message', user); npmlog.http('fetch', user); npmlog.enableColor();",
      hits: ['npmlog npmlog.info', 'npmlog npmlog.http'],
    },
    {
      name: 'debug: instances are sinks, the factory is not',
      code: `import debug from 'debug';
declare const user: unknown;
const dbg = debug('app');
dbg('user %o', user);
dbg.extend('db')(user);
debug('app:z')(user);
debug.enable('app');
const createDebug = require('debug');
const trace = createDebug('x'); trace(user);`,
      hits: ['debug dbg', "debug dbg.extend('db')", "debug debug('app:z')", 'debug trace'],
    },
    {
      name: 'consola',
      code: `import { consola, createConsola } from 'consola';
declare const user: unknown;
consola.info(user); consola.success(user); createConsola().warn(user); consola.withTag('db').error(user);
consola.wrapConsole(); consola.level;`,
      hits: ['consola consola.info', 'consola consola.success', 'consola createConsola().warn', "consola consola.withTag('db').error"],
    },
    {
      name: 'signale',
      code: `import signale from 'signale';
import { Signale } from 'signale';
declare const user: unknown;
signale.info(user); new Signale({ scope: 's' }).success(user); signale.scope('db').note(user); signale.time('t'); signale.config({});`,
      hits: ['signale signale.info', "signale new Signale({ scope: 's' }).success", "signale signale.scope('db').note"],
    },
  ]);
});

// ---------------------------------------------------------------------------------------------------------------------
// NestJS
// ---------------------------------------------------------------------------------------------------------------------

describe('NestJS Logger', () => {
  runCases([
    {
      name: 'static and instance (class field initialized with new Logger)',
      code: `import { Injectable, Logger } from '@nestjs/common';
declare const user: unknown;
Logger.log('boot', user); Logger.error(user); Logger.overrideLogger(false); Logger.flush();
@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);
  create(input: unknown) {
    this.logger.log(input);
    this.logger.verbose(input);
    this.logger.localInstance.fatal(input);
  }
}`,
      hits: ['nest Logger.log', 'nest Logger.error', 'nest this.logger.log', 'nest this.logger.verbose'],
      // typed: `localInstance` is a LoggerService
      typed: ['nest Logger.log', 'nest Logger.error', 'nest this.logger.log', 'nest this.logger.verbose', 'nest this.logger.localInstance.fatal'],
    },
    {
      name: 'constructor assignment',
      code: `import { Logger } from '@nestjs/common';
export class Jobs {
  private readonly out: Logger;
  constructor() { this.out = new Logger('jobs'); }
  run(input: unknown) { this.out.warn(input); }
}`,
      hits: ['nest this.out.warn'],
    },
    {
      name: 'injected Logger and LoggerService: by type (typed), by the conventional name (untyped)',
      code: `import { Logger, type LoggerService } from '@nestjs/common';
class AppLogger implements LoggerService { log() {} error() {} warn() {} }
export class Orders {
  constructor(private readonly logger: Logger, private readonly sink: LoggerService, private readonly custom: AppLogger) {}
  place(order: unknown) { this.logger.warn(order); this.sink.error(order); this.custom.log(order); }
}`,
      hits: ['logger this.logger.warn'],
      typed: ['nest this.logger.warn', 'nest this.sink.error', 'nest this.custom.log'],
    },
  ]);
});

// ---------------------------------------------------------------------------------------------------------------------
// Fastify and pino-http
// ---------------------------------------------------------------------------------------------------------------------

const FASTIFY_REDACT = 'redact@0=req.headers.authorization|user.password';

describe('Fastify and pino-http', () => {
  runCases([
    {
      name: 'app.log, request.log, reply.log, plugin instance.log inherit the app redact',
      code: `import Fastify from 'fastify';
declare const user: unknown;
const app = Fastify({ logger: { redact: ['req.headers.authorization', 'user.password'] } });
app.log.info({ user });
app.get('/', async (request, reply) => { request.log.info({ user }); reply.log.warn('done'); return 'ok'; });
app.route({ method: 'POST', url: '/x', handler: async ({ log }) => { log.error({ user }); } });
app.register(async (instance) => { instance.log.error({ user }); });`,
      hits: [
        `fastify app.log.info ${FASTIFY_REDACT}`,
        `fastify request.log.info ${FASTIFY_REDACT}`,
        'fastify reply.log.warn',
        `fastify log.error ${FASTIFY_REDACT}`,
        `fastify instance.log.error ${FASTIFY_REDACT}`,
      ],
    },
    {
      name: 'a plugin function declared apart: the one app of the file',
      code: `import Fastify, { type FastifyInstance } from 'fastify';
declare const token: string;
const app = Fastify({ logger: { redact: { paths: ['token'], censor: '***' } } });
async function routes(fastify: FastifyInstance) { fastify.log.info({ token }); }
app.register(routes);`,
      hits: ['fastify fastify.log.info redact@0=token'],
    },
    {
      name: 'loggerInstance: a pino logger',
      code: `import Fastify from 'fastify';
import pino from 'pino';
declare const user: unknown;
const logger = pino({ redact: ['a.b'] });
const app = Fastify({ loggerInstance: logger });
app.log.info({ user }); logger.info({ user });`,
      hits: ['fastify app.log.info redact@0=a.b', 'pino logger.info redact@0=a.b'],
    },
    {
      name: 'without redact; a plugin parameter of an unknown app',
      code: `import Fastify, { type FastifyInstance } from 'fastify';
declare const user: unknown;
const app = Fastify({ logger: true });
app.log.info({ user });
export async function plugin(server: FastifyInstance) { server.log.warn({ user }); }
const other = Fastify();
other.log.error({ user });`,
      // two apps in the file: `server` is not linked to either (typed: by its type)
      hits: ['fastify app.log.info', 'logger server.log.warn', 'fastify other.log.error'],
      typed: ['fastify app.log.info', 'fastify server.log.warn', 'fastify other.log.error'],
    },
    {
      name: 'pino-http: req.log in handlers of the file, the middleware logger',
      code: `import express from 'express';
import { pinoHttp } from 'pino-http';
declare const user: unknown;
const app = express();
const http = pinoHttp({ redact: ['req.headers.cookie'] });
app.use(http);
app.post('/x', (req, res) => { req.log.info({ user }); res.send(user); });
http.logger.warn({ user });`,
      hits: ['pino req.log.info redact@0=req.headers.cookie', 'pino http.logger.warn redact@0=req.headers.cookie'],
    },
    {
      name: 'req.log without pino-http in the file: by name (untyped), by type (typed: pino-http augments IncomingMessage)',
      code: `import type { Request } from 'express';
import type {} from 'pino-http';
export function handler(req: Request, ctx: { log: { info(x: unknown): void } }) { req.log.info(req.body); ctx.log.info(req.body); }`,
      hits: ['logger req.log.info', 'logger ctx.log.info'],
      typed: ['pino req.log.info', 'logger ctx.log.info'],
    },
  ]);
});

// ---------------------------------------------------------------------------------------------------------------------
// Conventional names and look-alikes
// ---------------------------------------------------------------------------------------------------------------------

describe('receivers known by name only', () => {
  runCases([
    {
      name: 'logger, log, this.logger, this.log, req.log, ctx.log, *Logger',
      code: `declare const user: unknown;
export function handler(logger: any, log: any, req: any, ctx: any, appLogger: any, ERROR_LOGGER: any) {
  logger.info(user); log.warn(user); req.log.error(user); ctx.log.debug(user); appLogger.fatal(user); ERROR_LOGGER.notice(user);
}
export class Service {
  logger: any; log: any; _logger: any;
  run() { this.logger.warn(user); this.log.info(user); this._logger.error(user); }
}`,
      hits: [
        'logger logger.info', 'logger log.warn', 'logger req.log.error', 'logger ctx.log.debug', 'logger appLogger.fatal',
        'logger ERROR_LOGGER.notice', 'logger this.logger.warn', 'logger this.log.info', 'logger this._logger.error',
      ],
    },
    {
      name: 'look-alikes: Math.log, flush, level, add, array push, history, changelog, maps, res.send, console.time (child logs its bindings)',
      code: `declare const user: unknown;
export function handler(logger: any, history: any, changelog: any, myMap: any, res: any, dialog: any, blog: any) {
  Math.log(2);
  logger.child({ a: 1 }); logger.flush(); logger.isLevelEnabled('info'); logger.add(user); logger.level(); logger.start();
  history.info(user); changelog.info(user); myMap.error(user); res.send(user); dialog.warn(user); blog.log(user);
  console.time('x');
  const log: string[] = []; log.push('x'); log.error;
  const logs = new Map<string, unknown>(); logs.set('a', user);
}`,
      hits: ['logger logger.child'],
    },
    {
      name: 'a conventional name bound to a known non-logger is not a sink',
      code: "declare const user: unknown; const log = ['a']; log.includes('x'); const logger = 'x'; logger.trim(); const loggerMap = new Map(); loggerMap.get(user);",
      hits: [],
    },
    {
      name: 'a plain call of a function named log is not a sink without a traced creation',
      code: 'declare const user: unknown; declare function log(x: unknown): void; log(user); const logger = (x: unknown) => x; logger(user);',
      hits: [],
    },
  ]);
});

// ---------------------------------------------------------------------------------------------------------------------
// Typed mode: by type, wherever the logger is passed
// ---------------------------------------------------------------------------------------------------------------------

describe('by type', () => {
  runCases([
    {
      name: 'a pino Logger parameter: conventional name (untyped) vs any name (typed)',
      code: `import type { Logger } from 'pino';
declare const user: unknown;
export function work(logger: Logger, sink: Logger) { logger.info(user); sink.warn(user); sink.child({}); }`,
      hits: ['logger logger.info'],
      typed: ['pino logger.info', 'pino sink.warn', 'pino sink.child'],
    },
    {
      name: 'a winston Logger class field',
      code: `import type { Logger } from 'winston';
export class Repo {
  constructor(private readonly logger: Logger, private readonly out: Logger) {}
  save(x: unknown) { this.logger.info(x); this.out.error(x); this.out.add(x as never); }
}`,
      hits: ['logger this.logger.info'],
      typed: ['winston this.logger.info', 'winston this.out.error'],
    },
    {
      name: 'other libraries by type',
      code: `import type { FastifyBaseLogger } from 'fastify';
import type Bunyan from 'bunyan';
import type { Logger as Log4js } from 'log4js';
import type { Logger as LogLevel } from 'loglevel';
import type { Logger as NpmLog } from 'npmlog';
import type { Debugger } from 'debug';
import type { ConsolaInstance } from 'consola';
import type { Signale } from 'signale';
declare const user: unknown;
export function all(a: FastifyBaseLogger, b: Bunyan, c: Log4js, d: LogLevel, e: NpmLog, f: Debugger, g: ConsolaInstance, h: Signale, i: Console) {
  a.info(user); b.info(user); c.info(user); d.info(user); e.info('p', user); f(user); g.info(user); h.info(user); i.log(user);
  a.child({}); c.isDebugEnabled(); d.setLevel('info'); f.extend('x'); i.time('x');
}`,
      hits: [],
      typed: [
        'fastify a.info', 'bunyan b.info', 'log4js c.info', 'loglevel d.info', 'npmlog e.info', 'debug f', 'consola g.info', 'signale h.info', 'console i.log',
        'fastify a.child',
      ],
    },
    {
      name: 'types that are not loggers: arrays, strings, other classes',
      code: `declare const user: unknown;
class Registry { log(x: unknown) { return x; } info(x: unknown) { return x; } }
export function f(log: string[], logger: Registry, history: History) { log.push('x'); logger.info(user); history.back(); }`,
      // A project class with log methods under a conventional name still counts (a wrapper of a logger).
      hits: ['logger logger.info'],
    },
  ]);
});

// ---------------------------------------------------------------------------------------------------------------------
// Pino redact
// ---------------------------------------------------------------------------------------------------------------------

describe('pino redact', () => {
  runCases([
    {
      name: 'forms: array, { paths }, const arrays and options, spreads, brackets; child inherits and overrides',
      code: `import pino from 'pino';
declare const user: { password: string };
const a = pino({ redact: ['user.password', 'req.headers["x-api-key"]'] });
a.info({ user });
const b = pino({ redact: { paths: ['*.token'], censor: '[x]' } });
b.info({ user });
const REDACT = ['card.number'] as const;
const c = pino({ redact: [...REDACT, 'card.cvv'] });
c.info({ user });
const options = { redact: REDACT };
const d = pino(options);
d.info({ user });
const e = a.child({ m: 1 });
e.warn({ user });
const f = a.child({}, { redact: ['other'] });
f.warn({ user });
declare const dynamic: string;
const g = pino({ redact: [dynamic, 'known'] });
g.info({ user });
const h = pino();
h.info({ user });`,
      hits: [
        'pino a.info redact@0=user.password|req.headers.x-api-key',
        'pino b.info redact@0=*.token',
        'pino c.info redact@0=card.number|card.cvv',
        'pino d.info redact@0=card.number',
        'pino a.child redact@0=user.password|req.headers.x-api-key',
        'pino e.warn redact@0=user.password|req.headers.x-api-key',
        'pino a.child args=1 redact@0=user.password|req.headers.x-api-key',
        'pino f.warn redact@0=other',
        'pino g.info redact@0=known',
        'pino h.info',
      ],
    },
    {
      name: 'redaction applies to the merging object only: not to a message string or its interpolation',
      code: `import pino from 'pino';
declare const user: { password: string };
const logger = pino({ redact: ['password'] });
logger.info(user);
logger.info('user %o', user);
logger.info(\`user \${user.password}\`);
logger.info('a' + user.password);
logger.info();
declare const message: string;
logger.info(message, user);`,
      hits: ['pino logger.info redact@0=password', 'pino logger.info', 'pino logger.info', 'pino logger.info', 'pino logger.info', 'pino logger.info redact@0=password'],
      // typed: `message` is a string, so it is the message
      typed: ['pino logger.info redact@0=password', 'pino logger.info', 'pino logger.info', 'pino logger.info', 'pino logger.info', 'pino logger.info'],
    },
    {
      name: 'more forms: shorthand redact, options with a destination, import = require, destructured require',
      code: `import pinoModule = require('pino');
declare const user: unknown;
const redact = ['a.b'];
const a = pinoModule({ redact }, pinoModule.destination(2));
a.info({ user });
const { pino } = require('pino');
const b = pino({ redact: { paths: ['c["d"]'] } });
b.info({ user });
const bunyan = require('bunyan');
const c = new bunyan({ name: 'x' });
c.info({ user });
const { createLogger, loggers } = require('winston');
createLogger().error(user); loggers.add('db').warn(user);`,
      hits: ['pino a.info redact@0=a.b', 'pino b.info redact@0=c.d', 'bunyan c.info', 'winston createLogger().error', "winston loggers.add('db').warn"],
    },
    {
      name: 'a class field holding an imported logger',
      code: `import { logger } from './logger.js';
export class Accounts {
  private readonly log = logger;
  open(user: unknown) { this.log.info({ user }); }
}`,
      hits: ['pino this.log.info redact@0=req.headers.authorization|*.password|user.credit-card'],
    },
    {
      name: 'a class field logger',
      code: `import pino from 'pino';
export class Payments {
  private readonly logger = pino({ redact: ['card.number'] });
  charge(card: unknown) { this.logger.info({ card }); }
}`,
      hits: ['pino this.logger.info redact@0=card.number'],
    },
    {
      name: 'a logger imported from another file (imports followed in both modes); an audit logger keeps its redaction',
      code: `import { logger, auditTrail } from './logger.js';
import defaultLogger from './logger.js';
declare const user: { password: string }; declare const token: string;
logger.info({ user });
logger.info('message %s', user.password);
auditTrail.info({ user });
defaultLogger.warn({ token });`,
      hits: [
        'pino logger.info redact@0=req.headers.authorization|*.password|user.credit-card',
        'pino logger.info',
        'audit auditTrail.info redact@0=req.headers.authorization|*.password|user.credit-card',
        'pino defaultLogger.warn redact@0=secret',
      ],
    },
    {
      name: 'a class field of another file, reached through a parameter type (typed only)',
      code: `import type { PaymentService } from './service.js';
declare const card: unknown;
export function pay(svc: PaymentService) { svc.logger.info({ card }); }`,
      hits: ['logger svc.logger.info'],
      typed: ['pino svc.logger.info redact@0=card.number|card.cvv'],
    },
  ]);
});

// ---------------------------------------------------------------------------------------------------------------------
// Audit calls and configured sinks
// ---------------------------------------------------------------------------------------------------------------------

describe('audit calls and configured sinks', () => {
  runCases([
    {
      name: 'the default audit heuristic',
      code: `declare const audit: any; declare function sendAudit(e: unknown): void; declare function getAuditLogs(): void;
declare const event: unknown;
export class A { auditService: any; run() { this.auditService.record(event); } }
audit.log(event); sendAudit(event); getAuditLogs();`,
      hits: ['audit this.auditService.record', 'audit audit.log', 'audit sendAudit'],
    },
    {
      name: 'configured audit calls replace the default',
      code: 'declare const audit: any; declare const event: unknown; audit.record(event); audit.log(event); sendAudit(event);',
      settings: { compliance: { audit: { calls: ['audit.record'] } } },
      hits: ['audit audit.record'],
    },
    {
      name: 'configured sinks: path and import matchers',
      code: `import { emit } from '@acme/obs';
declare const telemetry: any; declare const other: any; declare const user: unknown;
telemetry.track(user); emit(user); other.track(user);`,
      settings: { compliance: { logging: { sinks: ['telemetry.track', { import: '@acme/obs', name: 'emit' }] } } },
      hits: ['configured telemetry.track', 'configured emit'],
    },
  ]);
});

// ---------------------------------------------------------------------------------------------------------------------
// Robustness
// ---------------------------------------------------------------------------------------------------------------------

describe('odd code', () => {
  runCases([
    {
      name: 'computed callees, calls of calls, optional chains, cycles',
      code: `declare const user: unknown; declare const k: string; declare const logger: any;
logger[k](user); (() => 0)(); logger?.info?.(user); (logger as any).warn(user);
const a: any = b; const b: any = a; a.info(user);
[].forEach(() => {}); new Date().toString();`,
      hits: ['logger logger?.info', 'logger (logger as any).warn'],
    },
  ]);
});
