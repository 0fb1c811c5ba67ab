/** Prisma: delegates, raw queries, transactions, the conventional `prisma` name; typed with the generated client in tests/fixtures/data-access/prisma. */
import { runCases } from './probe.js';

const CLIENT = `import { PrismaClient } from './prisma/generated/client.mjs';\nconst prisma = new PrismaClient({} as never);\n`;

runCases('prisma', [
  {
    name: 'model delegate operations, filters and fields',
    code: `${CLIENT}
export async function f(id: number) {
  await prisma.user.findMany({ where: { id } });
  await prisma.auditLog.deleteMany({});
  await prisma.auditLog.deleteMany();
  await prisma.auditLog.deleteMany({ where: {} });
  await prisma.auditLog.deleteMany({ where: { id } });
  await prisma.user.update({ where: { id }, data: { role: 'admin', password: 'x' } });
  await prisma.user.create({ data: { email: 'a', role: 'r', password: 'p' } });
}`,
    ops: [
      'prisma read findMany store=user',
      'prisma delete deleteMany store=auditLog filtered=false',
      'prisma delete deleteMany store=auditLog filtered=false',
      'prisma delete deleteMany store=auditLog filtered=false',
      'prisma delete deleteMany store=auditLog filtered=true',
      'prisma update update store=user filtered=true fields=role,password',
      'prisma create create store=user fields=email,role,password',
    ],
  },
  {
    name: 'raw queries, called and tagged, and a transaction client',
    code: `${CLIENT}
export async function f() {
  await prisma.$executeRaw\`DELETE FROM "AuditLog"\`;
  await prisma.$queryRawUnsafe('SELECT 1');
  await prisma.$transaction(async (tx) => { await tx.auditLog.delete({ where: { id: 1 } }); });
}`,
    ops: ['prisma raw $executeRaw sql', 'prisma raw $queryRawUnsafe sql', 'prisma delete delete store=auditLog filtered=true'],
  },
  {
    name: 'a client under the conventional name, injected',
    code: `import { PrismaClient } from './prisma/generated/client.mjs';
export class Service {
  constructor(private readonly prisma: PrismaClient) {}
  purge() { return this.prisma.auditLog.deleteMany({}); }
}`,
    ops: ['prisma delete deleteMany store=auditLog filtered=false'],
  },
  {
    name: 'typed only: a client returned by a local function (the generated client declares the delegates)',
    code: `import { PrismaClient } from './prisma/generated/client.mjs';
function connect() { return new PrismaClient({} as never); }
export async function f() {
  const db = connect();
  await db.auditLog.deleteMany({});
  await db.$executeRawUnsafe('TRUNCATE "AuditLog"');
}`,
    ops: [],
    typed: ['prisma delete deleteMany store=auditLog filtered=false', 'prisma raw $executeRawUnsafe sql'],
  },
  {
    name: 'look-alikes: a Map-like object with deleteMany, a Map delete, array find',
    code: `const cache = { user: { deleteMany(_: object) { return 0; } } };
const map = new Map<string, number>();
export function f(items: number[]) {
  cache.user.deleteMany({});
  map.delete('a');
  return items.find(item => item > 1);
}`,
    ops: [],
  },
  {
    name: 'a conventional name with a known unrelated type is not Prisma',
    code: `const prisma = { user: { deleteMany(_: object) { return 0; } } };
export function f() { prisma.user.deleteMany({}); }`,
    ops: ['prisma delete deleteMany store=user filtered=false'],
    typed: [],
  },
]);
