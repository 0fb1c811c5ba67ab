// `npm run bench:score`: a rule (default no-sensitive-data-in-logs) scored against hand-labelled real code.
//
// bench/labels/<rule>/<app>.json holds, per app, the sites a person read and labelled, each with a
// one-line reason: for no-sensitive-data-in-logs `leak` (the rule must report the sensitive value on that
// line) or `ok` (it must not); for require-endpoint-audit `right` (an endpoint that changes state and
// emits no audit: the rule must report its route line) or the class of wrong finding it would be,
// `read-only`, `audited-by-<how>` or `not-an-endpoint` (it must not). This script lints each app with the built plugin (dist/, via the package's own
// exports) in each mode, keeps the findings of this rule only, matches them to the labels by file and
// line, and prints per app and in total per mode: TP, FP, FN, precision, recall; then every FP and FN
// with its reason, and the findings on lines nobody labelled yet (to label them).
//
//   node scripts/score-labels.js [--rule require-endpoint-audit] [--app outline,hoppscotch] [--modes typed,untyped] [--root /work/real]
//                                [--dir outline=/tmp/outline] [--all] [--findings <out.json>] [--options '<rule options JSON>']
//
// --root: where the apps are checked out, each as <root>/<owner>+<name> (see bench/README.md);
// --dir app=path: one app's checkout elsewhere; --all: lint every file the label file's globs select,
// not only the labelled files (slower; shows the unlabelled findings everywhere); --findings: also write
// the raw findings as JSON. Typed mode uses the nearest tsconfig at or above the app's dir as
// tsconfigRootDir; files no tsconfig includes are linted without types.
// Exit code 0 whenever the lints ran (the numbers are the output, not a gate); 1 when ESLint crashed.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const LABELS_ROOT = path.join(repoRoot, 'bench', 'labels');
/** The labels that say "the rule must report this line"; every other label says it must not. */
const POSITIVE_LABELS = new Set(['leak', 'right']);
const TS_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts'];

/**
 * @typedef {object} Label
 * @property {string} file      relative to the app's dir, `/`-separated
 * @property {number} line      where the rule reports: the sensitive value's line, the route's line
 * @property {string} label     `leak` / `right` (must be reported), or why not: `ok`, `read-only`, `audited-by-<how>`, …
 * @property {string} [category] for leaks: the data category (credentials, contactData, …)
 * @property {string} reason
 */

/**
 * @typedef {object} LabelFile
 * @property {string} app
 * @property {string} repo        owner/name on GitHub
 * @property {string} commit
 * @property {string} dir         the app root inside the checkout (tsconfig search and file paths start there)
 * @property {string[]} files     globs relative to dir: what was reviewed
 * @property {string[]} [ignores] globs relative to dir left out of `files`
 * @property {string} settings    the settings file, relative to this repository
 * @property {string[]} regulations  the presets turned on besides `strict`
 * @property {Label[]} labels
 */

/** @typedef {{ file: string, line: number, message: string }} Finding */

/**
 * @typedef {object} Score
 * @property {number} tp
 * @property {number} fp
 * @property {number} fn
 * @property {number} tn
 * @property {number | undefined} precision  tp / (tp + fp); undefined with no finding on a labelled line
 * @property {number | undefined} recall     tp / (tp + fn); undefined with no leak label
 * @property {Array<Label & { message: string }>} falsePositives
 * @property {Label[]} falseNegatives
 * @property {Finding[]} unlabelled  findings on lines with no label (one per line)
 */

/**
 * Matches findings to labels by file and line. A labelled line counts once however many findings it
 * has: a `leak` or `right` line with a finding is a TP, without one an FN; any other label (`ok`,
 * `read-only`, `audited-by-*`, …) with a finding is an FP, without one a TN. Findings on unlabelled lines are neither; they are returned to be labelled.
 * @param {readonly Label[]} labels
 * @param {readonly Finding[]} findings
 * @returns {Score}
 */
export function score(labels, findings) {
  const key = (/** @type {{ file: string, line: number }} */ site) => `${site.file}:${site.line}`;
  /** @type {Map<string, Finding>} */
  const found = new Map();
  for (const finding of findings) if (!found.has(key(finding))) found.set(key(finding), finding);
  const labelled = new Set(labels.map(key));
  const result = /** @type {Score} */ ({ tp: 0, fp: 0, fn: 0, tn: 0, falsePositives: [], falseNegatives: [], unlabelled: [] });
  for (const label of labels) {
    const finding = found.get(key(label));
    if (POSITIVE_LABELS.has(label.label)) {
      if (finding) result.tp++;
      else { result.fn++; result.falseNegatives.push(label); }
    } else if (finding) {
      result.fp++;
      result.falsePositives.push({ ...label, message: finding.message });
    } else result.tn++;
  }
  for (const [site, finding] of found) if (!labelled.has(site)) result.unlabelled.push(finding);
  result.precision = result.tp + result.fp > 0 ? result.tp / (result.tp + result.fp) : undefined;
  result.recall = result.tp + result.fn > 0 ? result.tp / (result.tp + result.fn) : undefined;
  return result;
}

/**
 * Sums scores (the lists are concatenated).
 * @param {readonly Score[]} scores
 * @returns {Score}
 */
export function total(scores) {
  const sum = (/** @type {'tp' | 'fp' | 'fn' | 'tn'} */ k) => scores.reduce((n, s) => n + s[k], 0);
  const [tp, fp, fn, tn] = [sum('tp'), sum('fp'), sum('fn'), sum('tn')];
  return {
    tp, fp, fn, tn,
    precision: tp + fp > 0 ? tp / (tp + fp) : undefined,
    recall: tp + fn > 0 ? tp / (tp + fn) : undefined,
    falsePositives: scores.flatMap(s => s.falsePositives),
    falseNegatives: scores.flatMap(s => s.falseNegatives),
    unlabelled: scores.flatMap(s => s.unlabelled),
  };
}

// ---------------------------------------------------------------------------------------------
// Files
// ---------------------------------------------------------------------------------------------

/** @param {string} glob a glob (`*`, `**`, `?`, `{a,b}`) over a `/`-separated relative path */
function globRegExp(glob) {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const char = /** @type {string} */ (glob[i]);
    if (char === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      source += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else if (char === '{') source += '(?:';
    else if (char === '}') source += ')';
    else if (char === ',' && source.lastIndexOf('(?:') > source.lastIndexOf(')')) source += '|';
    else source += char.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/**
 * The files under `dir` that one of `globs` selects and no `ignores` glob does (a directory stands for
 * every TypeScript file under it), relative and sorted; node_modules and dot-directories skipped.
 * @param {string} dir @param {readonly string[]} globs @param {readonly string[]} ignores
 */
function collectFiles(dir, globs, ignores) {
  const expand = (/** @type {string} */ glob) => {
    const full = path.join(dir, glob);
    const isDir = !/[*?{]/.test(glob) && existsSync(full) && statSync(full).isDirectory();
    return globRegExp(isDir ? `${glob.replace(/\/$/, '')}/**/*{${TS_EXTENSIONS.join(',')}}` : glob);
  };
  const [include, exclude] = [globs.map(expand), ignores.map(expand)];
  /** @type {string[]} */
  const files = [];
  const walk = (/** @type {string} */ current) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const full = path.join(current, entry.name);
      const relative = path.relative(dir, full).split(path.sep).join('/');
      if (entry.isDirectory()) walk(full);
      else if (include.some(p => p.test(relative)) && !exclude.some(p => p.test(relative))) files.push(relative);
    }
  };
  walk(dir);
  return files.sort();
}

/** The nearest tsconfig.json at or above `dir`, or undefined. @param {string} dir */
function nearestTsconfig(dir) {
  for (let current = dir; ; current = path.dirname(current)) {
    const candidate = path.join(current, 'tsconfig.json');
    if (existsSync(candidate)) return candidate;
    if (path.dirname(current) === current) return undefined;
  }
}

/**
 * The files (absolute) that no tsconfig.json from their directory up includes.
 * @param {readonly string[]} files
 * @returns {Promise<string[]>}
 */
async function filesOutsideTsconfigs(files) {
  const { default: ts } = await import('typescript');
  /** @type {Map<string, Set<string>>} */
  const included = new Map();
  const filesOf = (/** @type {string} */ config) => {
    let names = included.get(config);
    if (!names) {
      const host = { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} };
      const parsed = ts.getParsedCommandLineOfConfigFile(config, {}, host);
      names = new Set((parsed?.fileNames ?? []).map(name => path.resolve(name)));
      included.set(config, names);
    }
    return names;
  };
  return files.filter(file => {
    for (let current = path.dirname(file); ; current = path.dirname(current)) {
      const config = path.join(current, 'tsconfig.json');
      if (existsSync(config) && filesOf(config).has(file)) return false;
      if (path.dirname(current) === current) return true;
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Linting
// ---------------------------------------------------------------------------------------------

/**
 * Lints `files` (relative to `dir`) with this rule only, presets `strict` + the label file's
 * regulations, and the app's settings. Returns the findings of this rule and the fatal parse errors.
 * @param {{ rule: string, dir: string, files: string[], mode: 'typed' | 'untyped', regulations: string[], settings: Record<string, unknown>, options?: Record<string, unknown> }} job
 * @returns {Promise<{ findings: Finding[], fatal: string[], ms: number }>}
 */
async function lint(job) {
  const { ESLint } = await import('eslint');
  const { default: compliance } = await import('eslint-plugin-compliance');
  const { default: tseslint } = await import('typescript-eslint');
  const typed = job.mode === 'typed';
  const tsconfig = nearestTsconfig(job.dir);
  const absolute = job.files.map(file => path.join(job.dir, file));
  const untyped = typed ? await filesOutsideTsconfigs(absolute) : [];
  /** @type {import('eslint').Linter.Config[]} */
  const config = [
    {
      name: 'score/parser',
      files: TS_EXTENSIONS.map(extension => `**/*${extension}`),
      languageOptions: {
        parser: /** @type {import('eslint').Linter.Parser} */ (tseslint.parser),
        parserOptions: typed ? { projectService: true, tsconfigRootDir: tsconfig ? path.dirname(tsconfig) : job.dir } : {},
      },
      linterOptions: { reportUnusedDisableDirectives: 'off' },
    },
  ];
  if (untyped.length > 0) config.push({ name: 'score/outside-tsconfigs', files: untyped, languageOptions: { parserOptions: { projectService: false } } });
  for (const preset of ['strict', ...job.regulations]) {
    const found = compliance.configs[/** @type {keyof typeof compliance.configs} */ (preset)];
    if (!found) throw new Error(`unknown preset ${preset}`);
    config.push(/** @type {import('eslint').Linter.Config} */ (found));
  }
  config.push({ name: 'score/settings', settings: job.settings });
  const level = job.options ? ['error', job.options] : 'error';
  config.push({ name: 'score/only-this-rule', rules: Object.fromEntries(Object.keys(compliance.rules).map(rule => [`compliance/${rule}`, rule === job.rule ? level : 'off'])) });

  const start = performance.now();
  const eslint = new ESLint({ cwd: job.dir, overrideConfigFile: true, overrideConfig: config });
  const results = await eslint.lintFiles(absolute);
  const ms = performance.now() - start;
  /** @type {Finding[]} */
  const findings = [];
  /** @type {string[]} */
  const fatal = [];
  for (const result of results) {
    const file = path.relative(job.dir, result.filePath).split(path.sep).join('/');
    for (const message of result.messages) {
      if (message.fatal) fatal.push(`${file}:${message.line}: ${message.message}`);
      else if (message.ruleId === `compliance/${job.rule}`) findings.push({ file, line: message.line, message: message.message });
    }
  }
  return { findings, fatal, ms };
}

// ---------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------

const percent = (/** @type {number | undefined} */ value) => (value === undefined ? '–' : `${(value * 100).toFixed(0)}%`);

/** @param {Array<{ name: string, mode: string, score: Score }>} rows */
function printTable(rows) {
  const lines = [['app', 'mode', 'TP', 'FP', 'FN', 'TN', 'precision', 'recall', 'unlabelled']];
  for (const { name, mode, score: s } of rows) {
    lines.push([name, mode, String(s.tp), String(s.fp), String(s.fn), String(s.tn), percent(s.precision), percent(s.recall), String(s.unlabelled.length)]);
  }
  const widths = lines[0].map((_, column) => Math.max(...lines.map(line => String(line[column]).length)));
  for (const line of lines) console.log(line.map((cell, column) => String(cell).padEnd(/** @type {number} */ (widths[column]))).join('  '));
}

/** @param {string} name @param {string} mode @param {Score} s */
function printDetails(name, mode, s) {
  if (s.falsePositives.length + s.falseNegatives.length + s.unlabelled.length === 0) return;
  console.log(`\n${name}, ${mode}:`);
  /** @type {Map<string, number>} */
  const byLabel = new Map();
  for (const fp of s.falsePositives) byLabel.set(fp.label, (byLabel.get(fp.label) ?? 0) + 1);
  if (byLabel.size > 0) console.log(`  FP by label: ${[...byLabel].map(([label, n]) => `${label} ${n}`).join(', ')}`);
  for (const fp of s.falsePositives) console.log(`  FP ${fp.file}:${fp.line}  [${fp.label}] ${fp.reason}\n       rule: ${fp.message}`);
  for (const fn of s.falseNegatives) console.log(`  FN ${fn.file}:${fn.line}  [${fn.category ?? fn.label}] ${fn.reason}`);
  for (const u of s.unlabelled) console.log(`  ?? ${u.file}:${u.line}  rule: ${u.message}`);
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

async function main() {
  const { values } = parseArgs({
    options: {
      rule: { type: 'string', default: 'no-sensitive-data-in-logs' },
      app: { type: 'string' },
      modes: { type: 'string', default: 'typed,untyped' },
      root: { type: 'string', default: process.env.COMPLIANCE_REAL_APPS ?? '/work/real' },
      dir: { type: 'string', multiple: true, default: [] },
      all: { type: 'boolean', default: false },
      findings: { type: 'string' },
      options: { type: 'string' },
    },
  });
  const modes = /** @type {Array<'typed' | 'untyped'>} */ (values.modes.split(',').filter(mode => mode === 'typed' || mode === 'untyped'));
  const dirs = new Map(values.dir.map(entry => /** @type {[string, string]} */ (entry.split('=', 2))));
  const wanted = values.app?.split(',');
  const labelsDir = path.join(LABELS_ROOT, values.rule);
  const labelFiles = readdirSync(labelsDir).filter(name => name.endsWith('.json')).sort()
    .map(name => /** @type {LabelFile} */ (JSON.parse(readFileSync(path.join(labelsDir, name), 'utf8'))))
    .filter(file => !wanted || wanted.includes(file.app));

  /** @type {Array<{ name: string, mode: string, score: Score }>} */
  const rows = [];
  /** @type {Record<string, Record<string, Finding[]>>} */
  const raw = {};
  let crashed = false;
  for (const mode of modes) {
    /** @type {Score[]} */
    const perMode = [];
    for (const app of labelFiles) {
      const checkout = dirs.get(app.app) ?? path.join(values.root, app.repo.replace('/', '+'));
      const dir = path.join(checkout, app.dir);
      if (!existsSync(dir)) {
        console.log(`${app.app}: ${dir} not found (check out ${app.repo} at ${app.commit}; see bench/README.md)`);
        continue;
      }
      const files = values.all
        ? collectFiles(dir, app.files, app.ignores ?? [])
        : [...new Set(app.labels.map(label => label.file))].sort();
      const settings = JSON.parse(readFileSync(path.join(repoRoot, app.settings), 'utf8'));
      try {
        const { findings, fatal, ms } = await lint({ rule: values.rule, dir, files, mode, regulations: app.regulations, settings, ...(values.options ? { options: JSON.parse(values.options) } : {}) });
        console.error(`${app.app} ${mode}: ${files.length} files, ${findings.length} findings, ${(ms / 1000).toFixed(1)} s`);
        for (const error of fatal) console.error(`  parse error ${error}`);
        (raw[app.app] ??= {})[mode] = findings;
        const s = score(app.labels, findings);
        perMode.push(s);
        rows.push({ name: app.app, mode, score: s });
      } catch (error) {
        crashed = true;
        console.error(`${app.app} ${mode}: ESLint failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
    }
    if (perMode.length > 1) rows.push({ name: 'total', mode, score: total(perMode) });
  }
  console.log(`\ncompliance/${values.rule}: findings matched to labels by file and line\n`);
  printTable(rows);
  for (const row of rows) if (row.name !== 'total') printDetails(row.name, row.mode, row.score);
  if (values.findings) writeFileSync(values.findings, `${JSON.stringify(raw, null, 1)}\n`);
  process.exitCode = crashed ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) await main();
