/**
 * Records loaded from a store (`src/analysis/data-access/`), written whole: `before: existing` where
 * `existing = await prisma.user.findUnique(…)`, `User.findByPk(id)`, `repo.findOne(…)`. A read whose columns are listed
 * (the record's `projection`: Prisma and TypeORM `select`, Sequelize `attributes`) is a source when a listed column
 * is sensitive by name, and not one otherwise; a read of every column is a source when its model or table names a
 * person (`user`, `account`, `member`, `customer`, `patient`, …) and personal data is active (contact data, under
 * GDPR or HIPAA): a person's record holds their name and e-mail address.
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

export interface StoredRecord {
  readonly category: string;
  readonly detail: string;
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
