/**
 * The application-framework adapters: NestJS controllers and GraphQL resolvers, Next.js route handlers / API routes /
 * server actions, tRPC procedures, and the team's own factories and route tables, in the records' order. The router
 * adapters (Express, Fastify, Koa, Hono) are listed beside them by the session.
 */
import { APP_ADAPTERS } from './adapters.js';
import type { EndpointAdapter } from './types.js';

export const appAdapters: readonly EndpointAdapter[] = APP_ADAPTERS;
