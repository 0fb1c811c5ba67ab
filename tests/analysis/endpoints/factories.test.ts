/**
 * Factory adapter: endpoints built by `settings.compliance.endpoints.factories` and `this.route({...})` route tables, in
 * both modes. Also the shared toolkit's pure parts (method from a name).
 */
import { describe, expect, it } from 'vitest';
import { methodFromName } from '../../../src/analysis/endpoints/factories.js';
import { typedTester, untypedTester } from '../../rule-tester.js';
import { at, endpoint, fixture, lines, lintTruncations, probeRule, type ProbeInvalid } from './probe-app.js';

const filename = fixture('factories/handlers.ts');
const rule = probeRule();
const settings = { compliance: { endpoints: { factories: ['createApiRequestHandler', 'createHandler', { import: '@acme/api', name: 'makeEndpoint' }] } } };

const factories = lines(
  'interface ApiRequest<B> { user?: { id: string }; ip: string; body: B }',
  'declare function createApiRequestHandler<B>(schema: B): (fn: (req: ApiRequest<B>) => Promise<unknown>) => unknown;',
  'declare function createHandler(fn: (req: Request) => Promise<Response>): unknown;',
  '',
  "export const postThing = createApiRequestHandler({ name: 'string' })(async (req) => req.body);",
  'export const deleteUser = createHandler(async (req) => new Response(req.url));',
  'export const updateSettings = createHandler(async () => new Response(null));',
  'export const handler = createHandler(async () => new Response(null));',
  'export default createHandler(async function exportThing() { return new Response(null); });',
  'const validator = createApiRequestHandler({});',
  'export const handlers = { getThing: createHandler(async () => new Response(null)) };',
  'void validator;',
);

const imported = lines(
  "import { makeEndpoint as make } from '@acme/api';",
  '',
  'export const createMember = make(async () => 1);',
);

const routeTable = lines(
  'type Route = { method: string | string[]; path?: string; url?: string; handler: unknown; permission?: string; middleware?: unknown[] };',
  'declare const fastify: { route(route: Route): void };',
  'declare function rateLimit(): unknown;',
  'declare const verb: string;',
  '',
  'export class AuthController {',
  '  constructor() {',
  "    this.route({ method: 'post', path: '/reset', handler: this.resetPassword, permission: 'NONE' });",
  "    this.route({ method: 'get', path: '/me', handler: async () => ({}) });",
  '    this.routes([',
  "      { method: 'delete', url: '/sessions/:id', handler: this.logout.bind(this), middleware: [rateLimit()] },",
  "      { method: ['put', 'patch'], path: '/profile', handler: this.updateProfile },",
  '    ]);',
  "    this.route({ method: verb, path: '/dynamic', handler: this.resetPassword });",
  "    this.route({ method: 'post', path: '/no-handler' });",
  "    this.route({ method: 'fetch', path: '/not-a-method', handler: this.logout });",
  "    fastify.route({ method: 'POST', url: '/fastify', handler: async () => ({}) });",
  '  }',
  '  route(route: Route) { return route; }',
  '  routes(routes: Route[]) { return routes; }',
  '  async resetPassword() { return 1; }',
  '  async logout() { return 2; }',
  '  updateProfile = async () => 3;',
  '}',
);

const lookAlikes = [
  // A factory that is not configured, a factory waiting for its handler, a factory mounted on a route (the router's)
  lines(
    'declare function createHandlerFactory(fn: () => Promise<void>): unknown;',
    'declare function createApiRequestHandler(schema: unknown): (fn: () => Promise<void>) => unknown;',
    'declare function createHandler(fn: () => Promise<void>): unknown;',
    'declare const router: { post(path: string, handler: unknown): void };',
    'export const postA = createHandlerFactory(async () => undefined);',
    'export const validate = createApiRequestHandler({});',
    "router.post('/things', createHandler(async () => undefined));",
  ),
  // An import of the same name from another module
  lines("import { makeEndpoint } from '@other/api';", 'export const createMember = makeEndpoint(async () => 1);'),
  // Half-written
  lines('declare function createHandler(fn?: unknown): unknown;', 'export const a = createHandler();', 'createHandler()();', 'class A { m() { this.route(); this.route({}); this.routes([, ...[]]); } route(_?: unknown) {} routes(_?: unknown) {} }'),
];

describe('methodFromName', () => {
  it('reads HTTP verbs and clear verbs from a name', () => {
    expect(methodFromName('postThing')).toBe('POST');
    expect(methodFromName('DELETE')).toBe('DELETE');
    expect(methodFromName('deleteUser')).toBe('DELETE');
    expect(methodFromName('getThing')).toBe('GET');
    expect(methodFromName('updateX')).toBe('PUT');
    expect(methodFromName('createX')).toBe('POST');
    expect(methodFromName('removeX')).toBe('DELETE');
    expect(methodFromName('patch_settings')).toBe('PATCH');
    expect(methodFromName('handler')).toBe('ALL');
    expect(methodFromName('headline')).toBe('ALL');
    expect(methodFromName('postal')).toBe('ALL');
    expect(methodFromName(undefined)).toBe('ALL');
  });
});

for (const [mode, tester] of [
  ['untyped', untypedTester],
  ['typed', typedTester],
] as const) {
  const typed = mode === 'typed';
  const invalid: ProbeInvalid[] = [
    {
      code: factories,
      filename,
      errors: [
        endpoint({
          ...at(factories, 'postThing'),
          label: 'POST postThing (createApiRequestHandler)',
          methods: 'POST',
          ...(typed ? { actor: 'req.user?.id', source: 'req.ip' } : {}),
        }),
        endpoint({
          ...at(factories, 'deleteUser'),
          label: 'DELETE deleteUser (createHandler)',
          methods: 'DELETE',
          ...(typed ? { source: "req.headers.get('x-forwarded-for')" } : {}),
        }),
        endpoint({ ...at(factories, 'updateSettings'), label: 'PUT updateSettings (createHandler)', methods: 'PUT' }),
        endpoint({ ...at(factories, 'handler ='), label: 'handler (createHandler)', methods: 'ALL' }),
        endpoint({ ...at(factories, 'createHandler(async function'), label: 'default (createHandler)', methods: 'ALL' }),
        endpoint({ ...at(factories, 'getThing'), label: 'GET getThing (createHandler)', methods: 'GET' }),
      ],
    },
    {
      code: imported,
      filename,
      errors: [endpoint({ ...at(imported, 'createMember'), label: 'POST createMember (make)', methods: 'POST' })],
    },
    {
      code: routeTable,
      filename,
      errors: [
        endpoint({ ...at(routeTable, 'this.route', 0), label: 'POST /reset', methods: 'POST' }),
        endpoint({ ...at(routeTable, 'this.route', 1), label: 'GET /me', methods: 'GET' }),
        endpoint({ ...at(routeTable, "method: 'delete'"), label: 'DELETE /sessions/:id', methods: 'DELETE' }),
        endpoint({ ...at(routeTable, "method: ['put'"), label: 'PUT|PATCH /profile', methods: 'PUT,PATCH' }),
      ],
    },
  ];

  describe(`factory adapter (${mode})`, () => {
    tester(settings).run('factories', rule, {
      valid: [
        ...lookAlikes.map((code) => ({ code, filename })),
      ],
      invalid: [
        ...invalid,
        // In a Next.js route file the export is the Next.js adapter's endpoint, reported once, by it.
        {
          code: lines('declare function createHandler(fn: (req: Request) => Promise<Response>): unknown;', 'export const POST = createHandler(async (req) => new Response(req.url));'),
          filename: fixture('app/api/things/route.ts'),
          errors: [endpoint({ line: 2, column: 14, label: 'POST /api/things', methods: 'POST', source: "req.headers.get('x-forwarded-for')" })],
        },
      ],
    });
    // Without configured factories, factory calls are ordinary calls (route tables do not depend on settings).
    tester().run('factories without settings', rule, {
      valid: [factories, imported].map((code) => ({ code, filename })),
      invalid: [{ code: routeTable, filename, errors: invalid[2]?.errors ?? [] }],
    });
  });
}

describe('factory adapter robustness', () => {
  it('never throws on truncated factories and route tables', () => {
    expect(lintTruncations([factories, imported, routeTable, ...lookAlikes], filename, settings)).toBeGreaterThan(100);
  });
});
