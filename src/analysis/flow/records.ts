/**
 * Records loaded from a store (`src/analysis/data-access/`), written whole: `before: existing` where
 * `existing = await prisma.user.findUnique(…)`, `User.findByPk(id)`, `repo.findOne(…)`. A read whose columns are listed
 * (the record's `projection`: Prisma and TypeORM `select`, Sequelize `attributes`) is a source when a listed column
 * is sensitive by name, and not one otherwise; a read of every column is a source when its model or table names a
 * person (`user`, `account`, `member`, `customer`, `patient`, …) and personal data is active (contact data, under
 * GDPR or HIPAA): a person's record holds their name and e-mail address.
 *
 * A value written under a name key into a person's record (`User.createWithCtx(ctx, { name })`) is the person's name
 * (`personName`).
 *
 * Typed mode reads the record's type first (`sourcesOf`); this is the fallback where the type says nothing (any, an
 * unresolved model) — a declared type that shows nothing sensitive is not overridden (`origins.ts`).
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { propertyKeyName } from '../ast/properties.js';
import { unwrapExpression } from '../ast/unwrap.js';
import { dataOperationOf } from '../data-access/classify.js';
import { DATA_ACCESS_RECORDS } from '../data-access/index.js';
import { splitWords } from '../matchers.js';
import type { SensitiveMatch } from '../sensitive-data.js';
import { CATEGORY_TITLES } from '../../regulations/defaults.js';
import type { FlowState } from './state.js';

/** Last words of a model or table name that say its rows are people. */
const PERSON_WORDS = new Set([
  'user', 'users', 'account', 'accounts', 'member', 'members', 'customer', 'customers', 'patient', 'patients', 'person',
  'persons', 'people', 'profile', 'profiles', 'employee', 'employees', 'contact', 'contacts', 'subscriber', 'subscribers',
  'applicant', 'applicants', 'student', 'students', 'recipient', 'recipients', 'admin', 'admins',
]);

/** Whether a model, table or variable name names a person by its last word (`User`, `teamMember`, `customers`). */
export function namesPerson(name: string): boolean {
  const words = splitWords(name).map(word => word.toLowerCase());
  return PERSON_WORDS.has(words[words.length - 1] ?? '');
}

export interface StoredRecord {
  readonly category: string;
  readonly detail: string;
}

/** Keys of a person's record that hold the person's name. */
const NAME_KEYS = new Set(['name', 'displayname', 'fullname', 'firstname', 'lastname', 'givenname', 'familyname', 'surname', 'middlename']);

/** First words of a method that writes the values it is given (`createWithCtx`, `update`, `upsert`, `findOrCreate`). */
const WRITE_VERBS = new Set(['create', 'save', 'update', 'upsert', 'insert', 'find']);

/**
 * A value written under a name key into a person's record: `User.createWithCtx(ctx, { name: invite.name })`,
 * `user.update({ displayName })`, `prisma.user.create({ data: { name } })`. The receiver names a person (its last word)
 * and the method writes (its first word; `find…` only as `findOrCreate…`). Personal data only where it is active.
 */
export function personName(state: FlowState, node: TSESTree.Node): StoredRecord | undefined {
  const property = node.parent;
  if (property?.type !== AST_NODE_TYPES.Property || property.value !== node || property.parent.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const key = propertyKeyName(property);
  if (key === undefined || !NAME_KEYS.has(key.toLowerCase().replace(/[_-]/gu, ''))) return undefined;
  let values: TSESTree.Node = property.parent;
  while (values.parent && isWrapper(values.parent)) values = values.parent;
  // Prisma's `{ data: { name } }`: the values one level down.
  const outer = values.parent?.type === AST_NODE_TYPES.Property && propertyKeyName(values.parent) === 'data' ? values.parent.parent : undefined;
  if (outer?.type === AST_NODE_TYPES.ObjectExpression) values = outer;
  const call = values.parent;
  if (call?.type !== AST_NODE_TYPES.CallExpression || !call.arguments.includes(values as TSESTree.CallExpressionArgument)) return undefined;
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const verbs = splitWords(callee.property.type === AST_NODE_TYPES.Identifier ? callee.property.name : '').map(word => word.toLowerCase());
  if (!WRITE_VERBS.has(verbs[0] ?? '') || (verbs[0] === 'find' && !verbs.includes('create'))) return undefined;
  const receiver = unwrapExpression(callee.object);
  const name = receiver.type === AST_NODE_TYPES.Identifier ? receiver.name : receiver.type === AST_NODE_TYPES.MemberExpression && receiver.property.type === AST_NODE_TYPES.Identifier ? receiver.property.name : undefined;
  if (name === undefined || !namesPerson(name)) return undefined;
  const personal = state.sensitive.classifyName('email');
  return personal ? { category: personal.category, detail: `a person's name in a ${name} record: personal data` } : undefined;
}

/** Nodes of a function searched for assignments before a save, at most. */
const MAX_SEARCH = 3000;

/**
 * `user` in `user.saveWithCtx(ctx)` (the record a save writes, see audit-args.ts) after `user.name = name` in the same
 * function: the person's changed name is written. Fields sensitive by name count too (`user.email = …`).
 */
export function savedPersonChange(state: FlowState, node: TSESTree.Node): StoredRecord | undefined {
  const member = node.parent;
  if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== node || member.parent.type !== AST_NODE_TYPES.CallExpression || member.parent.callee !== member) return undefined;
  const method = member.property.type === AST_NODE_TYPES.Identifier ? member.property.name : '';
  const name = node.type === AST_NODE_TYPES.Identifier ? node.name : node.type === AST_NODE_TYPES.MemberExpression && node.property.type === AST_NODE_TYPES.Identifier ? node.property.name : undefined;
  if (splitWords(method)[0]?.toLowerCase() !== 'save' || name === undefined || !namesPerson(name)) return undefined;
  const text = state.sourceCode.getText(node);
  let fn: TSESTree.Node | undefined = node.parent;
  while (fn && fn.type !== AST_NODE_TYPES.FunctionDeclaration && fn.type !== AST_NODE_TYPES.FunctionExpression && fn.type !== AST_NODE_TYPES.ArrowFunctionExpression) fn = fn.parent;
  if (!fn) return undefined;
  const personal = state.sensitive.classifyName('email');
  let found: StoredRecord | undefined;
  let budget = MAX_SEARCH;
  const visit = (current: TSESTree.Node): void => {
    if (found || budget-- <= 0 || current.range[0] >= node.range[0]) return;
    if (current.type === AST_NODE_TYPES.AssignmentExpression && current.left.type === AST_NODE_TYPES.MemberExpression && !current.left.computed && current.left.property.type === AST_NODE_TYPES.Identifier) {
      const key = current.left.property.name;
      if (state.sourceCode.getText(current.left.object) === text) {
        const match = state.sensitive.classifyName(key);
        if (match) found = { category: match.category, detail: `${text}.${key} saved: ${title(match.category)}` };
        else if (personal && NAME_KEYS.has(key.toLowerCase())) found = { category: personal.category, detail: `${text}.${key} saved: personal data` };
      }
    }
    for (const [key, value] of Object.entries(current)) {
      if (key === 'parent') continue;
      for (const item of Array.isArray(value) ? value : [value]) if (typeof item === 'object' && item !== null && typeof (item as { type?: unknown }).type === 'string') visit(item as TSESTree.Node);
    }
  };
  visit(fn);
  return found;
}

function isWrapper(node: TSESTree.Node): boolean {
  return node.type === AST_NODE_TYPES.TSAsExpression || node.type === AST_NODE_TYPES.TSSatisfiesExpression || node.type === AST_NODE_TYPES.TSNonNullExpression;
}

/** What a store read returns, when it is sensitive: a person's record, or a record with a sensitive column listed. */
export function storedRecord(state: FlowState, call: TSESTree.CallExpression): StoredRecord | undefined {
  const operation = dataOperationOf(call, { sourceCode: state.sourceCode });
  if (operation?.operation !== 'read') return undefined;
  const record = DATA_ACCESS_RECORDS.find(candidate => candidate.library === operation.library);
  const columns = projection(call, record?.projection ?? []);
  const store = operation.store;
  if (columns) {
    const match = columns.map(column => state.sensitive.classifyName(column)).find((found): found is SensitiveMatch => found !== undefined);
    if (!match) return undefined;
    return { category: match.category, detail: `${store ?? 'stored'} record with ${match.name}: ${title(match.category)}` };
  }
  const words = store ? splitWords(store).map(word => word.toLowerCase()) : [];
  const last = words[words.length - 1];
  if (last === undefined || !PERSON_WORDS.has(last)) return undefined;
  // Personal data only where it is active: the category an e-mail address classifies into.
  const personal = state.sensitive.classifyName('email');
  if (!personal) return undefined;
  return { category: personal.category, detail: `${store} record: personal data` };
}

function title(category: string): string {
  return (CATEGORY_TITLES as Readonly<Record<string, string>>)[category] ?? category;
}

/** The columns a read lists (`{ select: { id: true, email: true } }`, `{ attributes: ['id'] }`); undefined: every column. */
function projection(call: TSESTree.CallExpression, keys: readonly string[]): string[] | undefined {
  const options = call.arguments[0] ? unwrapExpression(call.arguments[0]) : undefined;
  if (keys.length === 0 || options?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  for (const property of options.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const key = propertyKeyName(property);
    if (key === undefined || !keys.includes(key)) continue;
    const value = unwrapExpression(property.value);
    if (value.type === AST_NODE_TYPES.ObjectExpression) {
      const columns: string[] = [];
      for (const column of value.properties) {
        if (column.type !== AST_NODE_TYPES.Property) return undefined;
        const name = propertyKeyName(column);
        if (name === undefined) return undefined;
        const included = unwrapExpression(column.value);
        if (included.type === AST_NODE_TYPES.Literal && included.value === false) continue;
        columns.push(name);
      }
      return columns;
    }
    if (value.type === AST_NODE_TYPES.ArrayExpression) {
      const columns: string[] = [];
      for (const element of value.elements) {
        if (element?.type !== AST_NODE_TYPES.Literal || typeof element.value !== 'string') return undefined;
        columns.push(element.value);
      }
      return columns;
    }
    return undefined;
  }
  return undefined;
}
