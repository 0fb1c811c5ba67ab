/** TTL indexes and expiring fields (`expiriesOf`), both modes: a probe reports each expiring option as `library store=…`. */
import { ESLintUtils, type TSESTree } from '@typescript-eslint/utils';
import { describe } from 'vitest';
import { expiriesOf } from '../../../src/analysis/data-access/expiry.js';
import { typedTester, untypedTester } from '../../rule-tester.js';
import { PROBE_FILE } from './probe.js';

const probeRule = ESLintUtils.RuleCreator.withoutDocs<[], 'expiry'>({
  meta: { type: 'problem', messages: { expiry: '{{expiry}}' }, schema: [] },
  create(context) {
    const check = (node: TSESTree.CallExpression | TSESTree.NewExpression) => {
      for (const expiry of expiriesOf(node, context)) {
        context.report({ node: expiry.node, messageId: 'expiry', data: { expiry: `${expiry.library}${expiry.store ? ` store=${expiry.store}` : ''}` } });
      }
    };
    return { CallExpression: check, NewExpression: check };
  },
});

const CASES: ReadonlyArray<{ name: string; code: string; expiries: string[] }> = [
  {
    name: 'mongoose schema index, expiring field, driver createIndex',
    code: `import { Schema } from 'mongoose';
import { MongoClient } from 'mongodb';
import mongoose from 'mongoose';
const schema = new Schema({ at: { type: Date, expires: '30d' }, action: String });
export const other = new mongoose.Schema({ at: { type: Date, expires: 60 } });
schema.index({ at: 1 }, { expireAfterSeconds: 3600 });
export async function f(client: MongoClient) {
  await client.db('app').collection('audit_logs').createIndex({ at: 1 }, { expireAfterSeconds: 60 });
}`,
    expiries: ['mongoose', 'mongoose', 'mongoose', 'mongoose store=audit_logs'],
  },
  {
    name: 'look-alikes: an options object elsewhere, a plain index call',
    code: `const cache = { index(_: object, __: object) {} };
cache.index({ at: 1 }, { expireAfterSeconds: 60 });
export const options = { expires: '1d' };`,
    expiries: [],
  },
];

for (const [mode, tester] of [['untyped', untypedTester], ['typed', typedTester]] as const) {
  describe(`expiry (${mode})`, () => {
    for (const item of CASES) {
      const test = { code: item.code, filename: PROBE_FILE };
      (tester)().run(
        item.name,
        probeRule,
        item.expiries.length === 0
          ? { valid: [test], invalid: [] }
          : { valid: [], invalid: [{ ...test, errors: item.expiries.map(expiry => ({ messageId: 'expiry' as const, data: { expiry } })) }] },
      );
    }
  });
}
