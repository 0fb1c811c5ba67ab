/**
 * NestJS: `@Controller(prefix)` classes with `@Get`, `@Post`, … methods (HTTP), `@Resolver()` classes with
 * `@Mutation` / `@Query` methods (GraphQL). The user from a parameter decorator naming one (`@CurrentUser() user`) or
 * `@Req() req` (`req.user`), the client from `@Ip() ip` or `req.ip`.
 */
import type { EndpointMethod } from '../types.js';
import type { FrameworkRecord } from './types.js';

export const NEST_COMMON = '@nestjs/common';
export const NEST_GRAPHQL = '@nestjs/graphql';

export const nest = {
  framework: 'nest',
  kind: 'app',
  packages: [NEST_COMMON, NEST_GRAPHQL, '@nestjs/'],
  // `@Body() body`, `@Headers() headers` (with no argument: the whole payload, every header).
  requestDataEntries: { bodyDecorators: ['Body'], headerDecorators: ['Headers'] },
  requestContext: [
    {
      names: ['req'],
      actor: { path: ['user', 'id'], text: (req: string) => `${req}.user?.id` },
      source: { path: ['ip'], text: (req: string) => `${req}.ip` },
    },
  ],
  /** Class decorators making a class a controller (HTTP, from `@nestjs/common`) or a resolver (`@nestjs/graphql`). */
  controllers: { http: 'Controller', graphql: 'Resolver' },
  /** Method decorators of HTTP routes and the method each registers. */
  httpDecorators: new Map<string, EndpointMethod>([
    ['Get', 'GET'],
    ['Post', 'POST'],
    ['Put', 'PUT'],
    ['Patch', 'PATCH'],
    ['Delete', 'DELETE'],
    ['All', 'ALL'],
    ['Head', 'HEAD'],
    ['Options', 'OPTIONS'],
  ]),
  graphqlDecorators: new Map<string, EndpointMethod>([
    ['Mutation', 'MUTATION'],
    ['Query', 'QUERY'],
  ]),
  /** Parameter decorators of the request object and the client address. */
  requestDecorators: new Set(['Req', 'Request']),
  ipDecorators: new Set(['Ip']),
  /** Properties read, in order, for the id of a user injected by a decorator whose name says `user`. */
  userIdKeys: ['id', 'userId', 'sub'],
} as const satisfies FrameworkRecord & Record<string, unknown>;
