/** Sequelize and sequelize-typescript: model classes, `define`d models, statics, instances, raw queries. */
import { runCases } from './probe.js';

runCases('sequelize', [
  {
    name: 'model statics: destroy filters, truncate, update fields',
    code: `import { Model, Sequelize } from 'sequelize';
const sequelize = new Sequelize('sqlite::memory:');
class AuditLog extends Model {}
class User extends Model { declare role: string; }
export async function f(id: number) {
  await AuditLog.destroy({ where: {} });
  await AuditLog.destroy({ truncate: true });
  await AuditLog.destroy({ where: { id } });
  await AuditLog.findAll({ where: { id } });
  await User.update({ role: 'admin' }, { where: { id } });
  await sequelize.query('TRUNCATE audit_logs');
}`,
    ops: [
      'sequelize delete destroy store=AuditLog filtered=false',
      'sequelize delete destroy store=AuditLog filtered=false',
      'sequelize delete destroy store=AuditLog filtered=true',
      'sequelize read findAll store=AuditLog',
      'sequelize update update store=User filtered=true fields=role',
      'sequelize raw query sql',
    ],
  },
  {
    name: 'instances and defined models',
    code: `import { DataTypes, Sequelize } from 'sequelize';
import { Model as TsModel, Table } from 'sequelize-typescript';
@Table class Membership extends TsModel {}
const sequelize = new Sequelize('sqlite::memory:');
const Token = sequelize.define('token', { value: DataTypes.STRING });
export async function f(id: number) {
  const membership = await Membership.findByPk(id);
  await membership?.destroy();
  await Token.destroy({ where: { value: 'x' } });
}`,
    ops: [
      'sequelize read findByPk store=Membership',
      'sequelize delete destroy store=Membership filtered=true',
      'sequelize delete destroy store=token filtered=true',
    ],
  },
  {
    name: 'look-alikes: a class with its own destroy, not a model',
    code: `class Session { static destroy(_: object) { return 1; } }
export function f() { Session.destroy({ where: {} }); }`,
    ops: [],
  },
]);
