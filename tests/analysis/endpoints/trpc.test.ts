/**
 * tRPC adapter: `.mutation()` / `.query()` on procedure builders, in both modes against the real @trpc/server types.
 * Typed mode confirms the builder comes from @trpc/server; untyped mode reads the chain's root.
 */
import { describe, expect, it } from 'vitest';
import { typedTester, untypedTester } from '../../rule-tester.js';
import { at, endpoint, fixture, lines, lintTruncations, probeRule, type ProbeInvalid } from './probe-app.js';

const filename = fixture('trpc/router.ts');
const rule = probeRule();

const router = lines(
  "import { initTRPC, TRPCError } from '@trpc/server';",
  "import { z } from 'zod';",
  '',
  'interface Context { user?: { id: string }; ip: string }',
  '',
  'const t = initTRPC.context<Context>().create();',
  'export const publicProcedure = t.procedure;',
  'export const protectedProcedure = t.procedure.use(({ ctx, next }) => {',
  "  if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED' });",
  '  return next({ ctx: { user: ctx.user } });',
  '});',
  '',
  'export const appRouter = t.router({',
  '  create: publicProcedure',
  '    .input(z.object({ name: z.string() }))',
  '    .mutation(async ({ ctx, input }) => `${ctx.ip}:${input.name}`),',
  '  remove: protectedProcedure.mutation(({ ctx }) => ctx.user.id),',
  '  list: t.procedure.query(() => []),',
  '  user: t.router({',
  '    rename: t.procedure.mutation(async ({ ctx: { user } }) => user?.id ?? null),',
  '  }),',
  '});',
);

const sessionContext = lines(
  "import { initTRPC } from '@trpc/server';",
  '',
  'type Context = { session: { user: { id: string } } | null; req: Request };',
  'const trpc = initTRPC.context<Context>().create();',
  'const authed = trpc.procedure;',
  '',
  'export const settingsRouter = trpc.router({',
  '  update: authed.mutation(async ({ ctx }) => ctx.session?.user.id ?? ctx.req.url),',
  '});',
  'export const standalone = authed.mutation(async () => 1);',
);

/** Imported under a name no convention recognizes (`authed` from trpc/procedures.ts): only the checker knows. */
const imported = lines(
  "import { authed, router } from './procedures';",
  '',
  'export const r = router({',
  '  archive: authed.mutation(async ({ ctx }) => ctx.ip),',
  '});',
);

/** Named like a procedure but not from tRPC: untyped mode goes by the name, typed mode knows better. */
const fakeProcedure = lines(
  'const fakeProcedure = { mutation: (fn: () => number) => fn };',
  'export const x = { y: fakeProcedure.mutation(() => 1) };',
);

const lookAlikes = [
  // react-query hooks and tRPC client calls
  lines(
    'declare function useMutation(options: unknown): unknown;',
    'declare const trpc: { user: { create: { useMutation(): unknown; mutate(input: unknown): unknown } } };',
    'declare const api: { user: { create: { mutation(input: unknown): unknown } } };',
    'useMutation({ mutationFn: async () => 1 });',
    'trpc.user.create.useMutation();',
    'trpc.user.create.mutate({});',
    'api.user.create.mutation({ name: 1 });',
  ),
  // query builders and GraphQL clients
  lines(
    'declare function knex(table: string): { query(): unknown; where(a: string): { query(): unknown } };',
    'declare const graphqlClient: { mutation(options: unknown): unknown; query(options: unknown): unknown };',
    "declare const db: { query(sql: string): unknown };",
    "knex('users').query();",
    "knex('users').where('x').query();",
    "graphqlClient.mutation({ mutation: 'mutation { x }' });",
    "graphqlClient.query({ query: '{ x }' });",
    "db.query('SELECT 1');",
  ),
  // half-written: no resolver yet
  lines("import { initTRPC } from '@trpc/server';", 'const t = initTRPC.create();', 'export const r = t.router({ a: t.procedure.mutation() });'),
  // a subscription is not a mutation or a query
  lines("import { initTRPC } from '@trpc/server';", 'const t = initTRPC.create();', 'export const r = t.router({ a: t.procedure.subscription(async function* () { yield 1; }) });'),
];

for (const [mode, tester] of [
  ['untyped', untypedTester],
  ['typed', typedTester],
] as const) {
  const typed = mode === 'typed';
  const invalid: ProbeInvalid[] = [
    {
      code: router,
      filename,
      errors: [
        endpoint({ ...at(router, 'mutation'), label: 'tRPC mutation create', methods: 'MUTATION', actor: 'ctx.user?.id', source: 'ctx.ip' }),
        // The middleware narrows ctx.user: with types it is never nullish.
        endpoint({
          ...at(router, 'mutation', 1),
          label: 'tRPC mutation remove',
          methods: 'MUTATION',
          actor: typed ? 'ctx.user.id' : 'ctx.user?.id',
          ...(typed ? { source: 'ctx.ip' } : {}),
        }),
        endpoint({ ...at(router, 'query'), label: 'tRPC query list', methods: 'QUERY' }),
        endpoint({ ...at(router, 'mutation', 2), label: 'tRPC mutation user.rename', methods: 'MUTATION', actor: typed ? 'user?.id' : 'user?.id' }),
      ],
    },
    {
      code: sessionContext,
      filename,
      errors: [
        endpoint({
          ...at(sessionContext, 'mutation'),
          label: 'tRPC mutation update',
          methods: 'MUTATION',
          actor: typed ? 'ctx.session?.user.id' : 'ctx.session?.user?.id',
          source: typed ? "ctx.req.headers.get('x-forwarded-for')" : 'ctx.req.ip',
        }),
        endpoint({ ...at(sessionContext, 'mutation', 1), label: 'tRPC mutation standalone', methods: 'MUTATION' }),
      ],
    },
  ];
  if (typed) {
    invalid.push({
      code: imported,
      filename,
      errors: [endpoint({ ...at(imported, 'mutation'), label: 'tRPC mutation archive', methods: 'MUTATION', actor: 'ctx.user?.id', source: 'ctx.ip' })],
    });
  } else {
    invalid.push({
      code: fakeProcedure,
      filename,
      errors: [endpoint({ ...at(fakeProcedure, 'mutation', 1), label: 'tRPC mutation y', methods: 'MUTATION' })],
    });
  }

  describe(`trpc adapter (${mode})`, () => {
    tester().run('trpc', rule, {
      valid: [...lookAlikes, typed ? fakeProcedure : imported].map((code) => ({ code, filename })),
      invalid,
    });
  });
}

describe('trpc adapter robustness', () => {
  it('never throws on truncated routers', () => {
    expect(lintTruncations([router, sessionContext, imported, ...lookAlikes], filename)).toBeGreaterThan(100);
  });
});
