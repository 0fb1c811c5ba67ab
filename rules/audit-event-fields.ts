/**
 * Every audit event carries the fields the active regulations require (actor, action, timestamp, outcome, source,
 * resource — under any configured alias), with real values: not `undefined`, `null` or `''`, and not a hard-coded
 * time. Under PCI DSS (or with `requireFailureEvents`), a function whose audit calls only ever record success, with
 * none in a catch block, is reported: failures are not audited (10.2.1.4).
 *
 * The event is found and read by `src/analysis/audit-event.ts` (typed: the argument's type decides; untyped: object
 * literals and local spreads, silence where the object cannot be seen); the suggestion is `src/fixes/audit-fields.ts`.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import {
  type AuditCallNode,
  type AuditEvent,
  createAuditEventReader,
  fieldStatus,
  isHardCodedTime,
  isSuccessValue,
} from '../src/analysis/audit-event.js';
import { citeControls } from '../src/analysis/controls.js';
import { calleePath } from '../src/analysis/matchers.js';
import { isFunctionNode } from '../src/analysis/ast/functions.js';
import { buildAddFieldsFix, buildCurrentTimeFix, type FieldToAdd, isOnFailurePath } from '../src/fixes/audit-fields.js';
import type { Policy } from '../src/policy.js';
import { AUDIT_FIELDS, type AuditField } from '../src/regulations/types.js';
import { getSession } from '../src/analysis/session.js';
import { createRule } from '../src/util/create-rule.js';

export interface Options {
  /** Fields to require besides those of the active regulations. */
  require?: AuditField[];
  /** Fields not to require, even when an active regulation does. */
  ignore?: AuditField[];
  /** Whether an optional or nullable property (`actor?: string`, `actor: string | null`) of the event's type counts as present. */
  allowOptional?: boolean;
  /** Report functions whose audit events only ever record success; undefined: on when PCI DSS is active. */
  requireFailureEvents?: boolean;
}

export type MessageIds = 'missingFields' | 'hardCodedTimestamp' | 'failuresNotAudited' | 'suggestAddFields' | 'suggestCurrentTime';

/** The fields an event must carry: the regulations' (minus `providedFields`) plus `require`, minus `ignore`. */
export function requiredFields(policy: Policy, options: Pick<Options, 'require' | 'ignore'>): AuditField[] {
  const provided = new Set(policy.audit.providedFields);
  const ignored = new Set(options.ignore ?? []);
  const wanted = new Set<AuditField>([...policy.requiredFields, ...(options.require ?? []).filter((field) => !provided.has(field))]);
  return AUDIT_FIELDS.filter((field) => wanted.has(field) && !ignored.has(field));
}

/** How the message names a missing field: the field, and the value it was given when it had one. */
const REASONS = { absent: '', undefined: ' (undefined)', null: ' (null)', empty: " ('')", optional: ' (optional)' } as const;

const MAX_LABEL = 60;

/** The outermost function around a node: callbacks count as part of the function they are written in. */
function outermostFunction(node: TSESTree.Node): TSESTree.Node | undefined {
  let found: TSESTree.Node | undefined;
  for (let current = node.parent; current; current = current.parent) if (isFunctionNode(current)) found = current;
  return found;
}

interface AuditRecord {
  readonly call: AuditCallNode;
  /** The outcome certainly records a success; where to report it. */
  readonly success: TSESTree.Node | undefined;
  readonly failurePath: boolean;
}

/** The callee of an audit call on one line (`auditLogger\n  .log` reads `auditLogger.log`), cut to {@link MAX_LABEL}. */
function label(sourceCode: Readonly<TSESLint.SourceCode>, call: AuditCallNode): string {
  const text = sourceCode
    .getText(call.callee)
    .replace(/\s+/gu, ' ')
    .replace(/\s*([.()[\]])\s*/gu, '$1');
  return text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text;
}

/** The node to report a property's value on: the value when it is written in this call, else the argument. */
function within(event: AuditEvent, node: TSESTree.Node | undefined): TSESTree.Node {
  return node && node.range[0] >= event.argument.range[0] && node.range[1] <= event.argument.range[1] ? node : event.argument;
}

/** Where the event certainly records a success (every outcome alias present holds a success value); else undefined. */
function successNode(outcomeAliases: readonly string[], event: AuditEvent): TSESTree.Node | undefined {
  let node: TSESTree.Node | undefined;
  for (const alias of outcomeAliases) {
    const lookup = event.lookup(alias);
    if (lookup.kind === 'absent') continue;
    if (lookup.kind === 'unknown' || !isSuccessValue(lookup.value)) return undefined;
    node ??= within(event, lookup.valueNode);
  }
  return node;
}

/**
 * With the default heuristic (a name with "audit"), an object that names none of the fields is not taken for an
 * event: `auditSink.info({ audit: record })` inside the logger, an options object. An empty literal is a bare event;
 * configured calls are audit calls by definition.
 */
function looksLikeEvent(policy: Policy, allAliases: readonly string[], event: AuditEvent): boolean {
  if (policy.audit.calls) return true;
  if (event.literal?.properties.length === 0 || event.positionalFields.length > 0) return true;
  return allAliases.some((alias) => event.lookup(alias).kind !== 'absent');
}

/** The records grouped by the outermost function they are in (module-level code is no function: left out). */
function byOutermostFunction(records: readonly AuditRecord[]): Iterable<AuditRecord[]> {
  const byFunction = new Map<TSESTree.Node, AuditRecord[]>();
  for (const record of records) {
    const unit = outermostFunction(record.call);
    if (!unit) continue;
    const list = byFunction.get(unit);
    if (list) list.push(record);
    else byFunction.set(unit, [record]);
  }
  return byFunction.values();
}

export default createRule<[Options], MessageIds>({
  name: 'audit-event-fields',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require audit events to carry the fields the active regulations demand',
      recommended: true,
      checks: ['fields', 'audit'],
      // Its audit finding is "failures are not audited".
      auditScopes: ['failures'],
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          require: {
            type: 'array',
            description: 'Normalized fields every audit event must carry besides those the active regulations require.',
            items: { type: 'string', enum: [...AUDIT_FIELDS] },
            uniqueItems: true,
          },
          ignore: {
            type: 'array',
            description: 'Normalized fields not to require, even when an active regulation does.',
            items: { type: 'string', enum: [...AUDIT_FIELDS] },
            uniqueItems: true,
          },
          allowOptional: {
            type: 'boolean',
            description:
              'Whether an optional or nullable property of the event type (`actor?: string`, `actor: string | null`) counts as present (typed mode).',
          },
          requireFailureEvents: {
            type: 'boolean',
            description:
              'Report functions whose audit events only ever record success, with none in a catch block; when not set, on exactly when PCI DSS is active.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ require: [], ignore: [], allowOptional: true }],
    messages: {
      missingFields: 'Audit event of {{callee}} lacks {{fields}}{{controls}}',
      hardCodedTimestamp: 'Audit event of {{callee}} has a hard-coded timestamp; record when the event happened{{controls}}',
      failuresNotAudited:
        'Audit events of {{callee}} in this function only record success: audit the failures too (in the catch block, or with the real outcome){{controls}}',
      suggestAddFields: 'Add {{fields}} to the audit event',
      suggestCurrentTime: 'Record the current time: new Date().toISOString()',
    },
  },
  create(context, [options]) {
    const session = getSession(context);
    const { policy } = session;
    const { sourceCode } = context;
    const required = requiredFields(policy, options);
    const allowOptional = options.allowOptional ?? true;
    const failureCheck = options.requireFailureEvents ?? policy.regulationIds.has('pci-dss');
    if (required.length === 0 && !failureCheck) return {};

    const aliases = policy.audit.fieldAliases;
    const analysis = session.audit(0);
    const reader = createAuditEventReader(context, {
      eventArgument: policy.audit.eventArgument,
      aliases,
      isAuditCall: (node) => analysis.isAuditCall(node),
    });
    const records: AuditRecord[] = [];

    /**
     * Calls that configure auditing rather than emit an event: decorators (`@Audit({ action })`), configured wrappers
     * and middleware, and by default `with…` higher-order functions (`withAuditLogging({ action, handler })`).
     */
    function configuresAudit(call: AuditCallNode): boolean {
      if (call.parent.type === AST_NODE_TYPES.Decorator) return true;
      if (call.type !== AST_NODE_TYPES.CallExpression) return false;
      if (policy.audit.wrappers.length > 0 && analysis.isWrapper(call)) return true;
      if (policy.audit.middleware.length > 0 && analysis.isMiddleware(call)) return true;
      if (policy.audit.calls) return false;
      const path = calleePath(call.callee);
      return /^with[A-Z]/u.test(path?.at(-1) ?? '');
    }

    function checkFields(event: AuditEvent): void {
      const missing: FieldToAdd[] = [];
      const names: string[] = [];
      for (const field of required) {
        const status = fieldStatus(event, field, aliases[field], { allowOptional });
        if (status.kind !== 'missing') continue;
        names.push(`${field}${REASONS[status.reason]}`);
        const held = status.lookup?.property && status.reason !== 'optional' ? status.lookup : undefined;
        missing.push(
          held?.property
            ? { field, key: held.name, property: held.property }
            : { field, key: event.expectedKey(aliases[field]) ?? field },
        );
      }
      if (missing.length === 0) return;
      const fields = missing.map((entry) => entry.field);
      const fix = buildAddFieldsFix(context, event, missing);
      context.report({
        node: event.argument,
        messageId: 'missingFields',
        data: {
          callee: label(sourceCode, event.call),
          fields: names.join(', '),
          controls: citeControls(policy, { checks: ['fields'], fields }),
        },
        suggest: fix ? [{ messageId: 'suggestAddFields', data: { fields: fields.join(', ') }, fix }] : [],
      });
    }

    function checkTimestamp(event: AuditEvent): void {
      if (!required.includes('timestamp')) return;
      for (const alias of aliases.timestamp) {
        const lookup = event.lookup(alias);
        if (lookup.kind !== 'present' || !isHardCodedTime(lookup.value)) continue;
        const node = within(event, lookup.valueNode);
        context.report({
          node,
          messageId: 'hardCodedTimestamp',
          data: { callee: label(sourceCode, event.call), controls: citeControls(policy, { checks: ['fields'], fields: ['timestamp'] }) },
          suggest: lookup.valueNode ? [{ messageId: 'suggestCurrentTime', fix: buildCurrentTimeFix(lookup.valueNode) }] : [],
        });
        return;
      }
    }

    const allAliases = [...new Set(Object.values(aliases).flat())];

    function checkCall(call: AuditCallNode): void {
      const seen = reader.eventOf(call);
      const event = seen && looksLikeEvent(policy, allAliases, seen) ? seen : undefined;
      if (event && required.length > 0) {
        checkFields(event);
        checkTimestamp(event);
      }
      if (failureCheck) records.push({ call, success: event && successNode(aliases.outcome, event), failurePath: isOnFailurePath(call) });
    }

    function reportFailures(): void {
      for (const list of byOutermostFunction(records)) {
        if (list.some((record) => record.failurePath || !record.success)) continue;
        const first = list[0]!;
        context.report({
          node: first.success!,
          messageId: 'failuresNotAudited',
          data: {
            callee: label(sourceCode, first.call),
            controls: citeControls(policy, { checks: ['audit'], auditScopes: ['failures'] }),
          },
        });
      }
    }

    return {
      'CallExpression, NewExpression'(node: AuditCallNode) {
        if (!analysis.isAuditCall(node) || configuresAudit(node)) return;
        checkCall(node);
      },
      'Program:exit'() {
        if (failureCheck) reportFailures();
      },
    };
  },
});
