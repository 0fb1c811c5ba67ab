/** TypeORM: repositories (getRepository, injected `Repository<X>`), the entity manager, Active Record, query builders, raw queries. */
import { runCases } from './probe.js';

const ENTITY = `import { BaseEntity, Column, DataSource, Entity, EntityManager, PrimaryGeneratedColumn, Repository } from 'typeorm';
@Entity() class AuditLog { @PrimaryGeneratedColumn() id!: number; @Column() action!: string; }
@Entity() class User extends BaseEntity { @PrimaryGeneratedColumn() id!: number; @Column() role!: string; }
const dataSource = new DataSource({ type: 'postgres' });
`;

runCases('typeorm', [
  {
    name: 'a repository from the data source, filters and fields',
    code: `${ENTITY}
export async function f(id: number) {
  const logs = dataSource.getRepository(AuditLog);
  await logs.find({ where: { id } });
  await logs.delete({ id });
  await logs.clear();
  await logs.update({ id }, { action: 'x' });
  await dataSource.query('DELETE FROM audit_log');
}`,
    ops: [
      'typeorm read find store=AuditLog',
      'typeorm delete delete store=AuditLog filtered=true',
      'typeorm truncate clear store=AuditLog filtered=false',
      'typeorm update update store=AuditLog filtered=true fields=action',
      'typeorm raw query sql',
    ],
  },
  {
    name: 'an injected repository and the entity manager',
    code: `${ENTITY}
export class Service {
  constructor(private readonly logs: Repository<AuditLog>, private readonly manager: EntityManager) {}
  async run(id: number) {
    await this.logs.delete({});
    await this.manager.delete(AuditLog, { id });
    await this.manager.transaction(async (em) => em.clear(AuditLog));
  }
}`,
    ops: ['typeorm delete delete store=AuditLog filtered=false', 'typeorm delete delete store=AuditLog filtered=true', 'typeorm truncate clear store=AuditLog filtered=false'],
  },
  {
    name: 'Active Record statics and instances',
    code: `${ENTITY}
export async function f(id: number) {
  await User.update({ id }, { role: 'admin' });
  const user = new User();
  await user.remove();
}`,
    ops: ['typeorm update update store=User filtered=true fields=role', 'typeorm delete remove store=User filtered=true'],
  },
  {
    name: 'query builders',
    code: `${ENTITY}
export async function f() {
  await dataSource.createQueryBuilder().delete().from(AuditLog).execute();
  await dataSource.createQueryBuilder().delete().from(AuditLog).where('id = :id', { id: 1 }).execute();
  await dataSource.getRepository(User).createQueryBuilder('u').update().set({ role: 'admin' }).where('id = 1').execute();
}`,
    ops: [
      'typeorm delete delete store=AuditLog filtered=false',
      'typeorm delete delete store=AuditLog filtered=true',
      'typeorm update update store=User filtered=true fields=role',
    ],
  },
  {
    name: 'look-alikes: an own repository class and a Set',
    code: `class Repository2 { delete(_: object) { return 1; } }
const repo = new Repository2();
const seen = new Set<number>();
export function f() { repo.delete({}); seen.delete(1); }`,
    ops: [],
  },
]);
