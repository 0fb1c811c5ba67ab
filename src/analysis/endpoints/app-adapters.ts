/**
 * The application-framework adapters: NestJS controllers and GraphQL resolvers, Next.js route handlers / API routes /
 * server actions, tRPC procedures, and the team's own factories and route tables. The router adapters (Express,
 * Fastify, Koa, Hono) are listed beside them by `require-endpoint-audit`.
 */
import { factoryAdapter } from './factories.js';
import { nestAdapter } from './nest.js';
import { nextAdapter } from './next.js';
import { trpcAdapter } from './trpc.js';
import type { EndpointAdapter } from './types.js';

export const appAdapters: readonly EndpointAdapter[] = [nestAdapter, nextAdapter, trpcAdapter, factoryAdapter];
