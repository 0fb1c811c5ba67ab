/** The per-file session: one per SourceCode and Policy, shared by every rule, each part computed once. */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { Linter, type Rule } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { expressAdapter } from '../../src/analysis/endpoints/http-adapters.js';
import { getSession, type Session } from '../../src/analysis/session.js';
import { mergeListeners } from '../../src/util/merge-listeners.js';

const CODE = `
import express from 'express';
import { auditLogger } from './audit';
const app = express();
app.post('/users', async (req, res) => { await auditLogger.log({ action: 'create' }); res.send(); });
app.delete('/users/:id', (req, res) => { res.send(); });
new AuditEntry({ action: 'x' });
`;

type Seen = { session: Session; endpoints: readonly unknown[]; auditCalls: readonly unknown[] };

function probeRule(seen: Seen[], options: { merge: boolean; askEarly?: boolean }): Rule.RuleModule {
  return {
    meta: { type: 'problem', schema: [] },
    create(context) {
      const session = getSession(context as unknown as Readonly<TSESLint.RuleContext<string, readonly unknown[]>>);
      const own: TSESLint.RuleListener = {
        Program() {
          if (options.askEarly) seen.push({ session, endpoints: session.endpoints(), auditCalls: session.auditCalls() });
        },
        'Program:exit'() {
          if (!options.askEarly) seen.push({ session, endpoints: session.endpoints(), auditCalls: session.auditCalls() });
        },
      };
      return (options.merge ? mergeListeners(session.visitor, own) : own) as unknown as Rule.RuleListener;
    },
  };
}

function lint(rules: Record<string, Rule.RuleModule>, settings: Record<string, unknown> = {}): void {
  const linter = new Linter({ configType: 'flat' });
  linter.verify(CODE, [
    {
      files: ['**/*.ts'],
      languageOptions: { parser: tseslint.parser },
      plugins: { probe: { rules } },
      rules: Object.fromEntries(Object.keys(rules).map(name => [`probe/${name}`, 'error'])),
      settings,
    },
  ], 'app.ts');
}

describe('getSession', () => {
  afterEach(() => vi.restoreAllMocks());

  it('gives every rule linting one file the same session, and runs each collector once per node', () => {
    const create = vi.spyOn(expressAdapter, 'create');
    const seen: Seen[] = [];
    lint({ a: probeRule(seen, { merge: true }), b: probeRule(seen, { merge: true }), c: probeRule(seen, { merge: true }) });
    expect(seen).toHaveLength(3);
    expect(seen[1]?.session).toBe(seen[0]?.session);
    expect(seen[2]?.session).toBe(seen[0]?.session);
    // Two endpoints, reported once each (three rules fed the same collectors).
    expect(seen[0]?.endpoints.map(endpoint => (endpoint as { label: string }).label)).toEqual(['POST /users', 'DELETE /users/:id']);
    expect(seen[2]?.endpoints).toBe(seen[0]?.endpoints);
    expect(create).toHaveBeenCalledTimes(1);
    // Audit calls by the default heuristic: the call, once (a `new` counts only when configured).
    expect(seen[0]?.auditCalls.map(call => (call as TSESTree.Node).type)).toEqual(['CallExpression']);
  });

  it('computes the same parts with its own walk when no rule merged the visitor, or when asked early', () => {
    const fed: Seen[] = [];
    lint({ a: probeRule(fed, { merge: true }) });
    const walked: Seen[] = [];
    lint({ a: probeRule(walked, { merge: false }) });
    const early: Seen[] = [];
    lint({ a: probeRule(early, { merge: true, askEarly: true }) });
    const labels = (s: Seen | undefined) => s?.endpoints.map(endpoint => (endpoint as { label: string }).label);
    expect(labels(walked[0])).toEqual(labels(fed[0]));
    expect(labels(early[0])).toEqual(labels(fed[0]));
    expect(walked[0]?.auditCalls).toEqual([expect.objectContaining({ type: 'CallExpression' })]);
    expect(early[0]?.auditCalls).toEqual([expect.objectContaining({ type: 'CallExpression' })]);
  });

  it('makes a new session for other settings, and for another file', () => {
    const seen: Seen[] = [];
    lint({ a: probeRule(seen, { merge: true }) });
    lint({ a: probeRule(seen, { merge: true }) }, { compliance: { audit: { calls: ['AuditEntry'] } } });
    expect(seen[1]?.session).not.toBe(seen[0]?.session);
    // Configured calls replace the default: only the `new AuditEntry(…)` is an audit call now.
    expect(seen[1]?.auditCalls.map(call => (call as TSESTree.Node).type)).toEqual(['NewExpression']);
  });

  it('shares the audit classification between depths and classifies each node once', () => {
    const seen: Seen[] = [];
    lint({ a: probeRule(seen, { merge: true }) });
    const session = seen[0]?.session;
    if (!session) throw new Error('no session');
    expect(session.audit(0)).toBe(session.audit(0));
    expect(session.audit(4)).not.toBe(session.audit(0));
    const calls = session.classifier.calls;
    expect(calls).toBeUndefined(); // default heuristic
    const call = session.auditCalls()[0] as TSESTree.Node;
    expect(session.classifier.verdicts.get(call)).toBe(true);
    expect(session.audit(4).isAuditCall(call)).toBe(true);
  });
});
