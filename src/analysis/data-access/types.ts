/**
 * The shape of a data-access record (one per library: Prisma, TypeORM, Sequelize, Mongoose and the MongoDB driver,
 * Drizzle, Knex, Kysely, MikroORM, raw SQL drivers) and of what the classifier answers: which operation a call
 * performs on which store, and which lifecycle hooks a file declares. Records are data only; `classify.ts` and
 * `hooks.ts` read them.
 *
 * A record describes the library's values as roles (a client, a model, a repository, a query builder…): how a value
 * of a role is created from the package's exports (`new PrismaClient()`, `class User extends Model`, a parameter typed
 * `Repository<User>`), which members lead to another role (`prisma.user` → a model delegate, `getRepository(X)` → a
 * repository of X), and which method names are data operations on it.
 */
import type { TSESTree } from '@typescript-eslint/utils';

/** What a call does to a store. `raw` is SQL (or a driver command) whose effect is in its text. */
export type Operation = 'read' | 'create' | 'update' | 'upsert' | 'delete' | 'truncate' | 'drop' | 'raw';

/** Where a store's name is written. */
export type StoreSource =
  /** An argument: `getRepository(AuditLog)`, `knex('audit_logs')`, `em.nativeDelete(AuditLog, …)`. `entity`: only a class or table reference counts (not a string alias). */
  | { readonly from: 'argument'; readonly index: number; readonly entity?: boolean }
  /** The member name that led to the role: `prisma.auditLog`. */
  | { readonly from: 'property' }
  /** An argument of a later (or earlier) call in the builder chain: `.from(AuditLog)`, `.into('t')`. */
  | { readonly from: 'chain'; readonly method: string; readonly index: number };

/** Where a call's filter is, to tell `deleteMany({})` / `destroy({ where: {} })` / no where from a filtered call. */
export type FilterSource =
  /** An argument, or a key of an object-literal argument (`{ where }`); `unfilteredFlag`: a key whose `true` means everything (`truncate: true`). */
  | { readonly in: 'argument'; readonly index: number; readonly key?: string; readonly unfilteredFlag?: string }
  /** A `where…` call in the builder chain. */
  | { readonly in: 'chain' }
  /** The operation names one record or document (`instance.destroy()`, `repo.remove(entity)`). */
  | { readonly in: 'self' }
  /** The operation has no filter (truncate, clear, drop). */
  | { readonly in: 'none' };

/** Where the fields a write sets are: the keys of an object literal argument (or of one of its keys), or of a chain call's argument. */
export type FieldsSource =
  | { readonly in: 'argument'; readonly index: number; readonly keys?: readonly string[] }
  | { readonly in: 'chain'; readonly methods: readonly string[] };

export interface OperationSpec {
  readonly operation: Operation;
  /** Where the call itself names the store; otherwise the store of the receiver (its role's). */
  readonly store?: StoreSource;
  readonly filter?: FilterSource;
  readonly fields?: FieldsSource;
  /** Raw SQL: the argument holding the text (`'template'` for a tagged template, `'receiver'` for `sql`…`.execute(db)`). */
  readonly sql?: number | 'template' | 'receiver';
}

/** A member or call that yields a value of another role. */
export interface Transition {
  readonly role: string;
  /** Where the new value's store is named; without it, the receiver's store is kept. */
  readonly store?: StoreSource;
}

/** A callback whose parameter is a value of a role: `prisma.$transaction(async (tx) => …)`. */
export interface CallbackParameter {
  /** The callback's argument index; -1 for the last argument. */
  readonly argument: number;
  readonly parameter: number;
  readonly role: string;
}

export interface Role {
  /** Method name → data operation. */
  readonly operations?: Readonly<Record<string, OperationSpec>>;
  /** A tagged template on the value itself (`sql`…``, postgres.js). */
  readonly tag?: OperationSpec;
  /** Method name → role of its result (`getRepository`, `collection`, `db`). */
  readonly methods?: Readonly<Record<string, Transition>>;
  /** Property name → role (`em`, `manager`, `query`); `*` for any other name not starting with `$` (Prisma delegates). */
  readonly properties?: Readonly<Record<string, Transition>>;
  /** Calling the value (`knex('users')`). */
  readonly call?: Transition;
  /** `new` on the value (`new User()` of a model class). */
  readonly construct?: Transition;
  /** Method name → callback parameters that take a role (`$transaction`, `transaction`, `transactional`). */
  readonly callbacks?: Readonly<Record<string, CallbackParameter>>;
  /** A fluent builder: any other method returns the same role with the same store. */
  readonly fluent?: boolean;
  /** Typed mode: how the store is read from the syntax when the receiver was recognized by its type. */
  readonly typedStore?: 'receiver-property' | 'receiver-self' | 'type-argument';
}

/** What an export of the package is (untyped recognition through imports and `require`). */
export interface ExportSpec {
  /** The imported value itself. */
  readonly value?: string;
  /** `new X(…)`. */
  readonly construct?: string;
  /** `x(…)`, with where the result's store is named (`model('AuditLog', schema)`). */
  readonly call?: string | Transition;
  /** A class extending it: the class is a value of this role, its store the class name. */
  readonly extends?: string;
  /** A variable, parameter or property annotated with this type (store: the first type argument). */
  readonly type?: string;
  /** A tagged template `x`…``. */
  readonly tag?: string;
}

/** Typed mode: the class or interface declaring a method (in one of the record's packages) → role. */
export type TypeRole = string | { readonly static?: string; readonly instance?: string };

/** Lifecycle hooks a library offers. */
export interface HookSpec {
  /** Decorator exports that mark a hook method of an entity (`AfterDestroy`, `AfterRemove`, `AfterDelete`). */
  readonly decorators?: readonly string[];
  /** Subscriber classes: recognized by a class decorator export or an implemented interface export; the model from `listenTo()`/`getSubscribedEntities()` or the interface's type argument. */
  readonly subscribers?: { readonly decorators: readonly string[]; readonly interfaces: readonly string[]; readonly modelMethods: readonly string[] };
  /** Roles on which `x.addHook('afterDestroy', fn)`, `x.afterDestroy(fn)` and `hooks: { afterDestroy }` options declare hooks, with the option-taking methods (`define`, `init`). */
  readonly registrations?: { readonly roles: readonly string[]; readonly methods: readonly string[]; readonly optionMethods: readonly string[]; readonly optionDecorators: readonly string[] };
  /** Mongoose: `schema.pre('deleteOne', fn)`, `schema.post(…)`; operations named as this role's operations. */
  readonly schema?: { readonly role: string; readonly operationsOf: readonly string[] };
  /** Prisma: `client.$extends({ query: { model: { op() {} } } })` and `client.$use(fn)`; operations named as this role's. */
  readonly extensions?: { readonly role: string; readonly operationsOf: readonly string[] };
}

/** TTL indexes and expiring fields: records that expire by themselves. */
export interface ExpirySpec {
  /** Roles whose `index(keys, { expireAfterSeconds })` / `createIndex(…)` declares a TTL index. */
  readonly indexRoles: readonly string[];
  readonly indexMethods: readonly string[];
  /** Schema constructors (exports) whose field options `expires` / `expireAfterSeconds` expire documents. */
  readonly schemaExports: readonly string[];
}

export interface DataAccessRecord {
  readonly library: string;
  /** npm packages (a subpath import such as `drizzle-orm/node-postgres` counts as its package). */
  readonly packages: readonly string[];
  /** Typed mode: a declaration file importing one of these counts as the library's (Prisma's generated client). */
  readonly generatedFrom?: readonly string[];
  /** Keyed by export name; `default` for the default export; `Knex.Transaction` for a qualified type. */
  readonly exports: Readonly<Record<string, ExportSpec>>;
  readonly roles: Readonly<Record<string, Role>>;
  /** Typed mode: declaring type name → role; a pattern matches generated names (`UserDelegate`). */
  readonly types: Readonly<Record<string, TypeRole>>;
  readonly typePatterns?: ReadonlyArray<readonly [RegExp, string]>;
  /** Untyped fallback: a receiver with this name (`prisma`, `this.prisma`, `ctx.prisma`) is this role, used only when nothing else resolves it and the method is one of the role's. */
  readonly conventional?: Readonly<Record<string, string>>;
  /** Untyped: export names that identify the library when imported from any module (`PrismaClient` from the app's generated client). */
  readonly conventionalExports?: readonly string[];
  readonly hooks?: HookSpec;
  readonly expiry?: ExpirySpec;
  /**
   * Keys of a read's options (first argument) that list the columns it returns (`select`, `attributes`): an object of
   * column → true, or an array of column names. `no-sensitive-data-in-logs` reads a record by them.
   */
  readonly projection?: readonly string[];
  /**
   * Keys of a write's options that name the associations created with the record (Sequelize `include`: `create({ …,
   * authentications: [a] }, { include: 'authentications' })`): those properties of the values are other rows, not the
   * record's columns. `no-sensitive-data-in-logs` leaves them out of an audit event that writes the record's values.
   */
  readonly associationOptions?: readonly string[];
}

/** A data operation found at a call. */
export interface DataOperation {
  readonly library: string;
  readonly operation: Operation;
  /** The method called (`deleteMany`, `del`, `query`). */
  readonly method: string;
  /** The model, table or collection as written (`auditLog`, `AuditLog`, `audit_logs`); undefined when not visible. */
  readonly store?: string;
  /** false: no filter (`deleteMany()`, `deleteMany({})`, `destroy({ where: {} })`, `truncate: true`, no where in the chain); undefined: cannot tell. */
  readonly filtered: boolean | undefined;
  /** The fields a write sets, from an object literal (`$set` and the like looked through). */
  readonly fields?: readonly string[];
  /** Raw SQL: the node holding the text (a string, template or tagged template). */
  readonly sql?: TSESTree.Node;
  readonly node: TSESTree.CallExpression | TSESTree.TaggedTemplateExpression;
}

export type HookTiming = 'before' | 'after' | 'around';

export interface LifecycleHook {
  readonly library: string;
  /** The model or entity the hook is declared for; undefined for a global hook or when not visible. */
  readonly model?: string;
  readonly operations: readonly Operation[];
  readonly timing: HookTiming;
  /** The function that runs (undefined when passed by a name that does not resolve in this file). */
  readonly handler?: TSESTree.Node;
  readonly node: TSESTree.Node;
}

/** A TTL index or expiring field: documents of the store disappear by themselves. */
export interface Expiry {
  readonly library: string;
  readonly store?: string;
  /** The option node (`expireAfterSeconds: 3600`, `expires: '30d'`). */
  readonly node: TSESTree.Node;
}
