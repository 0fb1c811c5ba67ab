/**
 * NestJS adapter: controller methods and GraphQL resolvers, in both modes against the real @nestjs/common and
 * @nestjs/graphql types. Each case asserts exactly which endpoints are recognized, where, and with what.
 */
import { describe, expect, it } from 'vitest';
import { nestAdapter } from '../../../src/analysis/endpoints/nest.js';
import { typedTester, untypedTester } from '../../rule-tester.js';
import { at, endpoint, fixture, lines, lintTruncations, probeRule, type ProbeInvalid } from './probe-app.js';

const filename = fixture('nest/users.controller.ts');
const rule = probeRule();

const controller = lines(
  "import { Body, Controller, Delete, Get, Ip, Param, Patch, Post, Query, Req } from '@nestjs/common';",
  '',
  'interface AuthedRequest { user?: { id: string }; ip: string }',
  '',
  "@Controller('users')",
  'export class UsersController {',
  "  @Patch(':id/role')",
  "  setRole(@Param('id') id: string, @Req() req: AuthedRequest, @Body() body: { role: string }) { return { id, req, body }; }",
  '',
  '  @Post()',
  '  create(@Ip() ip: string, @Body() body: unknown) { return { ip, body }; }',
  '',
  "  @Get(':id')",
  "  find(@Param('id') id: string, @Query() query: unknown) { return { id, query }; }",
  '',
  "  @Delete(['/:id/', 'remove/:id'])",
  '  async remove() { return null; }',
  '',
  '  helper() { return 1; }',
  '}',
);

const aliases = lines(
  "import * as nest from '@nestjs/common';",
  "import { Controller as Ctl, Post as HttpPost, UseInterceptors } from '@nestjs/common';",
  '',
  'class AuditInterceptor {}',
  '',
  "@Ctl({ path: '/admin/' })",
  '@UseInterceptors(AuditInterceptor)',
  'export class AdminController {',
  "  @HttpPost('reset')",
  '  reset() { return 1; }',
  '',
  "  @nest.Put('/settings/')",
  '  @nest.HttpCode(204)',
  '  update() { return 2; }',
  '',
  '  @nest.All()',
  '  any() { return 3; }',
  '',
  "  @nest.Head('h')",
  "  @nest.Options('o')",
  '  probe() { return 4; }',
  '}',
);

const resolver = lines(
  "import { createParamDecorator } from '@nestjs/common';",
  "import { Args, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';",
  '',
  "const CurrentUser = createParamDecorator(() => ({ id: 'u1' }));",
  '',
  '@Resolver()',
  'export class UserResolver {',
  "  @Mutation(() => String, { name: 'renameUser' })",
  "  rename(@Args('name') name: string, @CurrentUser() user: { id: string }) { return name + user.id; }",
  '',
  '  @Mutation(() => Boolean)',
  "  deleteUser(@CurrentUser('id') userId: string) { return userId.length > 0; }",
  '',
  "  @Query('me')",
  '  currentUser() { return 1; }',
  '',
  '  @ResolveField()',
  '  posts() { return []; }',
  '}',
);

/** Paths from constants are read; paths the file cannot know name the method instead. */
const constants = lines(
  "import { Controller, Get, Post } from '@nestjs/common';",
  '',
  "const BASE = 'projects';",
  'declare const ROUTES: { create: string };',
  '',
  '@Controller(BASE)',
  'export class ProjectsController {',
  '  @Post(ROUTES.create)',
  '  create() { return 1; }',
  '',
  '  @Get(`${BASE}/x`)',
  '  list() { return 2; }',
  '}',
  '',
  '@Controller()',
  'export class RootController {',
  "  @Get(':id')",
  '  health() { return 1; }',
  '',
  '  @Post()',
  '  root() { return 2; }',
  '}',
);

/** No import at all: untyped and typed (the checker cannot resolve the names) fall back to the decorator names. */
const unimported = lines(
  "@Controller('audit')",
  'class AuditController {',
  '  @Post()',
  '  record() { return 1; }',
  '}',
  'export { AuditController };',
);

const expressRequest = lines(
  "import type { Request } from 'express';",
  "import { Controller, Delete, Req } from '@nestjs/common';",
  '',
  "@Controller('sessions')",
  'export class SessionsController {',
  "  @Delete(':id')",
  '  revoke(@Req() req: Request) { return req.params; }',
  '}',
);

/** Through a project barrel (`nest/http.ts` re-exports Post as HttpPost): only the checker sees it is NestJS's. */
const barrel = lines(
  "import { Controller, HttpPost } from './http';",
  '',
  "@Controller('things')",
  'export class ThingsController {',
  '  @HttpPost()',
  '  create() { return 1; }',
  '}',
);

const lookAlikes = [
  // @Post in a class that is not a controller
  lines("import { Post } from '@nestjs/common';", 'export class NotAController {', '  @Post()', '  create() { return 1; }', '}'),
  // A class named *Controller without the decorator
  lines('export class UsersController {', '  create() { return 1; }', '  remove() { return 2; }', '}'),
  // An @Injectable() service
  lines("import { Injectable } from '@nestjs/common';", '@Injectable()', 'export class UsersService {', '  create() { return 1; }', '  delete() { return 2; }', '}'),
  // Post imported from another module is someone else's decorator
  lines(
    "import { Controller } from '@nestjs/common';",
    "import { Post } from './decorators';",
    '@Controller()',
    'export class A {',
    '  @Post()',
    '  create() { return 1; }',
    '}',
  ),
  // A locally declared Post
  lines(
    "import { Controller } from '@nestjs/common';",
    'function Post(): MethodDecorator { return () => undefined; }',
    '@Controller()',
    'export class A {',
    '  @Post()',
    '  create() { return 1; }',
    '}',
  ),
  // GraphQL decorators in a controller, HTTP decorators in a resolver
  lines(
    "import { Controller, Post } from '@nestjs/common';",
    "import { Mutation, Resolver } from '@nestjs/graphql';",
    '@Controller()',
    'export class A {',
    '  @Mutation(() => String)',
    '  m() { return 1; }',
    '}',
    '@Resolver()',
    'export class B {',
    '  @Post()',
    '  p() { return 1; }',
    '}',
  ),
  // A @Controller from another package
  lines("import { Controller, Post } from 'routing-controllers';", "@Controller('/x')", 'export class A {', '  @Post()', '  p() { return 1; }', '}'),
  // Half-written: @Post() on a property, an empty controller, a constructor and accessors
  lines(
    "import { Controller, Post } from '@nestjs/common';",
    '@Controller()',
    'export class A {',
    '  @Post() handler = async () => 1;',
    '  constructor() {}',
    '  get value() { return 1; }',
    '}',
    '@Controller()',
    'export class Empty {}',
  ),
];

for (const [mode, tester] of [
  ['untyped', untypedTester],
  ['typed', typedTester],
] as const) {
  const typed = mode === 'typed';
  const invalid: ProbeInvalid[] = [
    {
      code: controller,
      filename,
      errors: [
        endpoint({ ...at(controller, 'setRole'), label: 'PATCH /users/:id/role', methods: 'PATCH', decorators: 2, actor: 'req.user?.id', source: 'req.ip' }),
        endpoint({ ...at(controller, 'create('), label: 'POST /users', methods: 'POST', decorators: 2, source: 'ip' }),
        endpoint({ ...at(controller, 'find('), label: 'GET /users/:id', methods: 'GET', decorators: 2 }),
        endpoint({ ...at(controller, 'remove('), label: 'DELETE /users/:id', methods: 'DELETE', decorators: 2 }),
      ],
    },
    {
      code: aliases,
      filename,
      errors: [
        endpoint({ ...at(aliases, 'reset('), label: 'POST /admin/reset', methods: 'POST', decorators: 3 }),
        endpoint({ ...at(aliases, 'update('), label: 'PUT /admin/settings', methods: 'PUT', decorators: 4 }),
        endpoint({ ...at(aliases, 'any('), label: 'ALL /admin', methods: 'ALL', decorators: 3 }),
        endpoint({ ...at(aliases, 'probe('), label: 'HEAD /admin/h', methods: 'HEAD', decorators: 4 }),
        endpoint({ ...at(aliases, 'probe('), label: 'OPTIONS /admin/o', methods: 'OPTIONS', decorators: 4 }),
      ],
    },
    {
      code: resolver,
      filename,
      errors: [
        // With types, `user` is `{ id: string }` (never nullish): `user.id`.
        endpoint({ ...at(resolver, 'rename('), label: 'GraphQL mutation renameUser', methods: 'MUTATION', decorators: 2, actor: typed ? 'user.id' : 'user?.id' }),
        endpoint({ ...at(resolver, 'deleteUser('), label: 'GraphQL mutation deleteUser', methods: 'MUTATION', decorators: 2, actor: 'userId' }),
        endpoint({ ...at(resolver, 'currentUser('), label: 'GraphQL query me', methods: 'QUERY', decorators: 2 }),
      ],
    },
    {
      code: constants,
      filename,
      errors: [
        endpoint({ ...at(constants, 'create('), label: 'POST ProjectsController.create', methods: 'POST', decorators: 2 }),
        endpoint({ ...at(constants, 'list('), label: 'GET ProjectsController.list', methods: 'GET', decorators: 2 }),
        endpoint({ ...at(constants, 'health('), label: 'GET /:id', methods: 'GET', decorators: 2 }),
        endpoint({ ...at(constants, 'root('), label: 'POST /', methods: 'POST', decorators: 2 }),
      ],
    },
    {
      code: unimported,
      filename,
      errors: [endpoint({ ...at(unimported, 'record'), label: 'POST /audit', methods: 'POST', decorators: 2 })],
    },
    {
      // Express's Request has no `user`: with types no actor is named (the suggestion must type-check).
      code: expressRequest,
      filename,
      errors: [
        endpoint({
          ...at(expressRequest, 'revoke'),
          label: 'DELETE /sessions/:id',
          methods: 'DELETE',
          decorators: 2,
          ...(typed ? {} : { actor: 'req.user?.id' }),
          source: 'req.ip',
        }),
      ],
    },
  ];
  if (typed) {
    invalid.push({ code: barrel, filename, errors: [endpoint({ ...at(barrel, 'create('), label: 'POST /things', methods: 'POST', decorators: 2 })] });
  }

  describe(`nest adapter (${mode})`, () => {
    tester().run('nest', rule, {
      valid: [...lookAlikes.map((code) => ({ code, filename })), ...(typed ? [] : [{ code: barrel, filename }])],
      invalid,
    });
  });
}

describe('nest adapter robustness', () => {
  it('never throws on truncated controllers and resolvers', () => {
    expect(lintTruncations([controller, aliases, resolver, constants, ...lookAlikes], filename)).toBeGreaterThan(100);
  });

  it('is registered as the nest framework', () => {
    expect(nestAdapter.framework).toBe('nest');
  });
});
