/**
 * require-endpoint-audit through the rule, for the application frameworks (NestJS, Next.js, tRPC), the team's own
 * factories and route tables, and the audit shapes of ../shared/PATTERNS.md that they exercise: audits in injected
 * services (1–3 calls down, in other files), persistence helpers, request-bound loggers, transaction callbacks, a
 * services layer shared by some routes only, wrappers, decorators, interceptors, middleware, and the look-alikes.
 *
 * Every case runs untyped (scope analysis + followed imports) and typed (project service over tests/fixtures). The
 * test code replaces a placeholder file of tests/fixtures/rule-app (its path decides what a Next.js file is, and its
 * relative imports resolve to the small app there: audit/, nest/, server/, services/, lib/, models/).
 */
// The rules read the rule map (an import cycle), so the plugin is evaluated first.
import plugin from '../../src/index.js';
import type { InvalidTestCase, RuleTester, TestCaseError, ValidTestCase } from '@typescript-eslint/rule-tester';
import tsParser from '@typescript-eslint/parser';
import { type ESLint, Linter } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import rule, { type MessageIds, type Options } from '../../rules/require-endpoint-audit.js';
import { fixturesDir, typedTester, untypedTester } from '../rule-tester.js';
import { typeErrors } from '../typecheck.js';

type Mode = 'untyped' | 'typed';
type Valid = ValidTestCase<[Options]>;
type Invalid = InvalidTestCase<MessageIds, [Options]>;

const MODES: ReadonlyArray<readonly [Mode, RuleTester]> = [
  ['untyped', untypedTester()],
  ['typed', typedTester()],
];

/** A fixture file of the rule app (it must exist for the typed project; its content is the test code). */
function app(relative: string): string {
  return path.join(fixturesDir, 'rule-app', relative);
}

function lines(...source: string[]): string {
  return source.join('\n');
}

function offsetOf(code: string, needle: string, nth = 0): number {
  let index = -1;
  for (let count = 0; count <= nth; count++) {
    index = code.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`"${needle}" (#${nth}) is not in the test code`);
  }
  return index;
}

/** 1-based line and column of the `nth` occurrence of `needle`: where a report is expected. */
function position(code: string, needle: string, nth = 0): { line: number; column: number } {
  const before = code.slice(0, offsetOf(code, needle, nth)).split('\n');
  return { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
}

/** The code with `text` inserted right before the `nth` occurrence of `needle`: a suggestion's expected output. */
function insertBefore(code: string, needle: string, text: string, nth = 0): string {
  const index = offsetOf(code, needle, nth);
  return code.slice(0, index) + text + code.slice(index);
}

/** With no regulation active, only the OWASP reference is cited. */
const OWASP = ' (OWASP)';
const HIPAA_READS = ' (HIPAA 164.312(b), 164.308(a)(1)(ii)(D); OWASP)';
const PCI_READS = ' (PCI DSS 10.2.1.1; OWASP)';
const HIPAA = { compliance: { regulations: { hipaa: true } } };
const PCI = { compliance: { regulations: { 'pci-dss': true } } };

interface Expected {
  readonly label: string;
  /** The text the report starts at. */
  readonly at: string;
  readonly nth?: number;
  readonly controls?: string;
  /** The whole file after the suggestion; omitted: the report offers no suggestion. */
  readonly output?: string;
}

function missing(code: string, expected: Expected): TestCaseError<MessageIds> {
  return {
    messageId: 'missingAuditCall',
    data: { label: expected.label, controls: expected.controls ?? OWASP },
    ...position(code, expected.at, expected.nth),
    suggestions: expected.output === undefined ? [] : [{ messageId: 'suggestAddAudit', output: expected.output }],
  };
}

/** Runs the cases (built per mode, since typed mode may name more of the request context) in both modes. */
function run(title: string, cases: (mode: Mode) => { valid: Valid[]; invalid: Invalid[] }): void {
  for (const [mode, tester] of MODES) {
    tester.run(`${title} (${mode})`, rule, cases(mode));
  }
}

// =====================================================================================================================
// NestJS
// =====================================================================================================================

const nestFile = app('nest/users.controller.ts');

/** Writes inline and never audits: every state-changing method is reported, on its name. */
const inlineController = lines(
  "import { Body, Controller, Delete, Get, Param, Patch, Post } from '@nestjs/common';",
  '',
  'const users = new Map<string, { name: string; role: string }>();',
  '',
  "@Controller('users')",
  'export class UsersController {',
  '  @Post()',
  '  create(@Body() body: { name: string }) {',
  "    users.set(body.name, { name: body.name, role: 'member' });",
  '  }',
  '',
  "  @Patch(':id/role')",
  "  setRole(@Param('id') id: string, @Body() body: { role: string }) {",
  '    users.set(id, { name: id, role: body.role });',
  '  }',
  '',
  "  @Delete(':id')",
  "  remove(@Param('id') id: string) {",
  '    users.delete(id);',
  '  }',
  '',
  "  @Get(':id')",
  "  find(@Param('id') id: string) {",
  '    return users.get(id);',
  '  }',
  '}',
);

/** Reads only. */
const readOnlyController = lines(
  "import { Controller, Get, Param } from '@nestjs/common';",
  '',
  "@Controller('users')",
  'export class UsersController {',
  "  @Get(':id')",
  "  find(@Param('id') id: string) {",
  '    return { id };',
  '  }',
  '}',
);

/** The same controller, auditing in each method. */
const auditedController = lines(
  "import { Body, Controller, Delete, Param, Patch, Post } from '@nestjs/common';",
  "import { AuditService } from '../audit/audit.service.js';",
  '',
  'const users = new Map<string, { name: string; role: string }>();',
  '',
  "@Controller('users')",
  'export class UsersController {',
  '  constructor(private readonly auditService: AuditService) {}',
  '',
  '  @Post()',
  '  async create(@Body() body: { name: string }) {',
  "    users.set(body.name, { name: body.name, role: 'member' });",
  "    await this.auditService.log({ action: 'user.create', resource: body.name });",
  '  }',
  '',
  "  @Patch(':id/role')",
  "  async setRole(@Param('id') id: string, @Body() body: { role: string }) {",
  '    users.set(id, { name: id, role: body.role });',
  "    await this.auditService.log({ action: 'user.role.update', resource: id });",
  '  }',
  '',
  "  @Delete(':id')",
  "  async remove(@Param('id') id: string) {",
  '    users.delete(id);',
  "    await this.auditService.log({ action: 'user.delete', resource: id });",
  '  }',
  '}',
);

/**
 * Controller → UserService (nest/user.service.ts) → AuditService: `create` audits 1 call down, `remove` 2 (through a
 * private helper), `setRole` 3 (through MembershipService in a third file); `rename` never audits.
 */
const serviceMethods = [
  '  @Post()',
  '  create(@Body() body: { name: string }) {',
  '    return this.userService.create(body.name);',
  '  }',
  '',
  "  @Delete(':id')",
  "  remove(@Param('id') id: string) {",
  '    return this.userService.remove(id);',
  '  }',
  '',
  "  @Patch(':id/role')",
  "  setRole(@Param('id') id: string, @Body() body: { role: string }) {",
  '    return this.userService.changeRole(id, body.role);',
  '  }',
];
const serviceController = (...extra: string[]): string =>
  lines(
    "import { Body, Controller, Delete, Param, Patch, Post } from '@nestjs/common';",
    "import { UserService } from './user.service.js';",
    '',
    "@Controller('users')",
    'export class UsersController {',
    '  constructor(private readonly userService: UserService) {}',
    '',
    ...serviceMethods,
    ...extra,
    '}',
  );
const auditedThroughServices = serviceController();
const withUnauditedRename = serviceController(
  '',
  "  @Patch(':id')",
  "  rename(@Param('id') id: string, @Body() body: { name: string }) {",
  '    return this.userService.rename(id, body.name);',
  '  }',
);

/** The suggestion names the configured `this.auditService.log` only where the class has that member. */
const suggestController = (withAuditService: boolean): string =>
  lines(
    "import { Body, Controller, Param, Patch, Req } from '@nestjs/common';",
    "import { AuditService } from '../audit/audit.service.js';",
    "import { UserService } from './user.service.js';",
    '',
    'interface AuthedRequest {',
    '  user?: { id: string };',
    '  ip: string;',
    '}',
    '',
    "@Controller('users')",
    'export class UsersController {',
    '  constructor(',
    '    private readonly userService: UserService,',
    ...(withAuditService ? ['    private readonly auditService: AuditService,'] : []),
    '  ) {}',
    '',
    "  @Patch(':id/role')",
    "  async setRole(@Param('id') id: string, @Body() body: { role: string }, @Req() req: AuthedRequest) {",
    '    await this.userService.rename(id, body.role);',
    '  }',
    '}',
  );
const configuredLogger = { compliance: { audit: { calls: ['this.auditService.log'] } } };
const nestSuggested = insertBefore(
  suggestController(true),
  'await this.userService.rename',
  "await this.auditService.log({ action: 'users.role.update', actor: req.user?.id, resource: '/users/:id/role', source: req.ip });\n    ",
);

const interceptorController = (classDecorator: string, methodDecorator: string): string =>
  lines(
    "import { Controller, Delete, Param, UseInterceptors, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';",
    '',
    'class AuditInterceptor implements NestInterceptor {',
    '  intercept(_context: ExecutionContext, next: CallHandler) {',
    '    return next.handle();',
    '  }',
    '}',
    '',
    'class CacheInterceptor implements NestInterceptor {',
    '  intercept(_context: ExecutionContext, next: CallHandler) {',
    '    return next.handle();',
    '  }',
    '}',
    '',
    "@Controller('projects')",
    classDecorator,
    'export class ProjectsController {',
    methodDecorator,
    "  @Delete(':id')",
    "  remove(@Param('id') id: string) {",
    '    return { deleted: id };',
    '  }',
    '}',
  );
const interceptorSettings = { compliance: { audit: { decorators: ['UseInterceptors(AuditInterceptor)'] } } };

const customDecorator = (decorator: string): string =>
  lines(
    "import { Controller, Delete, Param, SetMetadata } from '@nestjs/common';",
    '',
    "const Audit = (action: string) => SetMetadata('audit', action);",
    "const Roles = (...roles: string[]) => SetMetadata('roles', roles);",
    '',
    "@Controller('users')",
    'export class UsersController {',
    `  ${decorator}`,
    "  @Delete(':id')",
    "  remove(@Param('id') id: string) {",
    '    return { deleted: id };',
    '  }',
    '}',
  );
const auditDecoratorSettings = { compliance: { audit: { decorators: ['Audit'] } } };

const resolverFile = app('nest/users.resolver.ts');
const resolver = lines(
  "import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';",
  "import { UserService } from './user.service.js';",
  '',
  '@Resolver()',
  'export class UserResolver {',
  '  constructor(private readonly userService: UserService) {}',
  '',
  '  @Mutation(() => Boolean)',
  "  async createUser(@Args('name') name: string) {",
  '    await this.userService.create(name);',
  '    return true;',
  '  }',
  '',
  "  @Mutation(() => Boolean, { name: 'renameUser' })",
  "  async rename(@Args('id') id: string, @Args('name') name: string) {",
  '    await this.userService.rename(id, name);',
  '    return true;',
  '  }',
  '',
  '  @Query(() => String)',
  "  userName(@Args('id') id: string) {",
  '    return id;',
  '  }',
  '}',
);

/** Not controllers: an @Injectable() with a NestJS @Post, and a controller whose `Post` is a local decorator. */
const nestLookAlikes = [
  lines(
    "import { Injectable, Post } from '@nestjs/common';",
    '',
    '@Injectable()',
    'export class Jobs {',
    '  @Post()',
    '  run() {',
    '    return 1;',
    '  }',
    '}',
  ),
  lines(
    "import { Controller } from '@nestjs/common';",
    '',
    'function Post(): MethodDecorator {',
    '  return () => undefined;',
    '}',
    '',
    "@Controller('jobs')",
    'export class JobsController {',
    '  @Post()',
    '  run() {',
    '    return 1;',
    '  }',
    '}',
  ),
];

const lookAlikeAudits = lines(
  "import { Body, Controller, Logger, Post } from '@nestjs/common';",
  '',
  'declare function createEvent(event: { type: string; payload: unknown }): Promise<void>;',
  '',
  "@Controller('experiments')",
  'export class ExperimentsController {',
  "  private readonly logger = new Logger('experiments');",
  '',
  '  @Post()',
  '  async update(@Body() body: { id: string }) {',
  "    await createEvent({ type: 'experiment.updated', payload: body });",
  '  }',
  '',
  "  @Post('verify')",
  '  verify(@Body() body: { id: string }) {',
  "    this.logger.log('user audited');",
  '    return body.id;',
  '  }',
  '}',
);

run('NestJS controllers', () => ({
  valid: [
    { name: 'audited in each controller method', filename: nestFile, code: auditedController },
    { name: 'audited in injected services in other files, 1, 2 and 3 calls down', filename: nestFile, code: auditedThroughServices },
    {
      name: 'maxDepth 3 still reaches the audit 3 calls down',
      filename: nestFile,
      code: auditedThroughServices,
      options: [{ maxDepth: 3 }],
    },
    {
      name: '@UseInterceptors(AuditInterceptor) on the class',
      filename: nestFile,
      code: interceptorController('@UseInterceptors(AuditInterceptor)', ''),
      settings: interceptorSettings,
    },
    {
      name: '@UseInterceptors(AuditInterceptor) on the method',
      filename: nestFile,
      code: interceptorController('', '  @UseInterceptors(AuditInterceptor)'),
      settings: interceptorSettings,
    },
    {
      name: '@UseInterceptors listing several interceptors, one of them AuditInterceptor',
      filename: nestFile,
      code: interceptorController('', '  @UseInterceptors(CacheInterceptor, AuditInterceptor)'),
      settings: interceptorSettings,
    },
    {
      name: "custom @Audit('user.delete') decorator configured in audit.decorators",
      filename: nestFile,
      code: customDecorator("@Audit('user.delete')"),
      settings: auditDecoratorSettings,
    },
    { name: '@Get is a read: not required without HIPAA / PCI DSS', filename: nestFile, code: readOnlyController },
    {
      name: 'routes exempted by ignoreRoutes',
      filename: nestFile,
      code: inlineController,
      options: [{ ignoreRoutes: ['/users', '/users/**'] }],
    },
    { name: 'an @Injectable() with a NestJS @Post is not a controller', filename: nestFile, code: nestLookAlikes[0]! },
    { name: 'a locally declared Post decorator is not NestJS', filename: nestFile, code: nestLookAlikes[1]! },
  ],
  invalid: [
    {
      name: 'POST, PATCH and DELETE writing inline, reported on the method names; no logger to suggest',
      filename: nestFile,
      code: inlineController,
      errors: [
        missing(inlineController, { label: 'POST /users', at: 'create(' }),
        missing(inlineController, { label: 'PATCH /users/:id/role', at: 'setRole(' }),
        missing(inlineController, { label: 'DELETE /users/:id', at: 'remove(' }),
      ],
    },
    {
      name: 'a service method that never audits, beside ones that do',
      filename: nestFile,
      code: withUnauditedRename,
      errors: [missing(withUnauditedRename, { label: 'PATCH /users/:id', at: 'rename(' })],
    },
    {
      name: 'maxDepth 2 does not reach the audit 3 calls down',
      filename: nestFile,
      code: auditedThroughServices,
      options: [{ maxDepth: 2 }],
      errors: [missing(auditedThroughServices, { label: 'PATCH /users/:id/role', at: 'setRole(' })],
    },
    {
      name: 'maxDepth 0 only accepts an audit call in the method itself',
      filename: nestFile,
      code: auditedThroughServices,
      options: [{ maxDepth: 0 }],
      errors: [
        missing(auditedThroughServices, { label: 'POST /users', at: 'create(' }),
        missing(auditedThroughServices, { label: 'DELETE /users/:id', at: 'remove(' }),
        missing(auditedThroughServices, { label: 'PATCH /users/:id/role', at: 'setRole(' }),
      ],
    },
    {
      name: 'suggestion: this.auditService.log (configured, a constructor parameter) at the start of the method',
      filename: nestFile,
      code: suggestController(true),
      settings: configuredLogger,
      errors: [
        missing(suggestController(true), {
          label: 'PATCH /users/:id/role',
          at: 'setRole(',
          output: nestSuggested,
        }),
      ],
    },
    {
      name: 'no suggestion when the class has no auditService to call',
      filename: nestFile,
      code: suggestController(false),
      settings: configuredLogger,
      errors: [missing(suggestController(false), { label: 'PATCH /users/:id/role', at: 'setRole(' })],
    },
    {
      name: '@UseInterceptors(CacheInterceptor) on the class and the method does not audit',
      filename: nestFile,
      code: interceptorController('@UseInterceptors(CacheInterceptor)', '  @UseInterceptors(CacheInterceptor)'),
      settings: interceptorSettings,
      errors: [
        missing(interceptorController('@UseInterceptors(CacheInterceptor)', '  @UseInterceptors(CacheInterceptor)'), {
          label: 'DELETE /projects/:id',
          at: 'remove(',
        }),
      ],
    },
    {
      name: 'a decorator that is not configured in audit.decorators does not audit',
      filename: nestFile,
      code: customDecorator("@Roles('admin')"),
      settings: auditDecoratorSettings,
      errors: [missing(customDecorator("@Roles('admin')"), { label: 'DELETE /users/:id', at: 'remove(' })],
    },
    {
      name: '@Get is required under HIPAA',
      filename: nestFile,
      code: inlineController,
      settings: HIPAA,
      errors: [
        missing(inlineController, { label: 'POST /users', at: 'create(', controls: ' (HIPAA 164.312(b), 164.308(a)(1)(ii)(D); OWASP)' }),
        missing(inlineController, { label: 'PATCH /users/:id/role', at: 'setRole(', controls: ' (HIPAA 164.312(b), 164.308(a)(1)(ii)(D), 164.312(c)(1); OWASP)' }),
        missing(inlineController, { label: 'DELETE /users/:id', at: 'remove(', controls: ' (HIPAA 164.312(b), 164.308(a)(1)(ii)(D), 164.312(c)(1); OWASP)' }),
        missing(inlineController, { label: 'GET /users/:id', at: 'find(', controls: HIPAA_READS }),
      ],
    },
    {
      name: 'a webhook event and a log line that says "audited" are not audit records',
      filename: nestFile,
      code: lookAlikeAudits,
      errors: [
        missing(lookAlikeAudits, { label: 'POST /experiments', at: 'update(' }),
        missing(lookAlikeAudits, { label: 'POST /experiments/verify', at: 'verify(' }),
      ],
    },
  ],
}));

run('NestJS GraphQL resolvers', () => ({
  valid: [
    {
      name: 'a mutation audited through the service; queries are reads',
      filename: resolverFile,
      code: resolver.replace('this.userService.rename(id, name)', 'this.userService.create(name)'),
    },
  ],
  invalid: [
    {
      name: 'a @Mutation in a @Resolver that never audits, named by the resolver option',
      filename: resolverFile,
      code: resolver,
      errors: [missing(resolver, { label: 'GraphQL mutation renameUser', at: 'rename(' })],
    },
    {
      name: '@Query is required under PCI DSS',
      filename: resolverFile,
      code: resolver,
      settings: PCI,
      errors: [
        missing(resolver, { label: 'GraphQL mutation renameUser', at: 'rename(', controls: ' (PCI DSS 10.2.1.1; OWASP)' }),
        missing(resolver, { label: 'GraphQL query userName', at: 'userName(', controls: PCI_READS }),
      ],
    },
  ],
}));

// =====================================================================================================================
// Next.js
// =====================================================================================================================

const roleRouteFile = app('app/api/users/[id]/role/route.ts');

const roleRoute = (audited: boolean): string =>
  lines(
    "import { NextResponse, type NextRequest } from 'next/server';",
    "import { emitAudit } from '../../../../../audit/audit.service.js';",
    "import { db } from '../../../../../server/db.js';",
    '',
    'export async function POST(req: NextRequest) {',
    "  const row = await db.insert('roles', { name: req.nextUrl.searchParams.get('name') });",
    "  await emitAudit({ action: 'role.create', resource: row.id });",
    '  return NextResponse.json(row);',
    '}',
    '',
    'export async function PATCH(req: NextRequest) {',
    "  const row = await db.update('roles', '1', { name: req.nextUrl.searchParams.get('name') });",
    ...(audited ? ["  await emitAudit({ action: 'role.update', resource: row.id });"] : []),
    '  return NextResponse.json(row);',
    '}',
    '',
    'export const DELETE = async (req: NextRequest) => {',
    "  await db.update('roles', req.nextUrl.searchParams.get('id') ?? '', { deleted: true });",
    ...(audited ? ["  await emitAudit({ action: 'role.delete' });"] : []),
    '  return new NextResponse(null, { status: 204 });',
    '};',
    '',
    'export function GET() {',
    '  return NextResponse.json([]);',
    '}',
  );
const unauditedRoute = roleRoute(false);
const routeAuditCall = (action: string): string =>
  `await emitAudit({ action: '${action}', resource: '/api/users/[id]/role', source: req.headers.get('x-forwarded-for') });\n  `;

const projectsRouteFile = app('app/api/projects/route.ts');
const workspaceRoute = (deleteAudits: boolean): string =>
  lines(
    "import { emitAudit } from '../../../audit/audit.service.js';",
    "import { withWorkspace } from '../../../lib/wrappers.js';",
    "import { db } from '../../../server/db.js';",
    '',
    'export const PATCH = withWorkspace(async ({ req, session, workspace }) => {',
    "  const row = await db.update('projects', workspace.id, { name: new URL(req.url).searchParams.get('name') });",
    "  await emitAudit({ action: 'project.update', actor: session.user.id, resource: row.id });",
    '  return Response.json(row);',
    '});',
    '',
    'export const DELETE = withWorkspace(async ({ req, session, workspace }) => {',
    "  await db.update('projects', workspace.id, { deleted: true, by: session.user.email, agent: req.headers.get('user-agent') });",
    ...(deleteAudits ? ["  await emitAudit({ action: 'project.delete', actor: session.user.id, resource: workspace.id });"] : []),
    '  return new Response(null, { status: 204 });',
    '});',
  );
const unauditedWorkspaceRoute = workspaceRoute(false);
/** Typed mode also names the actor: the wrapper's context type shows `session.user.id`. */
const workspaceSuggested = (mode: Mode): string =>
  insertBefore(
    unauditedWorkspaceRoute,
    "await db.update('projects', workspace.id, { deleted",
    `await emitAudit({ action: 'projects.delete', ${mode === 'typed' ? 'actor: session.user.id, ' : ''}resource: '/api/projects', source: req.headers.get('x-forwarded-for') });\n  `,
  );

const surveyRouteFile = app('app/api/surveys/[id]/route.ts');
const apiWrapperRoute = (wrapped: string): string =>
  lines(
    "import { withApiWrapper, withWorkspace } from '../../../../lib/wrappers.js';",
    "import { db } from '../../../../server/db.js';",
    '',
    'async function handler(req: Request) {',
    "  await db.update('surveys', new URL(req.url).pathname, { deleted: true });",
    '  return new Response(null, { status: 204 });',
    '}',
    '',
    `export const DELETE = ${wrapped};`,
  );
const apiWrapped = apiWrapperRoute("withApiWrapper({ action: 'deleted', targetType: 'survey', handler })");
const apiWrapperSettings = { compliance: { audit: { wrappers: ['withApiWrapper'] } } };

const membersFile = app('pages/api/members/[id].ts');
const membersHandler = (deleteAudits: boolean): string =>
  lines(
    "import type { NextApiRequest, NextApiResponse } from 'next';",
    "import { sendAudit } from '../../../audit/audit.service.js';",
    "import { db } from '../../../server/db.js';",
    '',
    'async function handlePUT(req: NextApiRequest, res: NextApiResponse) {',
    "  const row = await db.update('members', String(req.query.id), { role: String(req.body) });",
    "  await sendAudit({ action: 'member.update', resource: row.id });",
    '  res.status(200).json(row);',
    '}',
    '',
    'async function handleDELETE(req: NextApiRequest, res: NextApiResponse) {',
    "  await db.update('members', String(req.query.id), { removed: true });",
    ...(deleteAudits ? ["  await sendAudit({ action: 'member.remove', resource: String(req.query.id) });"] : []),
    '  res.status(204).end();',
    '}',
    '',
    'export default async function handler(req: NextApiRequest, res: NextApiResponse) {',
    '  switch (req.method) {',
    "    case 'GET':",
    '      return res.status(200).json({ id: req.query.id });',
    "    case 'PUT':",
    '      return handlePUT(req, res);',
    "    case 'DELETE':",
    '      return handleDELETE(req, res);',
    '    default:',
    '      return res.status(405).end();',
    '  }',
    '}',
  );

const membersSuggested = insertBefore(
  membersHandler(false),
  'return handleDELETE(req, res);',
  "await sendAudit({ action: 'members.delete', resource: '/api/members/[id]', source: req.socket.remoteAddress });\n      ",
);

const actionsFile = app('app/actions.ts');
const serverActions = (deleteAudits: boolean, copy: boolean): string =>
  lines(
    "'use server';",
    '',
    "import { emitAudit } from '../audit/audit.service.js';",
    "import { withAuditLogging } from '../lib/wrappers.js';",
    "import { db } from '../server/db.js';",
    '',
    'declare function withValidation<A extends unknown[], R>(schema: object, fn: (...args: A) => Promise<R>): (...args: A) => Promise<R>;',
    '',
    'export async function renameSurvey(id: string, name: string) {',
    "  await db.update('surveys', id, { name });",
    "  await emitAudit({ action: 'survey.rename', resource: id });",
    '}',
    '',
    'export async function deleteSurvey(id: string) {',
    "  await db.update('surveys', id, { deleted: true });",
    ...(deleteAudits ? ["  await emitAudit({ action: 'survey.delete', resource: id });"] : []),
    '}',
    '',
    "export const createSurvey = withAuditLogging('created', 'survey', async (name: string) => db.insert('surveys', { name }));",
    ...(copy ? ['', "export const copySurvey = withValidation({}, async (id: string) => db.insert('surveys', { copyOf: id }));"] : []),
  );
const actions = serverActions(false, true);
const deleteSurveySuggested = insertBefore(actions, "await db.update('surveys', id, { deleted", "await emitAudit({ action: 'deleteSurvey', resource: 'deleteSurvey' });\n  ");
const auditLoggingSettings = { compliance: { audit: { wrappers: ['withAuditLogging'] } } };

const formFile = app('app/components/form.tsx');
const inlineAction = (audited: boolean): string =>
  lines(
    "import { emitAudit } from '../../audit/audit.service.js';",
    "import { db } from '../../server/db.js';",
    '',
    'export default function RenameForm({ id }: { id: string }) {',
    '  async function rename(formData: FormData) {',
    "    'use server';",
    "    await db.update('surveys', id, { name: formData.get('name') });",
    ...(audited ? ["    await emitAudit({ action: 'survey.rename', resource: id });"] : []),
    '  }',
    '  return (',
    '    <form action={rename}>',
    '      <input name="name" />',
    '    </form>',
    '  );',
    '}',
  );

const inlineActionSuggested = insertBefore(inlineAction(false), 'await db.update', "await emitAudit({ action: 'rename', resource: 'rename' });\n    ");

const nextLookAlikes: ReadonlyArray<readonly [string, string, string]> = [
  [
    'a route.ts outside app/ exports ordinary functions',
    app('lib/route.ts'),
    lines(
      "import { db } from '../server/db.js';",
      '',
      'export async function POST(body: object) {',
      "  return db.insert('things', body);",
      '}',
    ),
  ],
  [
    "router.push('/x') is navigation, and a 'use client' file has no server actions",
    app('app/components/button.tsx'),
    lines(
      "'use client';",
      '',
      "import { useRouter } from 'next/navigation';",
      '',
      'export async function deleteSurvey(id: string) {',
      "  await fetch(`/api/surveys/${id}`, { method: 'DELETE' });",
      '}',
      '',
      'export function SaveButton() {',
      '  const router = useRouter();',
      "  return <button onClick={() => router.push('/surveys')}>Save</button>;",
      '}',
    ),
  ],
  [
    'a server component without a directive defines no action',
    app('app/components/nav.tsx'),
    lines(
      "import { db } from '../../server/db.js';",
      '',
      'export default async function Nav() {',
      "  const row = await db.insert('visits', {});",
      '  return <nav>{row.id}</nav>;',
      '}',
    ),
  ],
];

run('Next.js App Router', (mode) => ({
  valid: [
    { name: 'route handlers audited inline (function declaration and const arrow)', filename: roleRouteFile, code: roleRoute(true) },
    {
      name: 'withWorkspace(async (…) => …): the audit inside the wrapped function counts',
      filename: projectsRouteFile,
      code: workspaceRoute(true),
    },
    {
      name: 'withApiWrapper({ action, targetType, handler }) configured in audit.wrappers',
      filename: surveyRouteFile,
      code: apiWrapped,
      settings: apiWrapperSettings,
    },
    ...nextLookAlikes.map(([name, filename, code]): Valid => ({ name, filename, code })),
  ],
  invalid: [
    {
      name: 'PATCH (function declaration) and DELETE (const arrow) that never audit; GET is a read',
      filename: roleRouteFile,
      code: unauditedRoute,
      errors: [
        missing(unauditedRoute, {
          label: 'PATCH /api/users/[id]/role',
          at: 'PATCH',
          output: insertBefore(unauditedRoute, "const row = await db.update('roles'", routeAuditCall('users.role.update')),
        }),
        missing(unauditedRoute, {
          label: 'DELETE /api/users/[id]/role',
          at: 'DELETE',
          output: insertBefore(unauditedRoute, "await db.update('roles', req.nextUrl", routeAuditCall('users.role.delete')),
        }),
      ],
    },
    {
      name: 'GET is required under HIPAA',
      filename: roleRouteFile,
      code: roleRoute(true),
      settings: HIPAA,
      errors: [
        missing(roleRoute(true), {
          label: 'GET /api/users/[id]/role',
          at: 'GET',
          controls: HIPAA_READS,
          output: insertBefore(roleRoute(true), 'return NextResponse.json([])', "emitAudit({ action: 'users.role.read', resource: '/api/users/[id]/role', timestamp: new Date().toISOString() });\n  "),
        }),
      ],
    },
    {
      name: 'withWorkspace(async (…) => …) whose function never audits; typed mode names the session user',
      filename: projectsRouteFile,
      code: unauditedWorkspaceRoute,
      errors: [
        missing(unauditedWorkspaceRoute, {
          label: 'DELETE /api/projects',
          at: 'DELETE',
          output: workspaceSuggested(mode),
        }),
      ],
    },
    {
      name: 'withApiWrapper is not an audit wrapper unless configured',
      filename: surveyRouteFile,
      code: apiWrapped,
      errors: [missing(apiWrapped, { label: 'DELETE /api/surveys/[id]', at: 'DELETE' })],
    },
    {
      name: 'a wrapper that is not in audit.wrappers does not audit',
      filename: surveyRouteFile,
      code: apiWrapperRoute('withWorkspace(async ({ req }) => handler(req))'),
      settings: apiWrapperSettings,
      errors: [missing(apiWrapperRoute('withWorkspace(async ({ req }) => handler(req))'), { label: 'DELETE /api/surveys/[id]', at: 'DELETE' })],
    },
  ],
}));

run('Next.js pages API', () => ({
  valid: [{ name: 'both dispatched handlers audit', filename: membersFile, code: membersHandler(true) }],
  invalid: [
    {
      name: 'switch (req.method): only the branch whose handler never audits is reported; suggestion at the start of the case',
      filename: membersFile,
      code: membersHandler(false),
      errors: [
        missing(membersHandler(false), {
          label: 'DELETE /api/members/[id]',
          at: "'DELETE'",
          output: membersSuggested,
        }),
      ],
    },
  ],
}));

run('Next.js server actions', () => ({
  valid: [
    {
      name: "'use server' file: audited inline, and withAuditLogging configured as a wrapper",
      filename: actionsFile,
      code: serverActions(true, false),
      settings: auditLoggingSettings,
    },
    { name: "inline 'use server' action that audits", filename: formFile, code: inlineAction(true) },
  ],
  invalid: [
    {
      name: "'use server' file: an action that never audits and one behind a wrapper that does not audit",
      filename: actionsFile,
      code: actions,
      settings: auditLoggingSettings,
      errors: [
        missing(actions, {
          label: 'server action deleteSurvey',
          at: 'deleteSurvey',
          output: deleteSurveySuggested,
        }),
        missing(actions, {
          label: 'server action copySurvey',
          at: 'copySurvey',
          output: actions.replace(
            "async (id: string) => db.insert('surveys', { copyOf: id })",
            "async (id: string) => {\n  await emitAudit({ action: 'copySurvey', resource: 'copySurvey' });\n  return db.insert('surveys', { copyOf: id });\n}",
          ),
        }),
      ],
    },
    {
      name: "inline 'use server' action that never audits; suggestion after the directive",
      filename: formFile,
      code: inlineAction(false),
      settings: { compliance: { audit: { calls: ['emitAudit'] } } },
      errors: [
        missing(inlineAction(false), {
          label: 'server action rename',
          at: 'rename(',
          output: inlineActionSuggested,
        }),
      ],
    },
  ],
}));

// =====================================================================================================================
// tRPC
// =====================================================================================================================

const monitorsFile = app('trpc/monitors.router.ts');
const monitorsRouter = (archiveAudits: boolean): string =>
  lines(
    "import { z } from 'zod';",
    "import { insertAuditLogs } from '../audit/audit.service.js';",
    "import { db } from '../server/db.js';",
    "import { createMonitor, findMonitor } from '../services/monitor.service.js';",
    "import { protectedProcedure, publicProcedure, router } from './trpc.js';",
    '',
    'export const monitorRouter = router({',
    '  create: protectedProcedure',
    '    .input(z.object({ name: z.string(), url: z.string() }))',
    '    .mutation(({ input }) => createMonitor(input)),',
    '  archive: protectedProcedure.input(z.string()).mutation(async ({ ctx, input }) =>',
    '    db.transaction(async (tx) => {',
    "      const row = await tx.update('monitors', input, { archived: true });",
    ...(archiveAudits ? ["      await insertAuditLogs(tx, { action: 'monitor.archive', actor: ctx.user.id, resource: row.id });"] : ['      void ctx;']),
    '      return row;',
    '    }),',
    '  ),',
    '  byId: publicProcedure.input(z.string()).query(({ input }) => findMonitor(input)),',
    '});',
  );
const auditedMonitors = monitorsRouter(true);
const withRestRename = auditedMonitors.replace(
  '  byId:',
  lines(
    '  rename: protectedProcedure',
    '    .input(z.object({ id: z.string(), name: z.string() }))',
    "    .mutation(async ({ input }) => db.update('monitors', input.id, { name: input.name })),",
    '  byId:',
  ),
);

const suggestRouter = lines(
  "import { z } from 'zod';",
  "import { emitAudit } from '../audit/audit.service.js';",
  "import { db } from '../server/db.js';",
  "import { protectedProcedure, router } from './trpc.js';",
  '',
  'export const monitorRouter = router({',
  '  pause: protectedProcedure.input(z.string()).mutation(async ({ ctx, input }) => {',
  "    const row = await db.update('monitors', input, { paused: true, by: ctx.user.id });",
  '    return row;',
  '  }),',
  '});',
);

/** Typed mode reads the context type (the middleware made `user` non-null; `ip` exists); untyped names the conventional user. */
const pauseSuggested = (mode: Mode): string =>
  insertBefore(
    suggestRouter,
    "const row = await db.update('monitors'",
    `await emitAudit({ action: 'pause', actor: ctx.user${mode === 'typed' ? '' : '?'}.id, resource: 'pause'${mode === 'typed' ? ', source: ctx.ip' : ''} });\n    `,
  );

const experimentsFile = app('trpc/experiments.router.ts');
const experiments = lines(
  "import { z } from 'zod';",
  "import { db } from '../server/db.js';",
  "import { publicProcedure, router } from './trpc.js';",
  '',
  'declare function createEvent(event: { type: string; payload: unknown }): Promise<void>;',
  'declare const logger: { info(message: string): void };',
  '',
  'export const experimentRouter = router({',
  '  update: publicProcedure.input(z.string()).mutation(async ({ input }) => {',
  "    await db.update('experiments', input, {});",
  "    await createEvent({ type: 'experiment.updated', payload: input });",
  '  }),',
  '  conclude: publicProcedure.input(z.string()).mutation(async ({ input }) => {',
  "    await db.update('experiments', input, { concluded: true });",
  "    logger.info('user audited');",
  '  }),',
  '});',
);

run('tRPC', (mode) => ({
  valid: [
    {
      name: 'mutations audited in a services layer in another file and inside a transaction callback; queries are reads',
      filename: monitorsFile,
      code: auditedMonitors,
    },
  ],
  invalid: [
    {
      name: 'a sibling mutation writing inline is reported, not the one going through the audited service (PATTERNS #6); insertAuditLogs(tx, …) is no logger to suggest',
      filename: monitorsFile,
      code: withRestRename,
      errors: [missing(withRestRename, { label: 'tRPC mutation rename', at: 'mutation', nth: 2 })],
    },
    {
      name: 'maxDepth 0: the audit two closures deep in the transaction is still in the handler; the service call is a hop',
      filename: monitorsFile,
      code: auditedMonitors,
      options: [{ maxDepth: 0 }],
      errors: [missing(auditedMonitors, { label: 'tRPC mutation create', at: 'mutation' })],
    },
    {
      name: 'a transaction callback without the audit write',
      filename: monitorsFile,
      code: monitorsRouter(false),
      errors: [missing(monitorsRouter(false), { label: 'tRPC mutation archive', at: 'mutation', nth: 1 })],
    },
    {
      name: 'queries are required under PCI DSS',
      filename: monitorsFile,
      code: auditedMonitors,
      settings: PCI,
      errors: [missing(auditedMonitors, { label: 'tRPC query byId', at: 'query', controls: PCI_READS })],
    },
    {
      name: 'queries are required under HIPAA',
      filename: monitorsFile,
      code: auditedMonitors,
      settings: HIPAA,
      errors: [missing(auditedMonitors, { label: 'tRPC query byId', at: 'query', controls: HIPAA_READS })],
    },
    {
      name: 'suggestion: the configured logger with the context user, at the start of the resolver',
      filename: monitorsFile,
      code: suggestRouter,
      settings: { compliance: { audit: { calls: ['emitAudit'] } } },
      errors: [
        missing(suggestRouter, {
          label: 'tRPC mutation pause',
          at: 'mutation',
          output: pauseSuggested(mode),
        }),
      ],
    },
    {
      name: 'createEvent configured as an audit call counts; the log line still does not',
      filename: experimentsFile,
      code: experiments,
      settings: { compliance: { audit: { calls: ['createEvent'] } } },
      errors: [
        missing(experiments, {
          label: 'tRPC mutation conclude',
          at: 'mutation',
          nth: 1,
          // The configured list names the logger the suggestion calls.
          output: insertBefore(experiments, "await db.update('experiments', input, { concluded", "await createEvent({ action: 'conclude', resource: 'conclude' });\n    "),
        }),
      ],
    },
    {
      name: 'a webhook event and a log line that says "audited" are not audit records',
      filename: experimentsFile,
      code: experiments,
      errors: [
        missing(experiments, { label: 'tRPC mutation update', at: 'mutation' }),
        missing(experiments, { label: 'tRPC mutation conclude', at: 'mutation', nth: 1 }),
      ],
    },
  ],
}));

// =====================================================================================================================
// Factories and route tables
// =====================================================================================================================

const thingsFile = app('factories/things.ts');
const factoryEndpoints = (deleteAudits: boolean): string =>
  lines(
    "import { z } from 'zod';",
    "import { emitAudit } from '../audit/audit.service.js';",
    "import { createApiRequestHandler } from '../lib/api.js';",
    "import { db } from '../server/db.js';",
    '',
    'export const postThing = createApiRequestHandler(z.object({ name: z.string() }))(async (req) => {',
    "  const row = await db.insert('things', req.body);",
    "  await emitAudit({ action: 'thing.create', actor: req.user?.id, resource: row.id });",
    '  return row;',
    '});',
    '',
    'export const deleteThing = createApiRequestHandler(z.object({ id: z.string() }))(async (req) => {',
    "  await db.update('things', req.body.id, { deleted: true });",
    ...(deleteAudits ? ["  await emitAudit({ action: 'thing.delete', actor: req.user?.id, resource: req.body.id });"] : []),
    '});',
  );
const things = factoryEndpoints(false);
/** Only typed mode names the request's user and address (a factory's request has no conventional shape). */
const deleteThingSuggested = (mode: Mode): string =>
  insertBefore(
    things,
    "await db.update('things'",
    `await emitAudit({ action: 'deleteThing.delete', ${mode === 'typed' ? 'actor: req.user?.id, ' : ''}resource: 'deleteThing'${mode === 'typed' ? ', source: req.ip' : ''} });\n  `,
  );
const factorySettings = { compliance: { endpoints: { factories: ['createApiRequestHandler'] } } };

const authFile = app('controllers/auth.controller.ts');
const routeTable = (resetAudits: boolean): string =>
  lines(
    "import { emitAudit } from '../audit/audit.service.js';",
    "import { db } from '../server/db.js';",
    '',
    'interface Request {',
    '  body: { email: string };',
    '  user?: { id: string };',
    '  ip: string;',
    '}',
    'type Route = { method: string; path: string; handler: (req: Request) => Promise<unknown>; permission?: string };',
    '',
    'export class AuthController {',
    '  readonly table: Route[] = [];',
    '',
    '  constructor() {',
    "    this.route({ method: 'post', path: '/reset', handler: this.resetPassword, permission: 'NONE' });",
    "    this.route({ method: 'post', path: '/logout', handler: this.logout });",
    '  }',
    '',
    '  route(route: Route): void {',
    '    this.table.push(route);',
    '  }',
    '',
    '  async resetPassword(req: Request) {',
    "    await db.update('users', req.body.email, { resetToken: 'x' });",
    ...(resetAudits ? ["    await emitAudit({ action: 'password.reset', resource: req.body.email });"] : []),
    '  }',
    '',
    '  async logout(req: Request) {',
    "    await db.update('sessions', req.user?.id ?? '', { ended: true });",
    "    await emitAudit({ action: 'session.end', actor: req.user?.id });",
    '  }',
    '}',
  );
const authController = routeTable(false);
const resetSuggested = (mode: Mode): string =>
  insertBefore(
    authController,
    "await db.update('users'",
    `await emitAudit({ action: 'reset.create', ${mode === 'typed' ? 'actor: req.user?.id, ' : ''}resource: '/reset'${mode === 'typed' ? ', source: req.ip' : ''} });\n    `,
  );

run('factories and route tables', (mode) => ({
  valid: [
    {
      name: 'without endpoints.factories, a factory call is an ordinary call',
      filename: thingsFile,
      code: things,
    },
    {
      name: 'factory endpoints that audit',
      filename: thingsFile,
      code: factoryEndpoints(true),
      settings: factorySettings,
    },
    {
      name: 'route-table entries whose handlers audit',
      filename: authFile,
      code: routeTable(true),
    },
  ],
  invalid: [
    {
      name: 'createApiRequestHandler(schema)(async (req) => …) stored as deleteThing: DELETE, never audits',
      filename: thingsFile,
      code: things,
      settings: factorySettings,
      errors: [
        missing(things, {
          label: 'DELETE deleteThing (createApiRequestHandler)',
          at: 'deleteThing',
          output: deleteThingSuggested(mode),
        }),
      ],
    },
    {
      name: "this.route({ method: 'post', path: '/reset', handler: this.resetPassword }) whose handler never audits",
      filename: authFile,
      code: authController,
      errors: [
        missing(authController, {
          label: 'POST /reset',
          at: 'this.route(',
          output: resetSuggested(mode),
        }),
      ],
    },
  ],
}));

// =====================================================================================================================
// Persistence helpers (#3), request-bound audits (#4), middleware (#8)
// =====================================================================================================================

const apiKeysFile = app('routes/api-keys.ts');
const apiKeys = lines(
  "import Router from '@koa/router';",
  "import { ApiKey } from '../models/base-model.js';",
  '',
  'export const router = new Router();',
  '',
  "router.delete('/api-keys/:id', async (ctx) => {",
  '  const apiKey = await ApiKey.findById(ctx.params.id);',
  '  await apiKey.destroyWithCtx(ctx);',
  '  ctx.status = 204;',
  '});',
  '',
  "router.post('/api-keys/:id/rotate', async (ctx) => {",
  '  const apiKey = await ApiKey.findById(ctx.params.id);',
  '  await apiKey.save();',
  '  ctx.status = 200;',
  '});',
);
const persistenceSettings = { compliance: { audit: { calls: ['*.destroyWithCtx'] } } };

const settingsFile = app('routes/settings.ts');
const requestBound = lines(
  "import express from 'express';",
  "import Router from '@koa/router';",
  "import { db } from '../server/db.js';",
  '',
  'declare global {',
  '  namespace Express {',
  '    interface Request {',
  '      audit(event: { event: string; entity: string }): Promise<void>;',
  '    }',
  '  }',
  '}',
  '',
  'export const app = express();',
  "app.put('/settings', async (req, res) => {",
  "  await db.update('settings', 'global', {});",
  "  await req.audit({ event: 'settings.update', entity: 'settings' });",
  '  res.sendStatus(204);',
  '});',
  '',
  'export const router = new Router();',
  "router.patch('/settings/:key', async (ctx) => {",
  "  await db.update('settings', ctx.params.key, {});",
  "  await ctx.createLog({ action: 'settings.update', resource: ctx.params.key });",
  '  ctx.status = 204;',
  '});',
  "router.delete('/settings/:key', async (ctx) => {",
  "  await db.update('settings', ctx.params.key, { deleted: true });",
  '  ctx.status = 204;',
  '});',
);
const createLogSettings = { compliance: { audit: { calls: ['ctx.createLog', 'req.audit'] } } };

const koaProjectsFile = app('routes/koa-projects.ts');
const koaProjects = (middleware: string): string =>
  lines(
    "import Router from '@koa/router';",
    "import { auditLogMiddleware, bodyLimit } from '../lib/middleware.js';",
    "import { db } from '../server/db.js';",
    '',
    'const queries = {',
    '  async insert(row: object) {',
    "    await db.insert('request_log', row);",
    '  },',
    '};',
    '',
    'export const router = new Router();',
    '',
    "router.post('/cache/flush', async (ctx) => {",
    '  ctx.status = 202;',
    '});',
    '',
    `router.use(${middleware});`,
    '',
    "router.post('/projects', async (ctx) => {",
    "  await db.insert('projects', {});",
    '  ctx.status = 201;',
    '});',
  );
const middlewareSettings = { compliance: { audit: { middleware: ['auditTrail', 'auditLogMiddleware'] } } };
const auditedKoa = koaProjects('auditLogMiddleware(queries)');
const plainKoa = koaProjects('bodyLimit()');

const adminFile = app('routes/admin.ts');
const expressAdmin = (settingsMiddleware: string): string =>
  lines(
    "import express, { Router } from 'express';",
    "import { auditTrail, rateLimit } from '../lib/middleware.js';",
    "import { db } from '../server/db.js';",
    '',
    'const adminRouter = Router();',
    "adminRouter.post('/users/:id/role', async (req, res) => {",
    "  await db.update('users', req.params.id, { role: 'admin' });",
    '  res.sendStatus(204);',
    '});',
    '',
    'const settingsRouter = Router();',
    "settingsRouter.put('/theme', async (_req, res) => {",
    "  await db.update('settings', 'theme', {});",
    '  res.sendStatus(204);',
    '});',
    '',
    'export const app = express();',
    "app.use('/admin', auditTrail, adminRouter);",
    `app.use('/settings', ${settingsMiddleware}, settingsRouter);`,
  );
const unauditedSettings = expressAdmin('rateLimit');

run('persistence helpers, request-bound audits and middleware', () => ({
  valid: [
    {
      name: 'Express app.use(prefix, auditTrail, router) audits the mounted routers',
      filename: adminFile,
      code: expressAdmin('auditTrail'),
      settings: middlewareSettings,
    },
  ],
  invalid: [
    {
      name: "apiKey.destroyWithCtx(ctx) audits when '*.destroyWithCtx' is configured; apiKey.save() does not (no logger to suggest)",
      filename: apiKeysFile,
      code: apiKeys,
      settings: persistenceSettings,
      errors: [missing(apiKeys, { label: 'POST /api-keys/:id/rotate', at: "post('/api-keys" })],
    },
    {
      name: 'without the setting, a persistence helper is an ordinary call',
      filename: apiKeysFile,
      code: apiKeys,
      errors: [
        missing(apiKeys, { label: 'DELETE /api-keys/:id', at: "delete('/api-keys" }),
        missing(apiKeys, { label: 'POST /api-keys/:id/rotate', at: "post('/api-keys" }),
      ],
    },
    {
      name: 'req.audit({...}) counts by the default heuristic; ctx.createLog(...) does not',
      filename: settingsFile,
      code: requestBound,
      errors: [
        missing(requestBound, { label: 'PATCH /settings/:key', at: "patch('/settings" }),
        missing(requestBound, { label: 'DELETE /settings/:key', at: "delete('/settings" }),
      ],
    },
    {
      name: 'with ctx.createLog and req.audit configured, both count; the route without one gets ctx.createLog suggested',
      filename: settingsFile,
      code: requestBound,
      settings: createLogSettings,
      errors: [
        missing(requestBound, {
          label: 'DELETE /settings/:key',
          at: "delete('/settings",
          output: insertBefore(
            requestBound,
            "await db.update('settings', ctx.params.key, { deleted",
            "await ctx.createLog({ action: 'settings.delete', actor: ctx.state.user?.id, resource: '/settings/:key', source: ctx.ip });\n  ",
          ),
        }),
      ],
    },
    {
      name: 'Koa router.use(auditLogMiddleware(queries)) audits the routes after it, not the one before; the middleware factory is no logger to suggest',
      filename: koaProjectsFile,
      code: auditedKoa,
      settings: middlewareSettings,
      errors: [missing(auditedKoa, { label: 'POST /cache/flush', at: "post('/cache" })],
    },
    {
      name: 'Koa router.use(bodyLimit()) does not audit',
      filename: koaProjectsFile,
      code: plainKoa,
      settings: middlewareSettings,
      errors: [
        missing(plainKoa, { label: 'POST /cache/flush', at: "post('/cache" }),
        missing(plainKoa, { label: 'POST /projects', at: "post('/projects" }),
      ],
    },
    {
      name: 'Express app.use(prefix, rateLimit, router) does not audit the mounted router',
      filename: adminFile,
      code: unauditedSettings,
      settings: middlewareSettings,
      errors: [missing(unauditedSettings, { label: 'PUT /theme', at: "put('/theme" })],
    },
  ],
}));

// =====================================================================================================================
// A justified exemption
// =====================================================================================================================

/** `Linter#getSuppressedMessages()` exists at run time, but ESLint 10's type declarations leave it out. */
type LinterWithSuppressions = Linter & { getSuppressedMessages(): Linter.SuppressedLintMessage[] };

describe('a justified disable directive', () => {
  const code = (directive: string): string =>
    lines(
      "import { Controller, Post } from '@nestjs/common';",
      '',
      "@Controller('health')",
      'export class HealthController {',
      "  @Post('ping')",
      ...(directive ? [`  ${directive}`] : []),
      '  ping() {',
      "    return 'pong';",
      '  }',
      '}',
    );
  const verify = (source: string) => {
    const linter = new Linter({ configType: 'flat', cwd: fixturesDir }) as LinterWithSuppressions;
    const config: Linter.Config[] = [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser },
        plugins: { compliance: plugin as unknown as ESLint.Plugin },
        rules: { 'compliance/require-endpoint-audit': 'error', 'compliance/exemption-justification': 'error' },
      },
    ];
    const messages = linter.verify(source, config, nestFile);
    return { messages, suppressed: linter.getSuppressedMessages() };
  };

  it('suppresses the report, and ESLint records the justification', () => {
    const { messages, suppressed } = verify(code('// eslint-disable-next-line compliance/require-endpoint-audit -- liveness probe, no state'));
    expect(messages).toEqual([]);
    expect(suppressed).toHaveLength(1);
    expect(suppressed[0]).toMatchObject({
      ruleId: 'compliance/require-endpoint-audit',
      message: `POST /health/ping emits no audit event${OWASP}`,
      line: 7,
      column: 3,
      suppressions: [{ kind: 'directive', justification: 'liveness probe, no state' }],
    });
  });

  it('without the directive, the same endpoint is reported', () => {
    const { messages, suppressed } = verify(code(''));
    expect(suppressed).toEqual([]);
    expect(messages.map((message) => [message.ruleId, message.message, message.line, message.column])).toEqual([
      ['compliance/require-endpoint-audit', `POST /health/ping emits no audit event${OWASP}`, 6, 3],
    ]);
  });
});

// =====================================================================================================================
// The suggested code type-checks (tests/typecheck.ts: the fixture project's compiler options, the real type packages)
// =====================================================================================================================

// The App Router route importing `next/server` is not checked here: tests/typecheck.ts compiles with the options of
// tests/fixtures/tsconfig.json (NodeNext), where `next/server` (a package without an exports map) does not resolve.
describe('suggested audit calls type-check', () => {
  const outputs: ReadonlyArray<readonly [string, string, string]> = [
    ['NestJS: this.auditService.log in the controller method', nestFile, nestSuggested],
    ['pages/api: at the start of the DELETE case', membersFile, membersSuggested],
    ["'use server' file: at the start of the action", actionsFile, deleteSurveySuggested],
    ["inline 'use server': after the directive", formFile, inlineActionSuggested],
    // Typed mode's suggestions: the request context named from the types.
    ['App Router: inside the function withWorkspace wraps', projectsRouteFile, workspaceSuggested('typed')],
    ['tRPC: at the start of the resolver', monitorsFile, pauseSuggested('typed')],
    ['factory: at the start of the handler', thingsFile, deleteThingSuggested('typed')],
    ['route table: at the start of the handler method', authFile, resetSuggested('typed')],
  ];

  it.each(outputs)('%s', (_name, filename, output) => {
    expect(typeErrors(output, filename)).toEqual([]);
  });

  it('would catch a context property the type does not have', () => {
    const wrong = pauseSuggested('typed').replace('source: ctx.ip', 'source: ctx.address');
    expect(typeErrors(wrong, monitorsFile)).toEqual([expect.stringMatching(/TS2339: Property 'address' does not exist/u)]);
  });
});
