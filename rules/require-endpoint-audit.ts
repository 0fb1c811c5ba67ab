import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { citeControls } from '../src/analysis/controls.js';
import { auditScopesFor, compileRoutePatterns, ENDPOINT_METHODS, methodsToAudit, requiredMethods } from '../src/analysis/endpoints/methods.js';
import { endpointStateChange } from '../src/analysis/audit/read-only.js';
import { buildAuditCallFix } from '../src/fixes/audit-call.js';
import { getSession, type Session } from '../src/analysis/session.js';
import { createRule } from '../src/util/create-rule.js';
import { mergeListeners } from '../src/util/merge-listeners.js';

export interface Options {
  /** Methods whose endpoints must be audited; replaces the regulation-derived default. */
  methods?: string[];
  /** Route patterns that need no audit (`/health`, `/internal/**`). */
  ignoreRoutes?: string[];
  /** How many calls deep to look for the audit call. */
  maxDepth?: number;
  /** Skip POSTs, mutations, actions and catch-alls whose handler only reads (read-only inference; off by default for now). */
  inferReadOnly?: boolean;
}

export type MessageIds = 'missingAuditCall' | 'suggestAddAudit';

export const DEFAULT_MAX_DEPTH = 4;

/** The callees of the file's audit calls: the suggestion names its call after one of them. */
function auditCallees(session: Session): TSESTree.Node[] {
  return session.auditCalls().flatMap(call => (call.type === AST_NODE_TYPES.CallExpression ? [call.callee] : []));
}

export default createRule<[Options], MessageIds>({
  name: 'require-endpoint-audit',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require every endpoint to emit an audit event',
      recommended: true,
      checks: ['audit'],
      // Any request can be a login, an admin action, an export or a change; breaches, logging
      // start/stop and system objects are not endpoint events.
      auditScopes: ['authentication', 'privilege', 'export', 'configuration', 'modification', 'reads', 'failures', 'audit-access', 'administration'],
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          methods: {
            type: 'array',
            description: 'Methods whose endpoints must be audited (HTTP methods, ALL, MUTATION, QUERY, ACTION); replaces the default derived from the active regulations.',
            items: { type: 'string', enum: [...ENDPOINT_METHODS, ...ENDPOINT_METHODS.map(method => method.toLowerCase())] },
            uniqueItems: true,
          },
          ignoreRoutes: {
            type: 'array',
            description: 'Route patterns that need no audit event: `*` matches one path segment, `**` any number.',
            items: { type: 'string', minLength: 1 },
            uniqueItems: true,
          },
          maxDepth: {
            type: 'integer',
            description: 'How many calls deep (through functions, services and other files) to look for the audit call.',
            minimum: 0,
            maximum: 20,
          },
          inferReadOnly: {
            type: 'boolean',
            description:
              'Do not report a POST, mutation, server action or catch-all whose handler resolves to reads only (no write, no call the analysis cannot see).',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ ignoreRoutes: [], maxDepth: DEFAULT_MAX_DEPTH, inferReadOnly: false }],
    messages: {
      missingAuditCall: '{{label}} emits no audit event{{controls}}',
      suggestAddAudit: 'Insert an audit call at the start of the handler',
    },
  },
  create(context, [options]) {
    const session = getSession(context);
    const { policy } = session;
    const required = requiredMethods(policy, options.methods);
    const ignored = compileRoutePatterns(options.ignoreRoutes ?? []);
    const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;

    return mergeListeners(session.visitor, {
      'Program:exit'() {
        const analysis = session.audit(maxDepth);
        for (const endpoint of session.endpoints()) {
          const methods = methodsToAudit(endpoint, required);
          if (methods.length === 0 || ignored(endpoint.route)) continue;
          if (analysis.chainAudits(endpoint)) continue;
          // A POST, mutation, action or catch-all whose handler only reads changes nothing to audit.
          if (options.inferReadOnly && !endpointStateChange(analysis.reach, endpoint, methods)) continue;
          const fix = buildAuditCallFix(context, policy, endpoint, auditCallees(session));
          context.report({
            node: endpoint.reportNode,
            messageId: 'missingAuditCall',
            data: {
              label: endpoint.label,
              controls: citeControls(policy, { checks: ['audit'], auditScopes: auditScopesFor(methods) }),
            },
            suggest: fix ? [{ messageId: 'suggestAddAudit', fix }] : [],
          });
        }
      },
    });
  },
});
