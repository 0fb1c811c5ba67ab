/** Imports: finding the local name of an imported export, and adding an import in ES modules and CommonJS. */
import { describe, expect, it } from 'vitest';
import { addImport, importedLocalName, moduleSystemOf } from '../../../src/fixes/toolkit/imports.js';
import { fixAt, queryAt } from './harness.js';

const AT = 'CallExpression[callee.name="here"]';
const RECORD = { module: '@acme/audit', name: 'record' };

function withImport(code: string, options: Parameters<typeof fixAt>[3] & { policy?: 'syntax' | 'usage' } = {}): string | undefined {
  const { policy = 'syntax', ...parse } = options;
  return fixAt(code, AT, context => fixer => addImport(fixer, context.sourceCode, RECORD, { filename: context.filename, policy }), parse);
}

function localName(code: string, name = 'record'): string | undefined {
  return queryAt(code, AT, (context, node) => importedLocalName(context.sourceCode, node, '@acme/audit', name));
}

describe('importedLocalName', () => {
  it('names an import by its local name: plain, aliased, namespace, default', () => {
    expect(localName("import { record } from '@acme/audit';\nhere();")).toBe('record');
    expect(localName("import { record as write } from '@acme/audit';\nhere();")).toBe('write');
    expect(localName("import * as acme from '@acme/audit';\nhere();")).toBe('acme.record');
    expect(localName("import audit from '@acme/audit';\nhere();", 'default')).toBe('audit');
  });

  it('does not name a look-alike: another module, a type-only import, a default import for a named export', () => {
    expect(localName("import { record } from '@acme/other';\nhere();")).toBeUndefined();
    expect(localName("import type { record } from '@acme/audit';\nhere();")).toBeUndefined();
    expect(localName("import { type record } from '@acme/audit';\nhere();")).toBeUndefined();
    expect(localName("import audit from '@acme/audit';\nhere();")).toBeUndefined();
  });

  it('does not name an import that a binding around the insertion point shadows', () => {
    expect(localName("import { record } from '@acme/audit';\nfunction f(record) { here(); }")).toBeUndefined();
  });

  it('names a destructured require, aliased or not', () => {
    expect(localName("const { record } = require('@acme/audit');\nhere();")).toBe('record');
    expect(localName("const { record: write } = require('@acme/audit');\nhere();")).toBe('write');
    expect(localName("const { other } = require('@acme/audit');\nhere();")).toBeUndefined();
  });
});

describe('moduleSystemOf', () => {
  const system = (code: string, policy: 'syntax' | 'usage', options = {}): string =>
    queryAt(code, AT, context => moduleSystemOf(context.sourceCode, context.filename, policy), options);

  it('a script or a .cjs file is CommonJS under both policies', () => {
    expect(system('here();', 'syntax', { filename: 'file.js', sourceType: 'script' })).toBe('commonjs');
    expect(system('here();', 'syntax', { filename: 'file.cjs' })).toBe('commonjs');
  });

  it('a module that requires and imports nothing is CommonJS by usage only', () => {
    const code = "const express = require('express');\nhere();";
    expect(system(code, 'usage')).toBe('commonjs');
    expect(system(code, 'syntax')).toBe('esm');
    expect(system(`import x from 'x';\n${code}`, 'usage')).toBe('esm');
  });
});

describe('addImport: ES modules', () => {
  it('adds a line after the last import', () => {
    expect(withImport("import a from 'a';\nimport { b } from 'b';\nhere();")).toBe(
      "import a from 'a';\nimport { b } from 'b';\nimport { record } from '@acme/audit';\nhere();",
    );
  });

  it('merges into an existing import of the module', () => {
    expect(withImport("import { other } from '@acme/audit';\nhere();")).toBe("import { other, record } from '@acme/audit';\nhere();");
    expect(withImport("import audit from '@acme/audit';\nhere();")).toBe("import audit, { record } from '@acme/audit';\nhere();");
    expect(withImport("import { type Event } from '@acme/audit';\nhere();")).toBe("import { type Event, record } from '@acme/audit';\nhere();");
  });

  it('does not merge into a type-only or namespace import', () => {
    expect(withImport("import type { Event } from '@acme/audit';\nhere();")).toBe(
      "import type { Event } from '@acme/audit';\nimport { record } from '@acme/audit';\nhere();",
    );
    expect(withImport("import * as acme from '@acme/audit';\nhere();")).toBe(
      "import * as acme from '@acme/audit';\nimport { record } from '@acme/audit';\nhere();",
    );
  });

  it('goes after the directive prologue, below a shebang and a header comment', () => {
    expect(withImport("#!/usr/bin/env node\n// Header.\n'use server';\nhere();")).toBe(
      "#!/usr/bin/env node\n// Header.\n'use server';\nimport { record } from '@acme/audit';\nhere();",
    );
    expect(withImport('// Header.\nhere();')).toBe("// Header.\nimport { record } from '@acme/audit';\nhere();");
  });

  it('escapes the module specifier', () => {
    const code = 'here();';
    const fixed = fixAt(code, AT, context => fixer => addImport(fixer, context.sourceCode, { module: "it's", name: 'x' }, { policy: 'syntax' }));
    expect(fixed).toBe("import { x } from 'it\\'s';\nhere();");
  });
});

describe('addImport: CommonJS', () => {
  it('a script gets a require after its directives', () => {
    expect(withImport("'use strict';\nconst express = require('express');\nhere();", { filename: 'file.js', sourceType: 'script' })).toBe(
      "'use strict';\nconst { record } = require('@acme/audit');\nconst express = require('express');\nhere();",
    );
  });

  it('a module that only requires gets a require by usage, an import by syntax', () => {
    const code = "const express = require('express');\nhere();";
    expect(withImport(code, { policy: 'usage' })).toBe("const { record } = require('@acme/audit');\n" + code);
    expect(withImport(code, { policy: 'syntax' })).toBe("import { record } from '@acme/audit';\n" + code);
  });

  it('merges into an existing destructured require of the module', () => {
    expect(withImport("const { other } = require('@acme/audit');\nhere();", { filename: 'file.cjs' })).toBe(
      "const { other, record } = require('@acme/audit');\nhere();",
    );
  });

  it('does not merge into a whole-module require', () => {
    expect(withImport("const audit = require('@acme/audit');\nhere();", { filename: 'file.cjs' })).toBe(
      "const { record } = require('@acme/audit');\nconst audit = require('@acme/audit');\nhere();",
    );
  });
});
