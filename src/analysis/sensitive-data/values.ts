/**
 * What a value's origin says where its name is ambiguous (both modes; typed mode adds the value's type):
 * - an id under a credential's name: `{ apiKey: key.id }`, `{ sessionId: checkoutSession.id }` (a session only when it is a
 *   provider's checkout session: by name, by the call that made it, by type), and in typed mode a number or a branded id
 *   (`SessionId`); not `req.session.id` nor `createSession(user).id` (a login session's id is the cookie);
 * - a literal under a sensitive name: an enum member, a literal of an `as const` / frozen object, or (typed) a literal type (`TokenType.REFRESH_TOKEN`,
 *   `GrantType.RefreshToken`) is a label, never the secret;
 * - a person's name: `name`/`displayName`/… of a person-like record (`user.name`, `context.user.name`, `member.fullName`),
 *   in typed mode of a person-like declaring type; recipients of a message (`message.to`, `mail.cc`); not the sender of a
 *   message (`data.from.address`, `mail.from.email`: the service's mailbox);
 * - a one-time code under a plain name: `code` from `authenticator.generate()` / `speakeasy.totp()`, or a `code` of a
 *   type named like `TwoFactor…`, `Otp…`, `Mfa…` (typed); an error's or an HTTP status `code` is not one.
 * Word lists are data (`words.ts`, `PERSON_*` here). Never throws.
 */
import type { TSESLint} from '@typescript-eslint/utils';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import { staticPropertyName } from '../ast/keys.js';
import { unwrapExpression } from '../ast/unwrap.js';
import { importedName } from '../ast/imports.js';
import { constInitOf, findVariable } from '../ast/variables.js';
import { findExport, resolveImport } from '../modules.js';
import { calleePath, splitWords } from '../matchers.js';
import type { TypeServices } from '../types/services.js';
import type { SensitiveMatch } from './match.js';
import { ID_SUFFIXES } from './words.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

/** Last words of records that are people: `user`, `currentUser`, `teamMember`, `accountHolder`. */
export const PERSON_WORDS: ReadonlySet<string> = new Set([
  'user', 'users', 'member', 'members', 'customer', 'customers', 'patient', 'patients', 'recipient', 'recipients', 'author',
  'authors', 'owner', 'owners', 'contact', 'contacts', 'person', 'people', 'persons', 'employee', 'employees', 'holder',
  'cardholder', 'sender', 'invitee', 'invitees', 'inviter', 'attendee', 'participant', 'subscriber', 'student', 'applicant',
  'candidate', 'guest', 'buyer', 'signer', 'reviewer', 'assignee', 'reporter', 'creator', 'profile', 'doctor', 'physician',
  'nurse', 'collaborator', 'guardian', 'beneficiary', 'respondent', 'learner', 'visitor', 'requester', 'approver',
]);

/** Properties of a person that hold the person's name. */
export const PERSON_NAME_PROPERTIES: ReadonlySet<string> = new Set(['name', 'displayName', 'display_name', 'fullName', 'full_name', 'nickname']);

/** Words of messages whose `to` / `cc` / `bcc` are people's addresses (`message.to`, `mailOptions.cc`). */
const MESSAGE_WORDS: ReadonlySet<string> = new Set(['message', 'messages', 'msg', 'mail', 'email', 'envelope', 'letter']);
const RECIPIENT_PROPERTIES: ReadonlySet<string> = new Set(['to', 'cc', 'bcc', 'replyTo']);

/** Callees whose result is a one-time code: `authenticator.generate()`, `totp.generate()`, `speakeasy.totp()`. */
const CODE_RECEIVERS: ReadonlySet<string> = new Set(['authenticator', 'totp', 'hotp', 'otp', 'speakeasy', 'otplib']);
/** Declaring types whose `code` / `value` is a one-time code: `TwoFactorChallenge`, `OtpEntry`, `MfaCode`. */
const CODE_TYPE_WORDS: ReadonlySet<string> = new Set(['otp', 'totp', 'hotp', 'mfa', 'factor', 'verification', 'passcode', 'backup', 'recovery']);
const CODE_PROPERTIES: ReadonlySet<string> = new Set(['code', 'value', 'codes']);

function lastWord(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const words = splitWords(name);
  return words[words.length - 1];
}

/** The name of a receiver: an identifier, a static member (`context.user` → user), `this`. */
function receiverName(node: TSESTree.Node): string | undefined {
  const expression = unwrapExpression(node);
  if (expression.type === AST_NODE_TYPES.Identifier) return expression.name;
  if (expression.type === AST_NODE_TYPES.MemberExpression) return staticPropertyName(expression);
  return undefined;
}

/** Typed mode: the name of the interface, class or alias that declares the property `member` reads. */
function declaringTypeName(services: TypeServices | undefined, member: TSESTree.MemberExpression): string | undefined {
  if (!services) return undefined;
  const declaration = services.symbolOf(member)?.declarations?.[0];
  let parent: ts.Node | undefined = declaration?.parent;
  for (let steps = 0; parent && steps < 4; steps++, parent = parent.parent) {
    const named = parent as ts.Node & { name?: ts.Node };
    if (
      (services.ts.isInterfaceDeclaration(parent) || services.ts.isClassDeclaration(parent) || services.ts.isTypeAliasDeclaration(parent)) &&
      named.name &&
      services.ts.isIdentifier(named.name)
    ) {
      return named.name.text;
    }
  }
  return undefined;
}

/** Words that show a session is a provider's checkout or billing session, not a login session. */
const PROVIDER_WORDS: ReadonlySet<string> = new Set(['checkout', 'payment', 'payments', 'billing', 'stripe', 'paddle', 'portal']);

/**
 * Whether a session object is a provider's checkout session (its id is an id): by its name (`checkoutSession`), the call
 * that made it (`stripe.checkout.sessions.create(…)`), or (typed) its type (`Stripe.Checkout.Session`). A login session's
 * id is the session secret (`req.session.id`, `createSession(user).id`, the cookie value).
 */
function isProviderSession(sourceCode: SourceCode, services: TypeServices | undefined, object: TSESTree.Node): boolean {
  const name = receiverName(object);
  if (name !== undefined && splitWords(name).some(word => PROVIDER_WORDS.has(word))) return true;
  if (object.type === AST_NODE_TYPES.Identifier) {
    let init: TSESTree.Node | undefined = initializerOf(sourceCode, object);
    if (init?.type === AST_NODE_TYPES.AwaitExpression) init = unwrapExpression(init.argument);
    if (init?.type === AST_NODE_TYPES.CallExpression && calleePath(init.callee)?.some(segment => PROVIDER_WORDS.has(segment.toLowerCase()))) return true;
    // `session: Stripe.Checkout.Session`, `event.data.object as Stripe.Checkout.Session`: the declared type, as written
    // (both modes; typed mode too, where the provider's package may not resolve)
    const declared = declaredTypeOf(sourceCode, object);
    if (declared && typeNameWords(declared).some(word => PROVIDER_WORDS.has(word))) return true;
  }
  const type = services?.typeOf(object);
  if (!services || !type || services.isLoose(type)) return false;
  try {
    const value = services.checker.getNonNullableType(type);
    const symbol = value.aliasSymbol ?? value.getSymbol();
    const name = symbol ? services.checker.getFullyQualifiedName(symbol) : '';
    return /Checkout|Payment|Billing|Stripe/u.test(`${services.checker.typeToString(value)} ${name}`);
  } catch {
    return false;
  }
}

/** The type a variable or parameter is declared with, as written: its annotation, or its initializer's cast. */
function declaredTypeOf(sourceCode: SourceCode, identifier: TSESTree.Identifier): TSESTree.TypeNode | undefined {
  const def = findVariable(sourceCode, identifier)?.defs[0];
  if (!def) return undefined;
  if (def.name.type === AST_NODE_TYPES.Identifier && def.name.typeAnnotation) return def.name.typeAnnotation.typeAnnotation;
  if (def.node.type !== AST_NODE_TYPES.VariableDeclarator || def.node.id !== def.name || !def.node.init) return undefined;
  let init: TSESTree.Node = def.node.init;
  if (init.type === AST_NODE_TYPES.AwaitExpression) init = init.argument;
  return init.type === AST_NODE_TYPES.TSAsExpression || init.type === AST_NODE_TYPES.TSTypeAssertion || init.type === AST_NODE_TYPES.TSSatisfiesExpression
    ? init.typeAnnotation
    : undefined;
}

/** The lower-case words of the type names a type mentions: `Stripe.Checkout.Session | null` → stripe, checkout, session. */
function typeNameWords(type: TSESTree.TypeNode, depth = 0): string[] {
  if (depth > 4) return [];
  if (type.type === AST_NODE_TYPES.TSUnionType || type.type === AST_NODE_TYPES.TSIntersectionType) {
    return type.types.flatMap(part => typeNameWords(part, depth + 1));
  }
  if (type.type !== AST_NODE_TYPES.TSTypeReference) return [];
  const words: string[] = [];
  let name: TSESTree.EntityName = type.typeName;
  while (name.type === AST_NODE_TYPES.TSQualifiedName) {
    words.push(...splitWords(name.right.name));
    name = name.left;
  }
  if (name.type === AST_NODE_TYPES.Identifier) words.push(...splitWords(name.name));
  return words;
}

/** `x.id`, `x.keyId`, `x.uuid`: a read of a record's identifier; of a session, only a provider's checkout session. */
function isIdRead(sourceCode: SourceCode, services: TypeServices | undefined, node: TSESTree.Node): boolean {
  const expression = unwrapExpression(node);
  if (expression.type !== AST_NODE_TYPES.MemberExpression) return false;
  const word = lastWord(staticPropertyName(expression));
  if (word === undefined || !ID_SUFFIXES.has(word)) return false;
  const object = unwrapExpression(expression.object);
  const owner = lastWord(receiverName(object));
  if (owner !== 'session' && owner !== 'sessions') return true;
  // `(event.data.object as Stripe.Checkout.Session).id`
  const cast = expression.object.type === AST_NODE_TYPES.TSAsExpression ? expression.object.typeAnnotation : undefined;
  return (cast !== undefined && typeNameWords(cast).some(word => PROVIDER_WORDS.has(word))) || isProviderSession(sourceCode, services, object);
}

/** Typed mode: a number, a bigint, or a type named like an id (`SessionId`, `Brand<string, 'ApiKeyId'>` aliases). */
function isIdTyped(services: TypeServices | undefined, node: TSESTree.Node): boolean {
  const type = services?.typeOf(node);
  if (!services || !type || services.isLoose(type)) return false;
  const value = services.checker.getNonNullableType(type);
  const { TypeFlags } = services.ts;
  const parts = value.isUnion() ? value.types : [value];
  if (parts.length > 0 && parts.every(part => (part.flags & (TypeFlags.NumberLike | TypeFlags.BigIntLike)) !== 0)) return true;
  const name = value.aliasSymbol?.name ?? value.getSymbol()?.name;
  return name !== undefined && /[a-z]Id$|[a-z]ID$/u.test(name);
}

/** Names of one-time codes: their numbers are codes, not ids. */
function isCodeName(name: string): boolean {
  return splitWords(name).some(word => word === 'otp' || word === 'totp' || word === 'pin' || word === 'passcode' || word === 'code' || word === 'codes');
}

/**
 * Whether the value under a credential's name is an id (see the module comment): `value` is what the name holds
 * (a property's value, or the initializer of a never-reassigned variable).
 */
export function holdsId(sourceCode: SourceCode, services: TypeServices | undefined, match: SensitiveMatch, value: TSESTree.Node): boolean {
  if (match.category !== 'credentials') return false;
  if (isIdRead(sourceCode, services, value)) return true;
  return !isCodeName(match.name) && isIdTyped(services, value);
}

/** The value a never-reassigned variable was declared with (`const sessionId = session.id`). */
export function initializerOf(sourceCode: SourceCode, identifier: TSESTree.Identifier): TSESTree.Expression | undefined {
  return constInitOf(findVariable(sourceCode, identifier));
}

/** `{ RefreshToken: 'refresh_token' } as const` (or `Object.freeze({…})`): the property holds a literal. */
function isConstLabel(init: TSESTree.Node | undefined, property: string | undefined): boolean {
  if (!init || property === undefined) return false;
  let object: TSESTree.Node = init;
  if (object.type === AST_NODE_TYPES.TSAsExpression) object = object.expression;
  else if (object.type === AST_NODE_TYPES.CallExpression && calleePath(object.callee)?.join('.') === 'Object.freeze' && object.arguments[0]) {
    object = object.arguments[0];
  } else return false;
  if (object.type !== AST_NODE_TYPES.ObjectExpression) return false;
  const found = object.properties.find(
    candidate => candidate.type === AST_NODE_TYPES.Property && !candidate.computed && candidate.key.type === AST_NODE_TYPES.Identifier && candidate.key.name === property,
  );
  return found?.type === AST_NODE_TYPES.Property && found.value.type === AST_NODE_TYPES.Literal && typeof found.value.value === 'string';
}

/**
 * Untyped: an imported enum or `as const` object (`import { EventType } from './types'` → `EventType.GET_SECRETS`), found
 * through the module graph (the export scan reads the module once per process; parsed only when it may export the name).
 */
function isImportedLabel(file: string, specifier: TSESTree.ImportSpecifier, property: string | undefined): boolean {
  const declaration = specifier.parent;
  if (declaration.type !== AST_NODE_TYPES.ImportDeclaration || typeof declaration.source.value !== 'string') return false;
  const target = resolveImport(file, declaration.source.value);
  const found = target === undefined ? undefined : findExport(target, importedName(specifier));
  if (found?.node.type === AST_NODE_TYPES.TSEnumDeclaration) return true;
  return found?.node.type === AST_NODE_TYPES.VariableDeclarator && isConstLabel(found.node.init ?? undefined, property);
}

/**
 * Whether a member read is a label: an enum member or `as const` literal of this file or (untyped, `file` given) an
 * imported one, or (typed) a literal or enum-literal type.
 */
export function isLabel(sourceCode: SourceCode, services: TypeServices | undefined, node: TSESTree.Node, file?: string): boolean {
  const expression = unwrapExpression(node);
  if (expression.type !== AST_NODE_TYPES.MemberExpression) return false;
  const object = unwrapExpression(expression.object);
  if (object.type === AST_NODE_TYPES.Identifier) {
    const variable = findVariable(sourceCode, object);
    const def = variable?.defs[0];
    if (def?.node.type === AST_NODE_TYPES.TSEnumDeclaration) return true;
    if (isConstLabel(constInitOf(variable), staticPropertyName(expression))) return true;
    if (!services && file !== undefined && def?.node.type === AST_NODE_TYPES.ImportSpecifier) {
      try {
        if (isImportedLabel(file, def.node, staticPropertyName(expression))) return true;
      } catch {
        // an unreadable module says nothing
      }
    }
  }
  const type = services?.typeOf(expression);
  if (!services || !type) return false;
  const { TypeFlags } = services.ts;
  const literal = TypeFlags.StringLiteral | TypeFlags.NumberLiteral | TypeFlags.EnumLiteral | TypeFlags.BooleanLiteral;
  const parts = type.isUnion() ? type.types : [type];
  return parts.length > 0 && parts.every(part => (part.flags & literal) !== 0);
}

/** A person's name or a message's recipients read from a record (see the module comment), as contact data. */
export function personalMember(services: TypeServices | undefined, node: TSESTree.Node): SensitiveMatch | undefined {
  const expression = unwrapExpression(node);
  if (expression.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const property = staticPropertyName(expression);
  if (property === undefined) return undefined;
  const person = PERSON_NAME_PROPERTIES.has(property);
  const recipient = RECIPIENT_PROPERTIES.has(property);
  if (!person && !recipient) return undefined;
  const declaring = declaringTypeName(services, expression);
  const owner = declaring ?? receiverName(expression.object);
  if (owner === undefined) return undefined;
  const words = splitWords(owner);
  if (person && !PERSON_WORDS.has(words[words.length - 1] ?? '')) return undefined;
  if (recipient && !words.some(word => MESSAGE_WORDS.has(word))) return undefined;
  return Object.freeze({ category: 'contactData', name: property, via: 'name' as const });
}

/**
 * `message.from`, `data.from.address`, `mail.from.email`, `mailFrom.name`: a message's sender or its contact data, the
 * service's own mailbox (its `to`, `cc`, `bcc` and `replyTo` are people's, see {@link personalMember}).
 */
export function isSenderField(node: TSESTree.Node): boolean {
  const expression = unwrapExpression(node);
  if (expression.type !== AST_NODE_TYPES.MemberExpression) return false;
  return staticPropertyName(expression) === 'from' || lastWord(receiverName(expression.object)) === 'from';
}

/** A one-time code under a plain name (`code`, `value`): by the call that made it, or (typed) by its declaring type. */
export function oneTimeCode(sourceCode: SourceCode, services: TypeServices | undefined, node: TSESTree.Node): SensitiveMatch | undefined {
  const expression = unwrapExpression(node);
  let name: string | undefined;
  let origin: TSESTree.Node | undefined;
  if (expression.type === AST_NODE_TYPES.Identifier) {
    name = expression.name;
    origin = initializerOf(sourceCode, expression);
  } else if (expression.type === AST_NODE_TYPES.MemberExpression) {
    name = staticPropertyName(expression);
    const declaring = name !== undefined && CODE_PROPERTIES.has(name) ? declaringTypeName(services, expression) : undefined;
    if (name !== undefined && declaring !== undefined && splitWords(declaring).some(word => CODE_TYPE_WORDS.has(word))) {
      return Object.freeze({ category: 'credentials', name, via: 'name' as const });
    }
  }
  if (name === undefined || !CODE_PROPERTIES.has(name) || !origin) return undefined;
  let call = unwrapExpression(origin);
  if (call.type === AST_NODE_TYPES.AwaitExpression) call = unwrapExpression(call.argument);
  if (call.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const path = calleePath(call.callee);
  if (!path || !path.some(segment => CODE_RECEIVERS.has(segment.toLowerCase()))) return undefined;
  return Object.freeze({ category: 'credentials', name, via: 'name' as const });
}
