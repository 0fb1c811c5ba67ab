/**
 * Mail being sent (`src/analysis/mail/`): the recipients of a message are people's addresses. A value is a message
 * when, in the same function, it is given whole to a mail-sending call or its recipient field is given as the
 * message's recipient (`transporter.sendMail({ to: data.to })`, `mailer.sendMail({ to: this.props.to })`), or
 * (typed mode) its type is a library's message type. Then its recipient fields (`data.to`, `options.cc`) are contact
 * data, and so is the message written whole. A `to` of anything else (a redirect, a date range) is not; nor is the
 * sender (`from`: the service's mailbox).
 *
 * A mail-sending call is a library's send method in a file that imports the library (`transporter.sendMail`,
 * `sgMail.send`, `resend.emails.send`), or a method whose name apps' own mailers mirror (`mailer.sendMail(…)`).
 *
 * Cache: per function (WeakMap keyed by its node, so per file), the texts of the messages it sends.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { staticPropertyName } from '../ast/keys.js';
import { propertyKeyName } from '../ast/properties.js';
import { unwrapExpression } from '../ast/unwrap.js';
import { MAIL_RECORDS, MAIL_TABLES } from '../mail/index.js';
import { declaredInPackage, packagesOf } from './packages.js';
import { type FlowState, typeServices } from './state.js';

/** Nodes of a function searched for mail-sending calls, at most. */
const MAX_SEARCH = 3000;

/** Per function: the texts of the values it sends as messages (`data`, `this.props`). */
const sentMessages = new WeakMap<TSESTree.Node, ReadonlySet<string>>();

export type MailPart = 'recipient' | 'message';

/** `data.to` of a message (its recipient), or a message whole. */
export function mailPart(state: FlowState, node: TSESTree.Node): MailPart | undefined {
  if (node.type !== AST_NODE_TYPES.Identifier && node.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    const field = staticPropertyName(node);
    if (field !== undefined && MAIL_TABLES.recipientFields.has(field) && isMessage(state, unwrapExpression(node.object))) return 'recipient';
  }
  return isMessage(state, node) ? 'message' : undefined;
}

function isMessage(state: FlowState, node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.Identifier && node.type !== AST_NODE_TYPES.MemberExpression) return false;
  if (isTypedMessage(state, node)) return true;
  const text = chainText(state, node);
  if (text === undefined) return false;
  const fn = enclosingFunction(node);
  return fn !== undefined && messagesOf(state, fn).has(text);
}

/** `data`, `this.props`, `opts.mail`: the text of a simple member chain; undefined for anything else. */
function chainText(state: FlowState, node: TSESTree.Node): string | undefined {
  let current = unwrapExpression(node);
  while (current.type === AST_NODE_TYPES.MemberExpression && !current.computed) current = unwrapExpression(current.object);
  if (current.type !== AST_NODE_TYPES.Identifier && current.type !== AST_NODE_TYPES.ThisExpression) return undefined;
  return state.sourceCode.getText(unwrapExpression(node)).replace(/\s+|\?/gu, '');
}

function enclosingFunction(node: TSESTree.Node): TSESTree.Node | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ArrowFunctionExpression || current.type === AST_NODE_TYPES.FunctionExpression || current.type === AST_NODE_TYPES.FunctionDeclaration) {
      return current;
    }
  }
  return undefined;
}

/** Per file text: whether it names any send method at all (most files do not: no function of theirs is searched). */
const namesSendMethod = new WeakMap<object, boolean>();

function mayNameSendMethod(state: FlowState): boolean {
  const ast = state.sourceCode.ast;
  let known = namesSendMethod.get(ast);
  if (known === undefined) {
    const text = state.sourceCode.text;
    known = [...MAIL_TABLES.mirroredMethods, ...MAIL_TABLES.sendMethods.keys()].some((method) => text.includes(`${method}(`));
    namesSendMethod.set(ast, known);
  }
  return known;
}

const NO_MESSAGES: ReadonlySet<string> = new Set();

function messagesOf(state: FlowState, fn: TSESTree.Node): ReadonlySet<string> {
  let found = sentMessages.get(fn);
  if (found) return found;
  if (!mayNameSendMethod(state)) return NO_MESSAGES;
  const texts = new Set<string>();
  const keys = state.sourceCode.visitorKeys as Readonly<Record<string, readonly string[] | undefined>>;
  let budget = MAX_SEARCH;
  const visit = (node: TSESTree.Node): void => {
    if (budget-- <= 0) return;
    if (node.type === AST_NODE_TYPES.CallExpression && isMailSend(state, node)) addMessage(state, node.arguments[0], texts);
    for (const key of keys[node.type] ?? []) {
      const value = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(value)) {
        for (const item of value) if (isNode(item)) visit(item);
      } else if (isNode(value)) {
        visit(value);
      }
    }
  };
  visit(fn);
  found = texts;
  sentMessages.set(fn, found);
  return found;
}

/** The message argument: sent whole (`sendMail(data)`), or built with another message's recipients (`{ to: data.to }`). */
function addMessage(state: FlowState, argument: TSESTree.Node | undefined, texts: Set<string>): void {
  const message = argument ? unwrapExpression(argument) : undefined;
  if (!message) return;
  if (message.type !== AST_NODE_TYPES.ObjectExpression) {
    const text = chainText(state, message);
    if (text !== undefined) texts.add(text);
    return;
  }
  for (const property of message.properties) {
    if (property.type === AST_NODE_TYPES.SpreadElement) {
      const text = chainText(state, property.argument);
      if (text !== undefined) texts.add(text);
      continue;
    }
    const key = propertyKeyName(property);
    if (key === undefined || !MAIL_TABLES.recipientFields.has(key)) continue;
    const value = unwrapExpression(property.value);
    if (value.type !== AST_NODE_TYPES.MemberExpression || staticPropertyName(value) !== key) continue;
    const text = chainText(state, value.object);
    if (text !== undefined) texts.add(text);
  }
}

/** A library's send method in a file importing it, or a mirrored send method anywhere. */
function isMailSend(state: FlowState, call: TSESTree.CallExpression): boolean {
  const callee = unwrapExpression(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const method = staticPropertyName(callee);
  if (method === undefined) return false;
  if (MAIL_TABLES.mirroredMethods.has(method)) return true;
  const records = MAIL_TABLES.sendMethods.get(method);
  if (!records) return false;
  const imported = packagesOf(state);
  return records.some(record => record.packages.some(name => imported.has(name)));
}

/** Typed mode: the value's type is a library's message type, declared in its package. */
function isTypedMessage(state: FlowState, node: TSESTree.Node): boolean {
  const services = typeServices(state);
  const type = services?.typeOf(node);
  if (!services || !type || services.isLoose(type)) return false;
  try {
    const plain = services.checker.getNonNullableType(type);
    const parts = plain.isUnion() || plain.isIntersection() ? plain.types : [plain];
    return parts.some(part => {
      const symbol = part.aliasSymbol ?? part.getSymbol();
      if (!symbol || !MAIL_TABLES.messageTypes.has(symbol.getName())) return false;
      return declaredInPackage(symbol.getDeclarations() ?? [], MAIL_RECORDS.flatMap(record => record.packages));
    });
  } catch {
    return false;
  }
}

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
