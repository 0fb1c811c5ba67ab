/** Mongoose models and documents, and the MongoDB driver's collections. */
import { runCases } from './probe.js';

runCases('mongoose', [
  {
    name: 'model statics: unfiltered deletes, update fields through $set',
    code: `import mongoose, { model, Schema } from 'mongoose';
const schema = new Schema({ action: String });
const AuditLog = model('AuditLog', schema);
const User = mongoose.model('User', new Schema({ role: String }));
export async function f(id: string) {
  await AuditLog.deleteMany({});
  await AuditLog.deleteMany({ actor: id });
  await AuditLog.find({ actor: id });
  await User.updateOne({ _id: id }, { $set: { role: 'admin' } });
  await AuditLog.collection.drop();
}`,
    ops: [
      'mongoose delete deleteMany store=AuditLog filtered=false',
      'mongoose delete deleteMany store=AuditLog filtered=true',
      'mongoose read find store=AuditLog',
      'mongoose update updateOne store=User filtered=true fields=role',
      'mongoose drop drop store=AuditLog filtered=false',
    ],
  },
  {
    name: 'the driver: client, db, collection',
    code: `import { MongoClient } from 'mongodb';
const client = new MongoClient('mongodb://localhost');
export async function f() {
  const logs = client.db('app').collection('audit_logs');
  await logs.deleteMany({});
  await logs.insertOne({ action: 'x' });
  await client.db('app').dropCollection('audit_logs');
}`,
    ops: [
      'mongoose delete deleteMany store=audit_logs filtered=false',
      'mongoose create insertOne store=audit_logs fields=action',
      'mongoose drop dropCollection store=audit_logs filtered=false',
    ],
  },
  {
    name: 'look-alikes: an array find, an own deleteMany',
    code: `const store = { deleteMany(_: object) { return 0; } };
export function f(items: string[]) { store.deleteMany({}); return items.find(item => item === 'a'); }`,
    ops: [],
  },
]);
