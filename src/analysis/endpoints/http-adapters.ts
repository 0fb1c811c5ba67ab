/** The HTTP-framework endpoint adapters, in the order their endpoints are reported. */
import { expressAdapter } from './express.js';
import { fastifyAdapter } from './fastify.js';
import { honoAdapter } from './hono.js';
import { koaAdapter } from './koa.js';
import type { EndpointAdapter } from './types.js';

export { expressAdapter, fastifyAdapter, honoAdapter, koaAdapter };

export const httpAdapters: readonly EndpointAdapter[] = [expressAdapter, fastifyAdapter, koaAdapter, honoAdapter];
