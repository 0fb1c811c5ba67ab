/** The HTTP-framework endpoint adapters, in the order their endpoints are reported (the records' order). */
import { HTTP_ADAPTERS } from './adapters.js';
import { expressAdapter } from './express.js';
import { fastifyAdapter } from './fastify.js';
import { honoAdapter } from './hono.js';
import { koaAdapter } from './koa.js';
import type { EndpointAdapter } from './types.js';

export { expressAdapter, fastifyAdapter, honoAdapter, koaAdapter };

export const httpAdapters: readonly EndpointAdapter[] = HTTP_ADAPTERS;
