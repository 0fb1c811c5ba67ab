/**
 * Next.js adapter: App Router route handlers, pages/api handlers (per `req.method` branch) and server actions, in both
 * modes against the real `next` types. The file path decides what a file is, so every case names its fixture file.
 */
import { describe, expect, it } from 'vitest';
import { appRouterRoute, pagesApiRoute } from '../../../src/analysis/endpoints/factories.js';
import { typedTester, untypedTester } from '../../rule-tester.js';
import { at, endpoint, fixture, lines, lintTruncations, probeRule, type ProbeInvalid } from './probe-app.js';

const rule = probeRule();

const files = {
  userRoute: fixture('app/api/users/[id]/route.ts'),
  settingsRoute: fixture('app/(admin)/settings/route.ts'),
  thingsRoute: fixture('app/api/things/route.ts'),
  libRoute: fixture('lib/route.ts'),
  libHandlers: fixture('lib/handlers.ts'),
  members: fixture('pages/api/members/[id].ts'),
  users: fixture('pages/api/users/index.ts'),
  page: fixture('pages/users/index.tsx'),
  actions: fixture('app/actions.ts'),
  form: fixture('app/components/form.tsx'),
  button: fixture('app/components/button.tsx'),
};

// ---------------------------------------------------------------------------------------------------------------------
// App Router

const routeHandlers = lines(
  "import { NextRequest, NextResponse } from 'next/server';",
  '',
  'export async function POST(req: NextRequest) {',
  '  const body: unknown = await req.json();',
  '  return NextResponse.json(body);',
  '}',
  'export const DELETE = async (request: Request) => new Response(request.url);',
  'export function GET() { return NextResponse.json({}); }',
  'export const post = async () => new Response(null);',
  "function update(req: NextRequest) { return NextResponse.json({ ip: req.headers.get('x-real-ip') }); }",
  'export { update as PUT };',
  'export const revalidate = 60;',
  'export function helper() { return 1; }',
);

const wrapped = lines(
  "import type { NextRequest } from 'next/server';",
  '',
  'type Session = { user: { id: string; email: string } };',
  'type Handler = (ctx: { req: NextRequest; session: Session; workspace: { id: string } }) => Promise<Response>;',
  'declare function withWorkspace(handler: Handler, options?: { permissions: string[] }): (req: NextRequest) => Promise<Response>;',
  '',
  'export const PATCH = withWorkspace(',
  '  async ({ req, session, workspace }) => Response.json({ workspace: workspace.id, by: session.user.id, agent: req.headers.get(\'user-agent\') }),',
  "  { permissions: ['workspace.write'] },",
  ');',
);

// ---------------------------------------------------------------------------------------------------------------------
// pages/api

const switchHandler = lines(
  "import type { NextApiRequest, NextApiResponse } from 'next';",
  '',
  'async function handlePUT(req: NextApiRequest, res: NextApiResponse) { res.status(200).json({ id: req.query.id }); }',
  '',
  'export default async function handler(req: NextApiRequest, res: NextApiResponse) {',
  '  switch (req.method) {',
  "    case 'PUT':",
  '      return handlePUT(req, res);',
  "    case 'PATCH':",
  "    case 'POST': {",
  '      res.status(201).end();',
  '      break;',
  '    }',
  "    case 'GET':",
  '      return res.json({});',
  '    default:',
  "      res.setHeader('Allow', ['GET', 'PUT', 'PATCH', 'POST']);",
  '      return res.status(405).end();',
  '  }',
  '}',
);

const ifChain = lines(
  "import type { NextApiRequest, NextApiResponse } from 'next';",
  '',
  'export default async (req: NextApiRequest, res: NextApiResponse) => {',
  '  try {',
  "    if (req.method === 'DELETE') {",
  '      res.status(204).end();',
  "    } else if ('POST' === req.method || req.method === 'PUT') {",
  '      res.status(201).end();',
  '    } else {',
  '      res.status(405).end();',
  '    }',
  '  } catch {',
  '    res.status(500).end();',
  '  }',
  '};',
);

const guard = lines(
  "import type { NextApiRequest, NextApiResponse } from 'next';",
  '',
  'const handler = async (req: NextApiRequest, res: NextApiResponse) => {',
  "  if (req.method !== 'POST') return res.status(405).end();",
  '  res.status(200).json({});',
  '};',
  'export default handler;',
);

const includesGuard = lines(
  "import type { NextApiRequest, NextApiResponse } from 'next';",
  'declare function withAuth(handler: (req: NextApiRequest, res: NextApiResponse) => Promise<void>): unknown;',
  '',
  'export default withAuth(async function members(req, res) {',
  '  const { method } = req;',
  "  if (!['POST', 'PUT'].includes(method!)) {",
  '    res.status(405).end();',
  '    return;',
  '  }',
  '  res.json({});',
  '});',
);

const undispatched = lines(
  "import type { NextApiRequest, NextApiResponse } from 'next';",
  '',
  'export default function (req: NextApiRequest, res: NextApiResponse) {',
  '  res.json({ ok: true });',
  '}',
);

// ---------------------------------------------------------------------------------------------------------------------
// Server actions

const actionsFile = lines(
  "'use server';",
  '',
  "import { revalidatePath } from 'next/cache';",
  '',
  'declare function withAuditLogging<A extends unknown[]>(action: string, target: string, fn: (...args: A) => Promise<void>): (...args: A) => Promise<void>;',
  '',
  "export async function deleteUser(id: string) { revalidatePath('/users/' + id); }",
  'export const renameUser = async (id: string, name: string) => { revalidatePath(`/users/${id}/${name}`); };',
  "export const createSurvey = withAuditLogging('created', 'survey', async (title: string) => { revalidatePath(title); });",
  'async function archive(id: string) { revalidatePath(id); }',
  'export { archive as archiveUser };',
  'async function notExported() { return 1; }',
  'void notExported;',
);

const inlineActions = lines(
  'export default function Page() {',
  '  async function save(formData: FormData) {',
  "    'use server';",
  "    console.log(formData.get('name'));",
  '  }',
  '  return (',
  '    <form action={save}>',
  "      <button formAction={async () => { 'use server'; }}>Save</button>",
  '    </form>',
  '  );',
  '}',
  'export async function notAnAction() {',
  '  console.log(1);',
  "  'use server';",
  '}',
);

// ---------------------------------------------------------------------------------------------------------------------
// Look-alikes

const lookAlikes: { code: string; filename: string }[] = [
  // route.ts outside app/
  { code: 'export async function POST(req: Request) { return new Response(req.url); }', filename: files.libRoute },
  // exports named POST in a non-route file
  { code: 'export async function POST() { return 1; }\nexport const DELETE = () => 2;', filename: files.libHandlers },
  // a lowercase `post` export and a default export in a route file
  { code: 'export async function post() { return 1; }\nexport default function GET() { return 2; }', filename: files.userRoute },
  // re-exports from another module are reported where they are defined
  { code: "export { POST } from '../../../../lib/handlers';", filename: files.userRoute },
  // router.push navigation
  {
    code: lines("'use client';", "import { useRouter } from 'next/navigation';", 'export function Go() { const router = useRouter(); router.push(\'/x\'); return null; }'),
    filename: files.button,
  },
  // a client component file, even with route-like exports and inline directives
  {
    code: lines("'use client';", 'export async function POST() { return 1; }', "export async function act() { 'use server'; }"),
    filename: files.button,
  },
  // a page (not under pages/api)
  { code: 'export default function Users() { return <div />; }', filename: files.page },
  // a 'use server' file's non-async exports; a 'use server' string that is not in a prologue
  { code: lines("'use server';", 'export const limit = 10;', 'export function sync() { return 1; }'), filename: files.libHandlers },
  { code: lines('const x = 1;', "export async function later() { void x; 'use server'; }", "'use server';"), filename: files.libHandlers },
  // half-written
  { code: 'export const POST = undefined;\nexport { };', filename: files.userRoute },
  { code: 'export default undefined;', filename: files.users },
  { code: "'use server';\nexport default 1;", filename: files.libHandlers },
];

describe('Next.js file kinds', () => {
  it('reads the App Router route from the path', () => {
    expect(appRouterRoute('/repo/app/api/users/[id]/route.ts')).toBe('/api/users/[id]');
    expect(appRouterRoute('/repo/src/app/(admin)/settings/@modal/route.tsx')).toBe('/settings');
    expect(appRouterRoute('C:\\repo\\app\\route.js')).toBe('/');
    expect(appRouterRoute('/home/app/repo/src/app/app/route.mts')).toBe('/app');
    expect(appRouterRoute('/repo/lib/route.ts')).toBeUndefined();
    expect(appRouterRoute('/repo/app/api/users/handlers.ts')).toBeUndefined();
  });

  it('reads the pages/api route from the path', () => {
    expect(pagesApiRoute('/repo/pages/api/users/[id].ts')).toBe('/api/users/[id]');
    expect(pagesApiRoute('/repo/src/pages/api/users/index.js')).toBe('/api/users');
    expect(pagesApiRoute('/repo/pages/api/index.ts')).toBe('/api');
    expect(pagesApiRoute('/repo/pages/users/index.tsx')).toBeUndefined();
    expect(pagesApiRoute('/repo/pages/api/types.d.ts')).toBeUndefined();
  });
});

for (const [mode, tester] of [
  ['untyped', untypedTester],
  ['typed', typedTester],
] as const) {
  const typed = mode === 'typed';
  const invalid: ProbeInvalid[] = [
    {
      code: routeHandlers,
      filename: files.userRoute,
      errors: [
        endpoint({ ...at(routeHandlers, 'POST'), label: 'POST /api/users/[id]', methods: 'POST', source: "req.headers.get('x-forwarded-for')" }),
        endpoint({ ...at(routeHandlers, 'DELETE'), label: 'DELETE /api/users/[id]', methods: 'DELETE', source: "request.headers.get('x-forwarded-for')" }),
        endpoint({ ...at(routeHandlers, 'GET'), label: 'GET /api/users/[id]', methods: 'GET' }),
        endpoint({ ...at(routeHandlers, 'PUT'), label: 'PUT /api/users/[id]', methods: 'PUT', source: "req.headers.get('x-forwarded-for')" }),
      ],
    },
    {
      // The wrapper's typed context shows a session user; without types there is no standard user.
      code: wrapped,
      filename: files.settingsRoute,
      errors: [
        endpoint({
          ...at(wrapped, 'PATCH'),
          label: 'PATCH /settings',
          methods: 'PATCH',
          ...(typed ? { actor: 'session.user.id' } : {}),
          source: "req.headers.get('x-forwarded-for')",
        }),
      ],
    },
    {
      code: switchHandler,
      filename: files.members,
      errors: [
        endpoint({ ...at(switchHandler, "'PUT'"), label: 'PUT /api/members/[id]', methods: 'PUT', branch: true, source: 'req.socket.remoteAddress' }),
        endpoint({ ...at(switchHandler, "'PATCH'"), label: 'PATCH|POST /api/members/[id]', methods: 'PATCH,POST', branch: true, source: 'req.socket.remoteAddress' }),
        endpoint({ ...at(switchHandler, "'GET'"), label: 'GET /api/members/[id]', methods: 'GET', branch: true, source: 'req.socket.remoteAddress' }),
      ],
    },
    {
      code: ifChain,
      filename: files.users,
      errors: [
        endpoint({ ...at(ifChain, "'DELETE'"), label: 'DELETE /api/users', methods: 'DELETE', branch: true, source: 'req.socket.remoteAddress' }),
        endpoint({ ...at(ifChain, "'POST'"), label: 'POST|PUT /api/users', methods: 'POST,PUT', branch: true, source: 'req.socket.remoteAddress' }),
      ],
    },
    {
      code: guard,
      filename: files.users,
      errors: [endpoint({ ...at(guard, "'POST'"), label: 'POST /api/users', methods: 'POST', source: 'req.socket.remoteAddress' })],
    },
    {
      code: includesGuard,
      filename: files.users,
      errors: [endpoint({ ...at(includesGuard, "'POST'"), label: 'POST|PUT /api/users', methods: 'POST,PUT', source: 'req.socket.remoteAddress' })],
    },
    {
      code: undispatched,
      filename: files.users,
      errors: [endpoint({ ...at(undispatched, 'req'), label: 'ALL /api/users', methods: 'ALL', source: 'req.socket.remoteAddress' })],
    },
    {
      code: actionsFile,
      filename: files.actions,
      errors: [
        endpoint({ ...at(actionsFile, 'deleteUser'), label: 'server action deleteUser', methods: 'ACTION' }),
        endpoint({ ...at(actionsFile, 'renameUser'), label: 'server action renameUser', methods: 'ACTION' }),
        endpoint({ ...at(actionsFile, 'createSurvey'), label: 'server action createSurvey', methods: 'ACTION' }),
        endpoint({ ...at(actionsFile, 'archiveUser'), label: 'server action archiveUser', methods: 'ACTION' }),
      ],
    },
    {
      code: inlineActions,
      filename: files.form,
      errors: [
        endpoint({ ...at(inlineActions, 'save'), label: 'server action save', methods: 'ACTION' }),
        endpoint({ ...at(inlineActions, "'use server'", 1), label: 'server action', methods: 'ACTION' }),
      ],
    },
  ];

  describe(`next adapter (${mode})`, () => {
    tester().run('next', rule, { valid: lookAlikes, invalid });
  });
}

describe('next adapter robustness', () => {
  it('never throws on truncated route handlers, API routes and actions', () => {
    const runs =
      lintTruncations([routeHandlers, wrapped], files.userRoute) +
      lintTruncations([switchHandler, ifChain, guard, includesGuard, undispatched], files.members) +
      lintTruncations([actionsFile], files.actions) +
      lintTruncations([inlineActions], files.form);
    expect(runs).toBeGreaterThan(100);
  });
});
