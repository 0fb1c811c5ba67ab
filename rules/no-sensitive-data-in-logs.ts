/**
 * No password, token, card number, health record or other personal data reaches a log unmasked.
 *
 * For every call that `src/analysis/sinks.ts` recognizes as a log sink (console, pino, winston, bunyan,
 * log4js, loglevel, npmlog, debug, consola, signale, NestJS `Logger`, error trackers and tracing SDKs — Sentry,
 * dd-trace, New Relic, Bugsnag, Rollbar, OpenTelemetry —, log wrappers, audit calls, `logging.sinks`), each
 * logged argument is read by the local data flow of `src/analysis/flow.ts`, which names the sensitive
 * values that reach it (by name, by type in typed mode, through variables, strings and objects) and drops
 * those masked or reduced on the way. A pino logger's `redact` paths excuse the values at those paths of the
 * merging object; audit events never excuse secrets, and keep the actor and source they need.
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { citeControls } from '../src/analysis/controls.js';
import { createFlow, createMaskingCallDetector, describeNode, isSimpleChain, type Flow, type FlowSource } from '../src/analysis/flow.js';
import { pathMatches } from '../src/analysis/matchers.js';
import { createSensitiveData, TAGGED_CATEGORY } from '../src/analysis/sensitive-data.js';
import { createSinkDetector, redactCovers, type Sink } from '../src/analysis/sinks.js';
import { buildDropPropertyFix, buildMaskFix, buildPickFieldsFix, enclosingProperty, nameMaskingCallee } from '../src/fixes/masking.js';
import { CATEGORY_TITLES } from '../src/regulations/defaults.js';
import { isClientModule } from '../src/analysis/logging/client.js';
import { getSession } from '../src/analysis/session.js';
import { createRule } from '../src/util/create-rule.js';

export interface Options {
  /** Check the events of audit calls too (secrets never, personal data only masked). */
  checkAuditCalls?: boolean;
  /** Sinks not to check, by the name the report gives them (`console.log`, `console.*`, `*.debug`). */
  ignoreSinks?: string[];
}

export type MessageIds = 'sensitiveDataInLog' | 'secretInAuditEvent' | 'suggestMask' | 'suggestDropProperty' | 'suggestPickFields';

/** Categories that never belong in an audit event, masked or not. */
const SECRET_CATEGORIES: ReadonlySet<string> = new Set(['credentials', 'cardData']);

const SINK_PATTERN = '^(?:\\*|[A-Za-z_$][\\w$]*)(?:\\.(?:\\*|[A-Za-z_$][\\w$]*))*$';

type Suggestions = TSESLint.SuggestionReportDescriptor<MessageIds>[];

function categoryTitle(category: string): string {
  if (category === TAGGED_CATEGORY) return 'sensitive data';
  return (CATEGORY_TITLES as Readonly<Record<string, string>>)[category] ?? category;
}

/** `User.passwordHash`, `User[].passwordHash`, `Request.headers.authorization`, `Record<string, Card>[].cvv`. */
function typePath(typeName: string | undefined, path: readonly string[]): string {
  let text = typeName ?? '';
  const segments = [...path];
  if (text.endsWith('[]') && segments[0] === '*') segments.shift();
  for (const segment of segments) text += segment === '*' ? '[]' : `${text ? '.' : ''}${segment}`;
  return text;
}

/**
 * `credentials`; for a type `User.passwordHash: credentials` (the path from the named type), or — when the logged
 * object's own type is anonymous (`{ user: User }`) — `user.passwordHash in User: credentials`; for a brand
 * `Secret: credentials`.
 */
function categoryDetail(source: FlowSource, typeIsNamed: (node: TSESTree.Node, typeName: string) => boolean): string {
  const { match } = source;
  const title = categoryTitle(match.category);
  if (source.kind === 'origin') return match.name; // `request payload: …`, said by the flow
  if (source.kind !== 'type') return title;
  if (match.via === 'brand' && (match.path?.length ?? 0) === 0) return `${match.typeName ?? match.name}: ${title}`;
  const path = match.path && match.path.length > 0 ? match.path : [match.name];
  const typeName = match.typeName;
  if (typeName && path.length > 1 && source.typedAt && !typeIsNamed(source.typedAt, typeName)) {
    return `${typePath(undefined, path)} in ${typeName}: ${title}`;
  }
  return `${typePath(typeName, path)}: ${title}`;
}

export default createRule<[Options], MessageIds>({
  name: 'no-sensitive-data-in-logs',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow sensitive data in logs unless it is masked',
      recommended: true,
      checks: ['masking'],
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          checkAuditCalls: {
            type: 'boolean',
            description:
              'Check the events of audit calls too: credentials and card data never belong in one, other personal data only masked (the actor and source fields excepted).',
          },
          ignoreSinks: {
            type: 'array',
            description:
              'Sinks not to check, by the name reports give them: `console.log`, `console.*`, `*.debug`; `*` matches one segment.',
            items: { type: 'string', pattern: SINK_PATTERN },
            uniqueItems: true,
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ checkAuditCalls: true, ignoreSinks: [] }],
    messages: {
      sensitiveDataInLog: '{{what}} ({{category}}) is written to a log by {{sink}}{{controls}}',
      secretInAuditEvent:
        '{{what}} ({{category}}) is written to an audit event by {{sink}}; secrets do not belong in audit records, even masked{{controls}}',
      suggestMask: 'Mask the value with {{mask}}()',
      suggestDropProperty: 'Remove the property {{property}}',
      suggestPickFields: 'Log only {{fields}}',
    },
  },
  create(context, [options]) {
    const session = getSession(context);
    const { policy } = session;
    // Browser-only modules ('use client', `logging.clientFiles`) write no server log.
    if (isClientModule(context, policy)) return {};
    const sourceCode = context.sourceCode;
    const checkAuditCalls = options.checkAuditCalls ?? true;
    const ignored = (options.ignoreSinks ?? []).map(pattern => pattern.split('.'));
    const sinks = createSinkDetector(context, policy, call => session.isAuditCall(call));
    const sensitive = createSensitiveData(context, policy);
    const isMaskingCall = createMaskingCallDetector(context, policy);
    /** Audit events keep who did it and from where: the actor and source aliases. */
    const auditFields = new Set([...policy.audit.fieldAliases.actor, ...policy.audit.fieldAliases.source]);
    let gateFlow: Flow | undefined;
    let logFlow: Flow | undefined;
    let auditFlow: Flow | undefined;

    function flowFor(sink: Pick<Sink, 'kind'>): Flow {
      if (sink.kind === 'audit') {
        auditFlow ??= createFlow(context, { sensitive, isMaskingCall, unmaskable: SECRET_CATEGORIES });
        return auditFlow;
      }
      logFlow ??= createFlow(context, { sensitive, isMaskingCall });
      return logFlow;
    }

    /**
     * Whether an argument has a source for a sink of any kind, by names and origins only (types are the costly part of
     * a typed answer): the audit flow's sources (masked secrets kept) hold the log flow's.
     */
    function carriesSource(argument: TSESTree.Node): boolean {
      gateFlow ??= createFlow(context, { sensitive, isMaskingCall, unmaskable: SECRET_CATEGORIES, types: false });
      return gateFlow.sourcesOf(argument).sources.length > 0;
    }

    function isIgnored(sink: Sink): boolean {
      if (ignored.length === 0) return false;
      const segments = sink.name.split('.');
      return ignored.some(pattern => pathMatches(pattern, segments));
    }

    /** Whether a source is excused where it sits: redacted by pino, or a field the audit record needs. */
    function excused(sink: Sink, argumentIndex: number, source: FlowSource): boolean {
      const redact = sink.redact;
      if (redact && argumentIndex === redact.argumentIndex && source.path.length > 0 && redactCovers(redact.paths, [...source.path])) {
        return true;
      }
      if (sink.kind === 'audit') {
        const field = source.path[0];
        if (field !== undefined && auditFields.has(field) && !SECRET_CATEGORIES.has(source.match.category)) return true;
      }
      return false;
    }

    /** `user.password`; through a variable `p from user.password`; under a key `token: x`, `data from { token: x }`. */
    function whatOf(source: FlowSource): string {
      if (!source.viaVariable) return source.origin;
      const anchor = describeNode(sourceCode, source.node);
      if (source.kind === 'key') return `${anchor} from { ${source.origin} }`;
      return anchor === source.origin ? anchor : `${anchor} from ${source.origin}`;
    }

    function suggestions(sink: Sink, source: FlowSource, secretInAudit: boolean): Suggestions {
      const suggest: Suggestions = [];
      const node = source.node;
      const direct = source.kind === 'type' && source.typedObject === node && !source.viaVariable;
      if (direct && isSimpleChain(node)) {
        const fields = sensitive.safeProperties(node);
        const pick = fields ? buildPickFieldsFix(sourceCode, node, fields, flowFor(sink).isNullable(node)) : undefined;
        if (pick) {
          const text = describeNode(sourceCode, node);
          suggest.push({
            messageId: 'suggestPickFields',
            data: { fields: pick.fields.map(field => `${text}.${field}`).join(', ') + (fields && fields.length > pick.fields.length ? ', …' : '') },
            fix: pick.fix,
          });
        }
      }
      const spread = node.parent?.type === AST_NODE_TYPES.SpreadElement;
      if (source.kind !== 'type' && !secretInAudit && !spread && !source.masked) {
        const callee = nameMaskingCallee(context, policy, node);
        const fix = callee ? buildMaskFix(sourceCode, node, callee) : undefined;
        if (callee && fix) suggest.push({ messageId: 'suggestMask', data: { mask: callee.text }, fix });
      }
      const property = enclosingProperty(node);
      if (property) {
        const name = property.type === AST_NODE_TYPES.SpreadElement ? `...${describeNode(sourceCode, property.argument)}` : describeNode(sourceCode, property.key);
        suggest.push({ messageId: 'suggestDropProperty', data: { property: name }, fix: buildDropPropertyFix(sourceCode, property) });
      }
      return suggest;
    }

    function check(sink: Sink): void {
      const flow = flowFor(sink);
      sink.args.forEach((argument, index) => {
        const result = flow.sourcesOf(argument);
        if (result.sources.length === 0) return;
        // One finding per place in the call: the first source not excused there.
        // Secrets first: of a user's email and password hash, the password hash is the one to name.
        const ordered = [...result.sources].sort(
          (a, b) => Number(!SECRET_CATEGORIES.has(a.match.category)) - Number(!SECRET_CATEGORIES.has(b.match.category)),
        );
        const byNode = new Map<TSESTree.Node, FlowSource>();
        for (const source of ordered) {
          if (byNode.has(source.node) || excused(sink, index, source)) continue;
          byNode.set(source.node, source);
        }
        for (const source of byNode.values()) {
          const secretInAudit = sink.kind === 'audit' && source.masked;
          context.report({
            node: source.node,
            messageId: secretInAudit ? 'secretInAuditEvent' : 'sensitiveDataInLog',
            data: {
              what: whatOf(source),
              category: categoryDetail(source, (node, typeName) => flow.typeIsNamed(node, typeName)),
              sink: sink.name,
              controls: citeControls(policy, { checks: ['masking'], categories: [source.match.category] }),
            },
            suggest: suggestions(sink, source, secretInAudit),
          });
        }
      });
    }

    return {
      CallExpression(node): void {
        let sink: Sink | undefined;
        try {
          // A call that is no logger by itself is only followed into as a log wrapper (which loads the callee's module
          // or asks the checker for its symbol) when an argument carries a source by name or origin.
          sink = sinks.sinkOf(node, carriesSource);
        } catch {
          sink = undefined;
        }
        if (!sink || isIgnored(sink)) return;
        if (sink.kind === 'audit' && !checkAuditCalls) return;
        check(sink);
      },
    };
  },
});
