/**
 * The editor experience, end to end: the real ESLint language server (`vscode-eslint-language-server`
 * from `vscode-langservers-extracted`, the server of the VS Code ESLint extension) runs as a child
 * process over stdio, lints an unsaved document in tests/editor/project (whose eslint.config.js
 * loads the built plugin by its package name), and offers the rule's suggestion as a code action.
 *
 * The server (vscode-eslint 3.x) uses pull diagnostics: it declares a `diagnosticProvider` and
 * answers `textDocument/diagnostic` instead of pushing `textDocument/publishDiagnostics`; the
 * client below pulls when the server declares it and waits for a push otherwise. With ESLint 10 the
 * settings are `useFlatConfig: true` and `experimental.useFlatConfig: false` (the experimental
 * switch loads `FlatESLint` from `eslint/use-at-your-own-risk`, which ESLint 10 no longer has).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LspClient } from './lsp-client.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const projectDir = path.join(root, 'tests/editor/project');
const serverBin = path.join(root, 'node_modules/vscode-langservers-extracted/bin/vscode-eslint-language-server');
const projectUri = pathToFileURL(projectDir).href;
/** A file that does not exist on disk: the editor holds the only copy of its text. */
const documentPath = path.join(projectDir, 'src/users.ts');
const documentUri = pathToFileURL(documentPath).href;

const TIMEOUT = 60_000;

const DOCUMENT = `import express from 'express';

const auditLogger = {
  async log(event: Record<string, unknown>): Promise<void> {
    await Promise.resolve(event);
  },
};

const app = express();

app.post('/users/:id/role', async (req, res) => {
  res.json({ id: req.params.id });
});

// eslint-disable-next-line compliance/require-endpoint-audit
app.delete('/sessions/:id', (_req, res) => {
  res.status(204).end();
});

export { app, auditLogger };
`;

interface Position {
  readonly line: number;
  readonly character: number;
}
interface Range {
  readonly start: Position;
  readonly end: Position;
}
interface Diagnostic {
  readonly range: Range;
  readonly message: string;
  readonly code?: string | number;
  readonly source?: string;
}
interface Command {
  readonly title: string;
  readonly command: string;
  readonly arguments?: unknown[];
}
interface CodeAction {
  readonly title: string;
  readonly kind?: string;
  readonly diagnostics?: Diagnostic[];
  readonly command?: Command;
}
interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}
interface WorkspaceEdit {
  readonly changes?: Record<string, TextEdit[]>;
  readonly documentChanges?: { readonly textDocument: { readonly uri: string }; readonly edits: TextEdit[] }[];
}
interface InitializeResult {
  readonly capabilities: { readonly diagnosticProvider?: unknown; readonly codeActionProvider?: unknown };
}

/** What VS Code sends for `eslint.*` with the extension's defaults, for the fixture folder. */
const eslintSettings = {
  validate: 'on',
  packageManager: 'npm',
  useESLintClass: false,
  useFlatConfig: true,
  experimental: { useFlatConfig: false },
  codeAction: {
    disableRuleComment: { enable: true, location: 'separateLine', commentStyle: 'line' },
    showDocumentation: { enable: true },
  },
  codeActionOnSave: { enable: false, mode: 'all' },
  format: false,
  quiet: false,
  onIgnoredFiles: 'off',
  options: {},
  rulesCustomizations: [],
  run: 'onType',
  problems: { shortenToSingleLine: false },
  nodePath: null,
  workspaceFolder: { name: 'project', uri: projectUri },
  workingDirectory: { mode: 'location' },
};

/** The offset of an LSP position (UTF-16 code units, like JavaScript strings) in `text`. */
function offsetAt(text: string, position: Position): number {
  let offset = 0;
  for (let line = 0; line < position.line; line++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return Math.min(offset + position.character, text.length);
}

/** `text` with the edits applied (LSP edits of one version never overlap: apply from the end). */
function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => offsetAt(text, b.range.start) - offsetAt(text, a.range.start));
  return sorted.reduce(
    (result, edit) => result.slice(0, offsetAt(text, edit.range.start)) + edit.newText + result.slice(offsetAt(text, edit.range.end)),
    text,
  );
}

function editsFor(edit: WorkspaceEdit, uri: string): TextEdit[] {
  return [
    ...(edit.changes?.[uri] ?? []),
    ...(edit.documentChanges ?? []).filter(change => change.textDocument.uri === uri).flatMap(change => change.edits),
  ];
}

describe('ESLint language server', () => {
  let client: LspClient | undefined;
  let pullDiagnostics = false;
  let diagnostics: Diagnostic[] = [];
  /** Workspace edits the server asked the client to apply (`workspace/applyEdit`). */
  const appliedEdits: WorkspaceEdit[] = [];

  /** Pull diagnostics when the server declares a provider, else wait for the server to push them. */
  async function lintDocument(server: LspClient, pull: boolean): Promise<Diagnostic[]> {
    if (pull) {
      const report = await server.request<{ kind: string; items?: Diagnostic[] }>(
        'textDocument/diagnostic',
        { textDocument: { uri: documentUri } },
        TIMEOUT,
      );
      return report.items ?? [];
    }
    const pushed = await server.waitForNotification<{ uri: string; diagnostics: Diagnostic[] }>(
      'textDocument/publishDiagnostics',
      params => params.uri === documentUri && params.diagnostics.length > 0,
      TIMEOUT,
    );
    return pushed.diagnostics;
  }

  function codeActionsFor(diagnostic: Diagnostic): Promise<CodeAction[] | null> {
    if (!client) throw new Error('server not started');
    return client.request<CodeAction[] | null>(
      'textDocument/codeAction',
      {
        textDocument: { uri: documentUri },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic], only: ['quickfix'], triggerKind: 1 },
      },
      TIMEOUT,
    );
  }

  beforeAll(async () => {
    // dist/ is built once by tests/global-setup.ts.
    expect(existsSync(documentPath), 'the document must exist only in the editor').toBe(false);

    const server = new LspClient(process.execPath, [serverBin, '--stdio'], { cwd: projectDir });
    client = server;
    server.onRequest('workspace/configuration', params =>
      (params as { items: unknown[] }).items.map(() => eslintSettings),
    );
    server.onRequest('workspace/applyEdit', params => {
      appliedEdits.push((params as { edit: WorkspaceEdit }).edit);
      return { applied: true };
    });

    const initialized = await server.request<InitializeResult>(
      'initialize',
      {
        processId: process.pid,
        clientInfo: { name: 'eslint-plugin-compliance editor test' },
        rootUri: projectUri,
        workspaceFolders: [{ uri: projectUri, name: 'project' }],
        initializationOptions: {},
        capabilities: {
          workspace: {
            configuration: true,
            workspaceFolders: true,
            applyEdit: true,
            workspaceEdit: { documentChanges: true },
            executeCommand: { dynamicRegistration: false },
            diagnostics: { refreshSupport: true },
          },
          textDocument: {
            synchronization: { dynamicRegistration: false, didSave: true },
            publishDiagnostics: { relatedInformation: true, codeDescriptionSupport: true },
            diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
            codeAction: {
              dynamicRegistration: false,
              isPreferredSupport: true,
              codeActionLiteralSupport: {
                codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'source', 'source.fixAll'] },
              },
            },
          },
        },
      },
      TIMEOUT,
    );
    expect(initialized.capabilities.codeActionProvider, 'the server offers code actions').toBeTruthy();
    server.notify('initialized', {});
    server.notify('textDocument/didOpen', {
      textDocument: { uri: documentUri, languageId: 'typescript', version: 1, text: DOCUMENT },
    });
    pullDiagnostics = initialized.capabilities.diagnosticProvider !== undefined;
    diagnostics = await lintDocument(server, pullDiagnostics);
  }, 2 * TIMEOUT);

  afterAll(async () => {
    await client?.dispose();
  });

  it('reports the unaudited route of the unsaved document with the rule id', () => {
    const endpoint = diagnostics.filter(d => d.code === 'compliance/require-endpoint-audit');
    expect(endpoint, `diagnostics: ${JSON.stringify(diagnostics)}${client?.recentLog() ?? ''}`).toHaveLength(1);
    expect(endpoint[0]?.message).toMatch(/^POST \/users\/:id\/role emits no audit event \(SOC 2 CC\d/u);
    expect(endpoint[0]?.source).toBe('eslint');
    // Reported on the route registration (line 11), not on the disabled DELETE route.
    expect(endpoint[0]?.range.start.line).toBe(10);
  });

  it('reports the unjustified exemption of the other route', () => {
    const exemption = diagnostics.filter(d => d.code === 'compliance/exemption-justification');
    expect(exemption, `diagnostics: ${JSON.stringify(diagnostics)}`).toHaveLength(1);
    expect(exemption[0]?.message).toContain(
      '`eslint-disable-next-line compliance/require-endpoint-audit` needs a justification after ` -- `',
    );
    expect(exemption[0]?.range.start.line).toBe(14);
  });

  it('offers the suggestion as a code action', async () => {
    const diagnostic = diagnostics.find(d => d.code === 'compliance/require-endpoint-audit');
    if (!diagnostic) throw new Error('no require-endpoint-audit diagnostic');
    const actions = (await codeActionsFor(diagnostic)) ?? [];
    const titles = actions.map(action => action.title);
    expect(titles).toContain('Insert an audit call at the start of the handler (compliance/require-endpoint-audit)');
    const suggestion = actions.find(action => action.title.startsWith('Insert an audit call'));
    expect(suggestion?.kind).toBe('quickfix');
    expect(suggestion?.diagnostics?.[0]?.code).toBe('compliance/require-endpoint-audit');
  });

  it('applies the suggestion: the edited document parses and the route is audited', async () => {
    if (!client) throw new Error('server not started');
    const diagnostic = diagnostics.find(d => d.code === 'compliance/require-endpoint-audit');
    if (!diagnostic) throw new Error('no require-endpoint-audit diagnostic');
    const suggestion = ((await codeActionsFor(diagnostic)) ?? []).find(action => action.title.startsWith('Insert an audit call'));
    if (!suggestion?.command) throw new Error('the suggestion has no command');

    // As VS Code does: run the action's command; the server answers with workspace/applyEdit.
    await client.request('workspace/executeCommand', { command: suggestion.command.command, arguments: suggestion.command.arguments }, TIMEOUT);
    const edits = appliedEdits.flatMap(edit => editsFor(edit, documentUri));
    expect(edits.length, 'the server sent the suggestion as an edit').toBeGreaterThan(0);
    const edited = applyEdits(DOCUMENT, edits);
    expect(edited).toContain('auditLogger.log(');

    client.notify('textDocument/didChange', {
      textDocument: { uri: documentUri, version: 2 },
      contentChanges: [{ text: edited }],
    });
    const after = pullDiagnostics
      ? await lintDocument(client, true)
      : (
          await client.waitForNotification<{ uri: string; version?: number; diagnostics: Diagnostic[] }>(
            'textDocument/publishDiagnostics',
            params => params.uri === documentUri && params.version === 2,
            TIMEOUT,
          )
        ).diagnostics;
    const problems = after.filter(d => d.code !== 'compliance/exemption-justification');
    expect(problems, `after the edit:\n${edited}`).toEqual([]);
  });
});
