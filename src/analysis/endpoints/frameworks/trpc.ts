/**
 * tRPC: procedures `.mutation(resolver)` / `.query(resolver)` on builders (`publicProcedure.input(z…)`,
 * `t.procedure.use(mw)`), named by the router record holding them. The resolver's `({ ctx })`: user on `ctx.user` or
 * `ctx.session.user`, client on `ctx.ip` or the request in `ctx.req`.
 */
import type { EndpointMethod } from '../types.js';
import type { FrameworkRecord } from './types.js';

export const trpc = {
  framework: 'trpc',
  kind: 'app',
  packages: ['@trpc/server', '@trpc/'],
  /** The package declaring procedure builders (typed mode). */
  server: '@trpc/server',
  /** Procedure kinds and the method each is. */
  procedures: new Map<string, EndpointMethod>([
    ['mutation', 'MUTATION'],
    ['query', 'QUERY'],
  ]),
  /** Builder methods that return a builder; those adding middleware. */
  builderMethods: new Set(['input', 'output', 'use', 'meta', 'concat', 'unstable_concat']),
  middlewareMethods: new Set(['use', 'concat', 'unstable_concat']),
  /** Names of builder roots (`publicProcedure`, `procedure`) and of the tRPC instance's builder (`t.procedure`). */
  procedureName: /(?:^p|P)rocedure$/u,
  instanceProperty: 'procedure',
  instanceName: 't',
  initName: 'initTRPC',
  /** Calls building a router record: a callee whose name ends in `router`. */
  routerCall: /router$/iu,
  /** Context paths, most specific first (typed: the first the context type has). */
  actorPaths: [['user', 'id'], ['session', 'user', 'id']],
  // A mutation's `input` is the request payload; a query's is a filter.
  requestDataEntries: { payloadCallbacks: { methods: ['mutation'], property: 'input' } },
  sources: [
    { path: ['ip'] },
    { path: ['req', 'ip'] },
    { path: ['req', 'headers', 'get'], call: "'x-forwarded-for'" },
    { path: ['req', 'socket', 'remoteAddress'] },
  ] as readonly { readonly path: readonly string[]; readonly call?: string }[],
} as const satisfies FrameworkRecord & Record<string, unknown>;
