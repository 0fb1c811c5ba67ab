/**
 * Typed call targets (src/analysis/reach/typed.ts): the callee's symbol decides first — a function or method declared
 * once in the app, or one declared only in the default library or a package (not followed) — and
 * `getResolvedSignature` is asked only when the symbol cannot decide (overloads). Findings are those of the signature.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as tsParser from '@typescript-eslint/parser';
import { AST_NODE_TYPES, ESLintUtils, type TSESTree } from '@typescript-eslint/utils';
import { ESLint, type Rule } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';
import { createAuditAnalysis } from '../../../src/analysis/audit.js';
import { typedCallStats } from '../../../src/analysis/reach.js';
import { getPolicy } from '../../../src/settings.js';

const probe = ESLintUtils.RuleCreator.withoutDocs<[], 'probe'>({
  meta: { type: 'problem', messages: { probe: '{{name}}: {{result}}' }, schema: [] },
  create(context) {
    const analysis = createAuditAnalysis(context, getPolicy(context), { maxDepth: 4 });
    return {
      MethodDefinition(node: TSESTree.MethodDefinition) {
        if (node.key.type !== AST_NODE_TYPES.Identifier || !node.key.name.startsWith('handle')) return;
        const evidence = analysis.reach.auditIn(node.value);
        const result = evidence ? `depth ${evidence.depth} via ${evidence.path.join(' > ')}` : 'not audited';
        context.report({ node, messageId: 'probe', data: { name: node.key.name, result } });
      },
    };
  },
});

const files: Record<string, string> = {
  'tsconfig.json': JSON.stringify({
    compilerOptions: { target: 'ES2022', module: 'ESNext', moduleResolution: 'bundler', strict: true, skipLibCheck: true, noEmit: true, types: [] },
    include: ['src'],
  }),
  'src/audit.service.ts': 'export class AuditService {\n  async log(_event: object): Promise<void> {}\n}\n',
  'src/users.ts': [
    "import { AuditService } from './audit.service';",
    'const auditService = new AuditService();',
    'export class Users {',
    "  async create(name: string) { await auditService.log({ action: 'user.create', name }); }",
    '}',
    'export function save(value: string): Promise<void>;',
    'export function save(value: number): Promise<void>;',
    "export async function save(value: unknown) { await auditService.log({ action: 'save', value }); }",
    '',
  ].join('\n'),
  'src/controller.ts': [
    "import { Users, save } from './users';",
    'export class Controller {',
    '  constructor(private readonly users: Users) {}',
    "  async handleMethod() { await this.users.create('x'); }",
    "  async handleOverload() { await save('x'); }",
    '  async handleLibrary() { JSON.stringify([1].map(String)); }',
    '}',
    '',
  ].join('\n'),
};

describe('typed call targets', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'compliance-typed-targets-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }

  it('methods and library calls by the symbol, overloads by the signature; the findings of the signature', async () => {
    const eslint = new ESLint({
      cwd: dir,
      overrideConfigFile: true,
      overrideConfig: [
        {
          files: ['**/*.ts'],
          languageOptions: { parser: tsParser, parserOptions: { projectService: true, tsconfigRootDir: dir } },
          plugins: { probe: { rules: { reach: probe as unknown as Rule.RuleModule } } },
          rules: { 'probe/reach': 'error' },
        },
      ],
    });
    typedCallStats.bySymbol = 0;
    typedCallStats.bySignature = 0;
    const [result] = await eslint.lintFiles(['src/controller.ts']);
    expect(result?.messages.map((message) => message.message)).toEqual([
      'handleMethod: depth 1 via this.users.create > auditService.log',
      'handleOverload: depth 1 via save > auditService.log',
      'handleLibrary: not audited',
    ]);
    // this.users.create, JSON.stringify, [1].map: the symbol; save (three declarations): the signature.
    expect(typedCallStats.bySymbol).toBe(3);
    expect(typedCallStats.bySignature).toBe(1);
  });
});
