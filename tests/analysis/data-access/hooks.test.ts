/**
 * Lifecycle hooks (`lifecycleHooksIn`): a probe rule reports each hook at the end of the file as
 * `library timing ops model=… handler`, in source order, both modes.
 */
import { ESLintUtils } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { lifecycleHooksIn, parseHookName } from '../../../src/analysis/data-access/hooks.js';
import { typedTester, untypedTester } from '../../rule-tester.js';
import { PROBE_FILE } from './probe.js';

const probeRule = ESLintUtils.RuleCreator.withoutDocs<[], 'hook'>({
  meta: { type: 'problem', messages: { hook: '{{hook}}' }, schema: [] },
  create(context) {
    return {
      'Program:exit'() {
        for (const hook of lifecycleHooksIn(context)) {
          const text = `${hook.library} ${hook.timing} ${hook.operations.join(',')}${hook.model ? ` model=${hook.model}` : ''}${hook.handler ? ' handler' : ''}`;
          context.report({ node: hook.node, messageId: 'hook', data: { hook: text } });
        }
      },
    };
  },
});

const CASES: ReadonlyArray<{ name: string; code: string; hooks: string[] }> = [
  {
    name: 'sequelize: addHook, a hook method, a hooks option, decorators',
    code: `import { Model, Sequelize } from 'sequelize';
import { AfterDestroy, Model as TsModel, Table } from 'sequelize-typescript';
const sequelize = new Sequelize('sqlite::memory:');
class Membership extends Model {}
Membership.addHook('afterDestroy', async () => {});
Membership.afterBulkDestroy(async () => {});
const Token = sequelize.define('token', {}, { hooks: { afterCreate() {} } });
@Table({ hooks: { beforeUpdate() {} } })
class Team extends TsModel { @AfterDestroy static audit() {} }
export { Token, Team };`,
    hooks: [
      'sequelize after delete model=Membership handler',
      'sequelize after delete model=Membership handler',
      'sequelize after create model=token handler',
      'sequelize before update model=Team handler',
      'sequelize after delete model=Team handler',
    ],
  },
  {
    name: 'typeorm: listener decorators and a subscriber',
    code: `import { AfterRemove, Entity, EntitySubscriberInterface, EventSubscriber, RemoveEvent } from 'typeorm';
@Entity() class Member { @AfterRemove() audit() {} }
@EventSubscriber()
export class MemberSubscriber implements EntitySubscriberInterface<Member> {
  listenTo() { return Member; }
  afterRemove(_event: RemoveEvent<Member>) {}
  afterInsert() {}
}`,
    hooks: ['typeorm after delete model=Member handler', 'typeorm after delete model=Member handler', 'typeorm after create model=Member handler'],
  },
  {
    name: 'mongoose schema hooks, prisma extensions and middleware, mikro-orm decorators',
    code: `import { Schema } from 'mongoose';
import { AfterDelete, Entity } from '@mikro-orm/core';
import { PrismaClient } from './prisma/generated/client.mjs';
const schema = new Schema({});
schema.post('deleteOne', function () {});
schema.pre(['save', 'updateOne'], function () {});
const prisma = new PrismaClient({} as never).$extends({ query: { user: { async delete({ args, query }) { return query(args); } }, $allModels: { async $allOperations({ args, query }) { return query(args); } } } });
@Entity() class Book { @AfterDelete() audit() {} }
export { prisma, Book };`,
    hooks: [
      'mongoose after delete handler',
      'mongoose before update,upsert handler',
      'prisma around delete model=user handler',
      'prisma around read,create,update,upsert,delete handler',
      'mikro-orm after delete model=Book handler',
    ],
  },
  {
    name: 'look-alikes: an event emitter with pre and post, a class method named afterDestroy, an unrelated decorator',
    code: `const emitter = { pre(_: string, __: () => void) {}, post(_: string, __: () => void) {} };
emitter.post('deleteOne', () => {});
const AfterDestroy = () => (_: object, __: string) => {};
class Thing { @AfterDestroy() afterDestroy() {} }
export { Thing };`,
    hooks: [],
  },
];

describe('parseHookName', () => {
  it.each([
    ['afterBulkDestroy', { timing: 'after', operations: ['delete'] }],
    ['AfterRemove', { timing: 'after', operations: ['delete'] }],
    ['beforeSave', { timing: 'before', operations: ['create', 'update'] }],
    ['beforeValidate', undefined],
    ['afterward', undefined],
  ])('%s', (name, expected) => {
    expect(parseHookName(name)).toEqual(expected);
  });
});

for (const [mode, tester] of [['untyped', untypedTester], ['typed', typedTester]] as const) {
  describe(`hooks (${mode})`, () => {
    for (const item of CASES) {
      const test = { code: item.code, filename: PROBE_FILE };
      (tester)().run(
        item.name,
        probeRule,
        item.hooks.length === 0
          ? { valid: [test], invalid: [] }
          : { valid: [], invalid: [{ ...test, errors: item.hooks.map(hook => ({ messageId: 'hook' as const, data: { hook } })) }] },
      );
    }
  });
}
