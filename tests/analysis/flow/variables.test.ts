/** Values of variables: the last write, destructuring, object literals through consts, catch parameters. */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { writesOf } from '../../../src/analysis/flow/state.js';
import { assignedValue, patternPath, previousWrites, thrownBy } from '../../../src/analysis/flow/variables.js';
import { flowState, probeFlow } from './flow-probe.js';
import { lintProbe } from './lint-probe.js';

describe('sourcesOf through variables', () => {
  it('follows a variable to its value and names both; a variable holding something else is not a source', () => {
    expect(
      probeFlow(`
        declare const user: any;
        const p = user.password;
        const q = user.plan;
        probe(p);
        probe(q);
      `),
    ).toEqual(['value credentials user.password [] at p via', 'unknown']);
  });

  it('takes the last write before the use in source order', () => {
    expect(
      probeFlow(`
        declare const user: any;
        let x = user.password;
        x = 'hidden';
        probe(x);
        let y = 'shown';
        y = user.password;
        probe(y);
      `),
    ).toEqual(['safe:literal', 'value credentials user.password [] at y via']);
  });

  it('names a destructured key by its path from a simple chain; a look-alike key is not a source', () => {
    expect(
      probeFlow(`
        declare const req: any;
        const { password } = req.body;
        const { password: pw } = req.body;
        const { passwordPolicy } = req.body;
        probe(password);
        probe(pw);
        probe(passwordPolicy);
      `),
    ).toEqual([
      'value credentials password [] at password',
      'value credentials req.body.password [] at pw via',
      'unknown',
    ]);
  });

  it('sees object literals through consts and member reads of them', () => {
    expect(
      probeFlow(`
        declare const value: string, host: string;
        const cfg = { db: { password: value, host } };
        probe(cfg.db.password);
        probe(cfg.db.host);
        probe(cfg);
      `),
    ).toEqual([
      'value credentials cfg.db.password [] at cfg.db.password',
      'unknown',
      'key credentials password: value [db.password] at cfg via',
    ]);
  });

  it('carries what a try block visibly throws into the catch parameter, not what a called function might', () => {
    expect(
      probeFlow(`
        declare const user: any;
        declare function check(): void;
        try { throw new Error('bad token ' + user.token); } catch (err) { probe(err); probe(err.message); }
        try { check(); } catch (other) { probe(other); }
      `),
    ).toEqual([
      'value credentials user.token [] at err via',
      'value credentials user.token [] at err.message via',
      'unknown',
    ]);
  });

  it('reads a cycle (`x = x + y`) as what is visible, without looping', () => {
    expect(
      probeFlow(`
        declare const user: any, parts: string[];
        let x = '';
        for (const part of parts) x = x + part;
        probe(x);
        let y = user.token;
        y += '!';
        probe(y);
      `),
    ).toEqual(['unknown', 'value credentials user.token [] at y via']);
  });
});

describe('variable helpers', () => {
  it('patternPath: the path from the pattern top, unknown through arrays, rest noted', () => {
    const results = lintProbe(
      `const { a: { b: x } } = o; const [y] = o; const { ...z } = o; let w; w = o; declare const o: any; probe(0);`,
      (_context, _args, program) => {
        const ids: TSESTree.Identifier[] = [];
        const visit = (node: TSESTree.Node): void => {
          if (node.type === AST_NODE_TYPES.Identifier && ['x', 'y', 'z', 'w'].includes(node.name) && node.parent.type !== AST_NODE_TYPES.VariableDeclarator) ids.push(node);
          for (const [key, value] of Object.entries(node)) {
            if (key === 'parent') continue;
            for (const child of Array.isArray(value) ? value : [value]) if (child && typeof child === 'object' && 'type' in child) visit(child as TSESTree.Node);
          }
        };
        visit(program);
        return ids.map(id => {
          const { top, path, rest } = patternPath(id);
          return `${id.name}: ${top.type} ${path ? path.join('.') : '?'}${rest ? ' rest' : ''} ${assignedValue(top) ? 'assigned' : '-'}`;
        });
      },
    );
    expect(results).toEqual([
      'x: ObjectPattern a.b assigned',
      'y: ArrayPattern ? assigned',
      'z: ObjectPattern  rest assigned',
      'w: Identifier  assigned',
    ]);
  });

  it('previousWrites: the latest write strictly before the node; none before the first', () => {
    const names = lintProbe(`let v = 1; v = 2; v = 3; probe(v);`, (context, args) => {
      const state = flowState(context);
      const id = args[0] as TSESTree.Identifier;
      const variable = context.sourceCode.getScope(id).references.find(reference => reference.identifier === id)?.resolved;
      const writes = variable ? writesOf(state, variable) : [];
      const text = (ids: readonly TSESTree.Node[]) => ids.map(node => context.sourceCode.getText(node.parent)).join(',');
      return [writes.length, text(previousWrites(writes, id)), text(previousWrites(writes, writes[0]!)), writesOf(state, variable!) === writes];
    });
    expect(names).toEqual([3, 'v = 3', '', true]);
  });

  it('thrownBy: the thrown values of a block, not those of nested functions; computed once per block', () => {
    const [thrown, cached] = lintProbe(
      `try { if (a) throw e1; const f = () => { throw e2; }; throw e3; } catch {} declare const a: boolean, e1: Error, e2: Error, e3: Error; probe(0);`,
      (context, _args, program) => {
        const state = flowState(context);
        const block = (program.body[0] as TSESTree.TryStatement).block;
        const first = thrownBy(state, block);
        return [first.map(node => context.sourceCode.getText(node)), thrownBy(state, block) === first];
      },
    );
    expect(thrown).toEqual(['e1', 'e3']);
    expect(cached).toBe(true);
  });
});
