/**
 * The adapter of each framework: the code that finds its registrations (where the path and the handler sit). Which
 * frameworks there are, and in which order their endpoints are reported, is the records' (`frameworks/index.ts`).
 */
import { expressAdapter } from './express.js';
import { factoryAdapter } from './factories.js';
import { fastifyAdapter } from './fastify.js';
import { FRAMEWORKS } from './frameworks/index.js';
import { honoAdapter } from './hono.js';
import { koaAdapter } from './koa.js';
import { nestAdapter } from './nest.js';
import { nextAdapter } from './next.js';
import { trpcAdapter } from './trpc.js';
import type { EndpointAdapter, Framework } from './types.js';

export const ADAPTERS: Readonly<Record<Framework, EndpointAdapter>> = {
  express: expressAdapter,
  fastify: fastifyAdapter,
  koa: koaAdapter,
  hono: honoAdapter,
  nest: nestAdapter,
  next: nextAdapter,
  trpc: trpcAdapter,
  factory: factoryAdapter,
};

/** The adapters of `frameworks`, in that order. */
export function adaptersOf(frameworks: readonly Framework[]): EndpointAdapter[] {
  return frameworks.map((framework) => ADAPTERS[framework]);
}

/** HTTP adapters (registrations on an app / router), in record order. */
export const HTTP_ADAPTERS: readonly EndpointAdapter[] = adaptersOf(FRAMEWORKS.httpFrameworks);
/** The application adapters (NestJS, Next.js, tRPC, the team's factories), in record order. */
export const APP_ADAPTERS: readonly EndpointAdapter[] = adaptersOf(FRAMEWORKS.appFrameworks);
