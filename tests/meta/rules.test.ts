/** Keeps rules, docs, tests, the rule map and the presets in sync. */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { renderRuleIndex, ruleNamesOnDisk } from '../../scripts/new-rule.js';
import plugin from '../../src/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const names = Object.keys(rules);

interface SchemaObject {
  type?: string;
  description?: string;
  properties?: Record<string, SchemaObject>;
  additionalProperties?: unknown;
  items?: SchemaObject | SchemaObject[];
}

function schemaProperties(schema: unknown): Record<string, SchemaObject> {
  const list = (Array.isArray(schema) ? schema : [schema]) as SchemaObject[];
  return Object.assign({}, ...list.map(entry => entry?.properties ?? {})) as Record<string, SchemaObject>;
}

describe('rule map', () => {
  it('has at least one rule', () => {
    expect(names.length).toBeGreaterThan(0);
  });

  it('rules/index.ts is the sorted map of the files in rules/', () => {
    expect(readFileSync(path.join(root, 'rules/index.ts'), 'utf8')).toBe(renderRuleIndex(ruleNamesOnDisk()));
    expect(names).toEqual([...ruleNamesOnDisk()].sort());
  });

  it('the plugin exposes the map and its meta', () => {
    expect(plugin.rules).toBe(rules);
    expect(plugin.meta.namespace).toBe('compliance');
    expect(plugin.meta.name).toBe('eslint-plugin-compliance');
    expect(plugin.meta.version).toMatch(/^\d+\.\d+\.\d+/u);
  });
});

describe.each(names)('rule %s', name => {
  const rule = rules[name]!;
  const docPath = path.join(root, 'docs/rules', `${name}.md`);

  it('has a test file', () => {
    expect(existsSync(path.join(root, 'tests/rules', `${name}.test.ts`))).toBe(true);
  });

  it('has a description in the house form', () => {
    expect(rule.meta.docs?.description).toMatch(/^(Enforce|Require|Disallow) .+[^. ]$/u);
  });

  it('names the checks it enforces', () => {
    expect(rule.meta.docs?.checks.length).toBeGreaterThan(0);
  });

  it('has a schema whose objects forbid unknown keys and describe every property', () => {
    const visit = (schema: SchemaObject, where: string): void => {
      if (schema.type === 'object') {
        expect(schema.additionalProperties, `${where} additionalProperties`).toBe(false);
      }
      for (const [key, value] of Object.entries(schema.properties ?? {})) {
        expect(value.description, `${where}.${key} description`).toEqual(expect.any(String));
        visit(value, `${where}.${key}`);
      }
    };
    const list = (Array.isArray(rule.meta.schema) ? rule.meta.schema : [rule.meta.schema]) as SchemaObject[];
    list.forEach((schema, index) => visit(schema, `schema[${index}]`));
  });

  it('has default options that validate against its schema', () => {
    const linter = new Linter({ configType: 'flat' });
    const defaults = (rule.meta as { defaultOptions?: unknown[] }).defaultOptions ?? [];
    expect(() =>
      linter.verify('const x = 1;', {
        plugins: { compliance: plugin as never },
        rules: { [`compliance/${name}`]: ['error', ...defaults] },
      }),
    ).not.toThrow();
  });

  it('cites controls in every problem message', () => {
    const suggestionIds = new Set<string>();
    for (const [id, text] of Object.entries(rule.meta.messages)) {
      if (/^suggest/u.test(id)) suggestionIds.add(id);
      else expect(text, id).toContain('{{controls}}');
    }
  });

  it('has a doc page with the generated header and the house sections', () => {
    expect(existsSync(docPath)).toBe(true);
    const doc = readFileSync(docPath, 'utf8');
    expect(doc.startsWith(`# compliance/${name}`)).toBe(true);
    expect(doc).toContain('<!-- end auto-generated rule header -->');
    expect(doc).toContain('## Rule details');
    expect(doc).toContain('## When not to use it');
    expect(doc).toMatch(/❌/u);
    expect(doc).toMatch(/✅/u);
  });

  it('documents every option under its own heading', () => {
    const doc = readFileSync(docPath, 'utf8');
    const properties = Object.keys(schemaProperties(rule.meta.schema));
    if (properties.length > 0) expect(doc).toContain('## Options');
    for (const property of properties) expect(doc).toMatch(new RegExp(`^### \`?${property}\`?$`, 'mu'));
  });
});
