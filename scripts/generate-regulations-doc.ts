/**
 * Generates `docs/regulations.md` from `src/regulations/*` and the rule metadata.
 *
 *   tsx scripts/generate-regulations-doc.ts          write the file
 *   tsx scripts/generate-regulations-doc.ts --check  exit 1 when the file is stale (CI)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ruleEnforcesControl, type RuleCoverage } from '../src/analysis/controls.js';
import {
  ALWAYS_ACTIVE_CATEGORIES,
  AUDIT_FIELDS,
  CATEGORY_TITLES,
  REFERENCES,
  REGULATION_IDS,
  REGULATIONS,
  SENSITIVE_CATEGORIES,
  type Check,
  type Control,
  type Regulation,
  type RetentionBounds,
} from '../src/regulations/index.js';

/** What the generator needs of a rule: its `meta.docs.checks` and `auditScopes`. */
export interface DocRule {
  readonly meta: { readonly docs?: RuleCoverage };
}

export const REGULATIONS_DOC_PATH = fileURLToPath(new URL('../docs/regulations.md', import.meta.url));

const CHECK_LETTERS: Readonly<Record<Check, string>> = {
  audit: 'a',
  fields: 'b',
  masking: 'c',
  protection: 'd',
  retention: 'e',
};

function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

function code(values: readonly string[]): string {
  return values.map(value => `\`${value}\``).join(', ');
}

/** `audit (authentication)`, `fields (timestamp)`, `masking (card data)`, `protection`. */
function describeChecks(control: Control): string {
  return control.checks
    .map(check => {
      const narrowed =
        check === 'audit'
          ? control.auditScopes
          : check === 'fields'
            ? control.fields
            : check === 'masking'
              ? control.categories?.map(category => CATEGORY_TITLES[category])
              : undefined;
      return narrowed && narrowed.length > 0 ? `${check} (${narrowed.join(', ')})` : check;
    })
    .join(', ');
}

/** The rules enforcing a control (`ruleEnforcesControl`, the same test the presets use). */
function enforcedBy(control: Control, rules: ReadonlyMap<string, RuleCoverage>): string {
  const names = [...rules].filter(([, coverage]) => ruleEnforcesControl(coverage, control)).map(([name]) => name);
  return names.length > 0 ? names.map(name => `[${name}](rules/${name}.md)`).join(', ') : '—';
}

function controlTable(controls: readonly Control[], rules: ReadonlyMap<string, RuleCoverage>): string[] {
  return [
    '| control | what it requires (our words) | checks | enforced by |',
    '|---|---|---|---|',
    ...controls.map(
      control =>
        `| ${cell(control.id)} | ${cell(control.title)} | ${cell(describeChecks(control))} | ${enforcedBy(control, rules)} |`,
    ),
  ];
}

function describeRetention(retention: RetentionBounds): string {
  const parts: string[] = [];
  if (retention.minDays !== undefined) parts.push(`at least ${retention.minDays} days`);
  if (retention.maxDays !== undefined) parts.push(`at most ${retention.maxDays} days`);
  if (retention.mustBeBounded) parts.push('must be bounded (a finite expiry)');
  else if (retention.mustBeSet) parts.push('must be set');
  if (parts.length === 0) parts.push('no bound');
  return `${parts.join(', ')} — ${retention.basis}`;
}

function presetExpression(id: string): string {
  return /^[a-z]\w*$/i.test(id) ? `compliance.configs.${id}` : `compliance.configs['${id}']`;
}

function regulationSection(regulation: Regulation, rules: ReadonlyMap<string, RuleCoverage>): string[] {
  const categories = regulation.sensitiveCategories.map(category => CATEGORY_TITLES[category]);
  const lines = [
    `## ${regulation.name}`,
    '',
    `Preset \`${presetExpression(regulation.id)}\` · cited as \`${regulation.citation}\``,
    '',
    ...controlTable(regulation.controls, rules),
    '',
    `- **Required record fields:** ${regulation.requiredFields.length > 0 ? code(regulation.requiredFields) : 'none'}`,
    `- **Sensitive-data categories:** ${categories.length > 0 ? categories.join(', ') : 'none'}`,
    `- **Audited endpoint methods:** ${code(regulation.auditedMethods)}`,
    `- **Retention:** ${describeRetention(regulation.retention)}`,
  ];
  if (regulation.notes && regulation.notes.length > 0) {
    lines.push('', '**Notes**', '', ...regulation.notes.map(note => `- ${note}`));
  }
  lines.push('');
  return lines;
}

function crossTable<T extends string>(
  header: string,
  values: readonly T[],
  label: (value: T) => string,
  has: (regulation: Regulation, value: T) => boolean,
): string[] {
  const regulations = REGULATION_IDS.map(id => REGULATIONS[id]);
  return [
    `| ${header} | ${regulations.map(regulation => regulation.citation).join(' | ')} |`,
    `|---|${regulations.map(() => '---').join('|')}|`,
    ...values.map(value => `| ${label(value)} | ${regulations.map(regulation => (has(regulation, value) ? '✓' : '—')).join(' | ')} |`),
  ];
}

/** The markdown of `docs/regulations.md`; pure and deterministic. */
export function renderRegulationsDoc(rules: Readonly<Record<string, DocRule>>): string {
  const ruleChecks = new Map(
    Object.keys(rules)
      .sort()
      .map(name => [name, rules[name]?.meta.docs ?? {}] as const),
  );
  const letters = (Object.keys(CHECK_LETTERS) as Check[]).map(check => `**${CHECK_LETTERS[check]}** \`${check}\``);
  const lines = [
    '# Regulations and the controls this plugin enforces',
    '',
    '<!-- Generated by scripts/generate-regulations-doc.ts from src/regulations/ and the rule metadata. Do not edit: run `npm run docs`. -->',
    '',
    'Each preset (`compliance.configs.<id>`) turns on a regulation: its required audit-record fields, the',
    'sensitive-data categories that must never reach a log unmasked, the endpoint methods that must be audited',
    'and the retention bounds of audit logs. Spreading several presets combines them, the strictest winning.',
    'Every report cites the controls of the active regulations that back it, e.g. `(SOC 2 CC7.2; HIPAA 164.312(b))`.',
    '',
    'Control titles are paraphrases, not the regulations\' text. The ISO 27001 and SOC 2 criteria are not public,',
    'so those rows rest on published summaries; where a number or a field rests on practice rather than text, the',
    'notes say so, and it is a default you can override (`audit.providedFields`, rule options).',
    '',
    `Checks: ${letters.join(' · ')}.`,
    'An event must be audited, audit records carry the required fields, sensitive data is never logged',
    'unmasked, audit logs are protected, retention stays within bounds. A rule enforces a control when they',
    'share a check (and, where that check is `audit` and both name the kinds of event they are about, those meet).',
    `The categories ${ALWAYS_ACTIVE_CATEGORIES.map(category => CATEGORY_TITLES[category]).join(' and ')} are active under every preset.`,
    '',
  ];
  for (const id of REGULATION_IDS) lines.push(...regulationSection(REGULATIONS[id], ruleChecks));

  lines.push(
    '## Required record fields by regulation',
    '',
    ...crossTable('field', AUDIT_FIELDS, field => `\`${field}\``, (regulation, field) => regulation.requiredFields.includes(field)),
    '',
    '## Sensitive-data categories by regulation',
    '',
    ...crossTable(
      'category',
      SENSITIVE_CATEGORIES,
      category => CATEGORY_TITLES[category],
      (regulation, category) => ALWAYS_ACTIVE_CATEGORIES.includes(category) || regulation.sensitiveCategories.includes(category),
    ),
    '',
  );

  for (const reference of REFERENCES) {
    lines.push(
      `## ${reference.name}`,
      '',
      `Not a regulation: always active, cited by name as \`${reference.citation}\`.`,
      '',
      ...controlTable(reference.controls, ruleChecks),
      '',
    );
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

async function main(argv: readonly string[]): Promise<number> {
  const { rules } = await import('../rules/index.js');
  const markdown = renderRegulationsDoc(rules);
  if (argv.includes('--check')) {
    let current: string | undefined;
    try {
      current = readFileSync(REGULATIONS_DOC_PATH, 'utf8');
    } catch {
      current = undefined;
    }
    if (current !== markdown) {
      console.error('docs/regulations.md is stale: run npm run docs');
      return 1;
    }
    return 0;
  }
  writeFileSync(REGULATIONS_DOC_PATH, markdown);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
