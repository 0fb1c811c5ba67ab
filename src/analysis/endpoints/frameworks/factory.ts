/**
 * The team's own endpoint factories (`settings.compliance.endpoints.factories`: `createHandler(async (req) => …)`,
 * curried `createApiRequestHandler(schema)(fn)`) and route tables (`this.route({ method, path, handler })`). The
 * method comes from the name the endpoint is stored under; actor and source only as far as the request's type shows.
 */
import type { EndpointMethod } from '../types.js';
import type { FrameworkRecord } from './types.js';

export const factory = {
  framework: 'factory',
  kind: 'app',
  packages: [],
  requestContext: [
    {
      names: ['req'],
      parameter: 0,
      actor: { path: ['user', 'id'], text: (req: string) => `${req}.user?.id`, typedOnly: true },
      source: { path: ['ip'], text: (req: string) => `${req}.ip`, typedOnly: true },
    },
  ],
  /** First words of a name and the method they mean. Only clear verbs: anything else is `ALL` (audited as state-changing). */
  verbWords: new Map<string, EndpointMethod>([
    ['get', 'GET'],
    ['head', 'HEAD'],
    ['options', 'OPTIONS'],
    ['post', 'POST'],
    ['put', 'PUT'],
    ['patch', 'PATCH'],
    ['delete', 'DELETE'],
    ['list', 'GET'],
    ['find', 'GET'],
    ['search', 'GET'],
    ['read', 'GET'],
    ['create', 'POST'],
    ['add', 'POST'],
    ['insert', 'POST'],
    ['update', 'PUT'],
    ['edit', 'PUT'],
    ['modify', 'PUT'],
    ['replace', 'PUT'],
    ['remove', 'DELETE'],
    ['destroy', 'DELETE'],
    ['del', 'DELETE'],
  ]),
  /** Route-table methods on `this`, and the keys of an entry. */
  tableMethods: new Set(['route', 'routes']),
  /** Registration verbs whose argument is a route's handler (left to the router's adapter). */
  routeVerbs: new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'all', 'head', 'options']),
} as const satisfies FrameworkRecord & Record<string, unknown>;
