/**
 * `logger.child(bindings)`: the bindings go into every line the child logs, so the call is a sink on its first
 * argument, for the loggers whose record has `bindingsMethods` (pino, Fastify, winston, bunyan, and a logger known by
 * its name). Both modes.
 */
import { describe } from 'vitest';
import { runProbe } from './probe.js';

describe('logger.child(bindings) logs its bindings', () => {
  runProbe([
    {
      name: 'pino child: the bindings only, not the options',
      code: `import pino from 'pino';
const logger = pino();
export function f(user: unknown) { const log = logger.child({ user }, { level: 'info' }); log.info('x'); }`,
      hits: ['pino logger.child [{ user }]', "pino log.info ['x']"],
    },
    {
      name: 'winston and bunyan children',
      code: `import { createLogger } from 'winston'; import bunyan from 'bunyan';
const w = createLogger(); const b = bunyan.createLogger({ name: 'a' });
export function f(user: unknown) { w.child({ user }); b.child({ user }); }`,
      hits: ['winston w.child [{ user }]', 'bunyan b.child [{ user }]'],
    },
    {
      name: 'a logger known by its name',
      code: `export function f(logger: any, ctx: unknown) { logger.child(ctx); }`,
      hits: ['logger logger.child [ctx]'],
    },
    {
      name: 'look-alikes: child of something that is not a logger; child methods that take a name',
      code: `import log from 'loglevel'; import { consola } from 'consola';
export function f(tree: any, node: unknown, user: string) { tree.child(node); log.getLogger(user); consola.withTag(user); const xs: unknown[] = []; xs.push(user); }`,
      hits: [],
    },
    {
      name: 'typed: a pino Logger under any name',
      code: `import type { Logger } from 'pino';
export function f(out: Logger, user: unknown) { out.child({ user }); }`,
      hits: [],
      typed: ['pino out.child [{ user }]'],
    },
  ]);
});
