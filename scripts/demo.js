// Lints the example backend in examples/ with the built plugin and prints what a compliance
// lead would show an auditor: the findings, a summary per rule, and the justified exemptions.
// `npm run demo` builds first; this script only lints. Exit code: 0 when the lint ran
// (findings are the point of the demo), 1 when ESLint itself failed (bad config, crash).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const examplesDir = path.join(repoRoot, 'examples');
const PATTERNS = ['src/**/*.{ts,tsx}'];
const MISSING_RULE = /^Definition for rule '(.+)' was not found\.$/u;

/** @param {number} n @param {string} word */
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** @param {string} filePath */
const relative = (filePath) => path.relative(examplesDir, filePath).split(path.sep).join('/');

/**
 * @param {ESLint.LintResult[]} results
 */
function summarize(results) {
  let errors = 0;
  let warnings = 0;
  let filesWithFindings = 0;
  /** @type {Map<string, number>} */
  const byRule = new Map();
  /** @type {Set<string>} */
  const missingRules = new Set();

  for (const result of results) {
    errors += result.errorCount;
    warnings += result.warningCount;
    if (result.messages.length > 0) filesWithFindings += 1;
    for (const message of result.messages) {
      const missing = MISSING_RULE.exec(message.message);
      if (missing?.[1]) missingRules.add(missing[1]);
      const key = missing ? 'unknown rule in directive' : (message.ruleId ?? (message.fatal ? 'parse error' : 'eslint'));
      byRule.set(key, (byRule.get(key) ?? 0) + 1);
    }
  }

  /** @type {{ ruleId: string, where: string, justification: string }[]} */
  const justified = [];
  let suppressed = 0;
  for (const result of results) {
    for (const message of result.suppressedMessages) {
      suppressed += 1;
      const justification = message.suppressions
        .map((s) => s.justification.trim())
        .filter(Boolean)
        .join('; ');
      if (justification) {
        justified.push({
          ruleId: message.ruleId ?? '(all rules)',
          where: `${relative(result.filePath)}:${message.line}`,
          justification,
        });
      }
    }
  }

  const findings = errors + warnings;
  const rules = [...byRule]
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([rule, n]) => `${rule} ${n}`)
    .join(', ');
  const lines = [
    `compliance demo: ${plural(findings, 'finding')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}) ` +
      `in ${filesWithFindings} of ${plural(results.length, 'file')}` +
      (rules ? `; by rule: ${rules}` : '') +
      `; ${suppressed} suppressed, ${justified.length} with justification`,
  ];
  if (justified.length > 0) {
    lines.push('justified exemptions:');
    for (const j of justified) lines.push(`  ${j.ruleId}  ${j.where}  -- ${j.justification}`);
  }
  if (missingRules.size > 0) {
    lines.push(`note: directives name rules the plugin does not define: ${[...missingRules].sort().join(', ')}`);
  }
  return lines.join('\n');
}

async function main() {
  const eslint = new ESLint({
    cwd: examplesDir,
    overrideConfigFile: path.join(examplesDir, 'eslint.config.js'),
  });
  const results = await eslint.lintFiles(PATTERNS);
  const formatter = await eslint.loadFormatter('stylish');
  const output = await formatter.format(results);
  if (output) process.stdout.write(output.endsWith('\n') ? output : `${output}\n`);
  process.stdout.write(`${summarize(results)}\n`);
}

try {
  await main();
} catch (error) {
  process.stderr.write(`compliance demo: ESLint failed\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  if (error instanceof Error && /eslint-plugin-compliance|dist[/\\]src[/\\]index\.js/u.test(error.message)) {
    process.stderr.write('hint: build the plugin first (npm run build), or run `npm run demo`.\n');
  }
  process.exitCode = 1;
}
