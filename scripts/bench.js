// `npm run bench`: what the compliance rules cost, on a synthetic app or on any directory.
//
// Every lint runs twice per mode, each time in a fresh Node process so that no parser, program or rule
// cache carries over: with every compliance rule on (`strict`, with SOC 2 and PCI DSS active) and with
// no compliance rule at all (the same parser and files, nothing else). Both modes: typed
// (`projectService`) and untyped (no parserOptions). It prints the wall times, the ratio with ÷ without,
// ESLint's per-rule times (`stats: true`, the same figures as `TIMING`) and the findings per rule.
//
// Synthetic mode (default) generates a backend into .bench/<size>/ (gitignored): modules of a controller
// (an Express router or a NestJS controller), a service and a repository in separate files, half of them
// audited — one hop deep (the service calls the audit logger) or three (the service calls a repository
// helper, which calls the audit module, which calls the logger) — and a tsconfig; then it checks that
// require-endpoint-audit's cost per file stays flat as the app grows.
//
// Directory mode lints a real app (see bench/README.md for the apps and commits the README quotes):
//   npm run bench -- --dir <path> [--files <glob,...>] [--settings <json>] [--repeat N] [--modes typed,untyped]
//                    [--cpu-prof <dir>]
// --files: globs relative to --dir (default every .ts/.tsx/.mts/.cts file, node_modules excluded);
// --settings: a JSON file holding the `settings` object to add (`{ "compliance": { "audit": … } }`);
// --cpu-prof: the with-rules run of each mode also writes a V8 CPU profile there, and the hottest
// functions (by self and by total time, grouped by source file and function) are printed.
// Typed mode uses the nearest tsconfig at or above --dir as tsconfigRootDir; files that no tsconfig
// includes are linted without types (reported), so they cannot make the project service fail the run.
//
// Usage: npm run bench [-- --sizes 100,400,1600 --repeat 2 --modes typed,untyped]  (about 3 min on 2 idle cores)
// Exit code 0 when every lint ran; 1 when ESLint failed (config error, rule crash).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const benchRoot = path.join(repoRoot, '.bench');
const RULE = 'compliance/require-endpoint-audit';
/** The presets a "with rules" run spreads: every rule, with SOC 2 and PCI DSS active. */
const PRESETS = /** @type {const} */ (['strict', 'soc2', 'pci-dss']);
/** Extensions the parser config covers and the default file list collects. */
const TS_EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts'];

/** Endpoints per controller: create, update, delete (state-changing, audited under SOC 2) and read. */
const STATE_CHANGING_PER_MODULE = 3;
/** The read endpoint of every module: PCI DSS (10.2.1.1, active in a with-rules run) asks for an audit of reads too. */
const READS_PER_MODULE = 1;
/** Files outside the modules: the audit logger, the audit module, the database, the app. */
const SHARED_FILES = 4;

// ---------------------------------------------------------------------------------------------
// The synthetic app
// ---------------------------------------------------------------------------------------------

/**
 * @typedef {object} ModulePlan
 * @property {number} index
 * @property {'express' | 'nest'} framework
 * @property {0 | 1 | 3} auditDepth 0: unaudited; 1: the service audits; 3: through repository and audit module
 */

/** @param {number} modules @returns {ModulePlan[]} */
function plan(modules) {
  return Array.from({ length: modules }, (_, index) => ({
    index,
    framework: index % 4 < 2 ? 'express' : 'nest',
    // Even modules are audited, alternating one and three hops deep; odd modules are not.
    auditDepth: index % 2 === 1 ? 0 : index % 8 < 4 ? 1 : 3,
  }));
}

const names = (/** @type {number} */ i) => ({
  type: `Widget${i}`,
  input: `Widget${i}Input`,
  resource: `widgets${i}`,
  service: `Widget${i}Service`,
  router: `widget${i}Router`,
  controller: `Widget${i}Controller`,
  field: `widget${i}Service`,
});

const SHARED = {
  'src/audit/audit-logger.ts': `export interface AuditEvent {
  action: string;
  actor: string;
  resource: { type: string; id: string };
  outcome: 'success' | 'failure';
  timestamp: string;
}

const sink: AuditEvent[] = [];

export const auditLogger = {
  async log(event: AuditEvent): Promise<void> {
    sink.push(event);
    await Promise.resolve();
  },
};
`,
  'src/audit/record.ts': `import { auditLogger } from './audit-logger.js';

/** The audit module: one place that turns a change into an audit event. */
export async function recordChange(action: string, actor: string, type: string, id: string): Promise<void> {
  await auditLogger.log({ action, actor, resource: { type, id }, outcome: 'success', timestamp: new Date().toISOString() });
}
`,
  'src/db/db.ts': `export interface Row {
  id: string;
  [column: string]: unknown;
}

const tables = new Map<string, Map<string, Row>>();
let sequence = 0;

function table(name: string): Map<string, Row> {
  let rows = tables.get(name);
  if (!rows) {
    rows = new Map();
    tables.set(name, rows);
  }
  return rows;
}

export const db = {
  async insert(name: string, values: Record<string, unknown>): Promise<Row> {
    const row: Row = { ...values, id: String(++sequence) };
    table(name).set(row.id, row);
    return Promise.resolve(row);
  },
  async update(name: string, id: string, values: Record<string, unknown>): Promise<Row | undefined> {
    const row = table(name).get(id);
    if (row) Object.assign(row, values);
    return Promise.resolve(row);
  },
  async remove(name: string, id: string): Promise<boolean> {
    return Promise.resolve(table(name).delete(id));
  },
  async find(name: string, id: string): Promise<Row | undefined> {
    return Promise.resolve(table(name).get(id));
  },
};
`,
};

/** @param {ModulePlan} m */
function repositoryFile(m) {
  const n = names(m.index);
  const audited = m.auditDepth === 3;
  const auditImport = audited ? `import { recordChange } from '../../audit/record.js';\n` : '';
  const audit = (/** @type {string} */ verb, /** @type {string} */ id) =>
    audited ? `\n  await recordChange('${n.resource}.${verb}', actor, '${n.type}', ${id});` : '';
  return `${auditImport}import { db, type Row } from '../../db/db.js';

export interface ${n.input} {
  name: string;
  quantity: number;
  tags?: string[];
}

export interface ${n.type} extends ${n.input} {
  id: string;
}

function to${n.type}(row: Row): ${n.type} {
  return { id: row.id, name: String(row.name), quantity: Number(row.quantity), tags: (row.tags as string[] | undefined) ?? [] };
}

export async function insert${n.type}(input: ${n.input}, actor: string): Promise<${n.type}> {
  const row = await db.insert('${n.resource}', { ...input, createdBy: actor });${audit('create', 'row.id')}
  return to${n.type}(row);
}

export async function update${n.type}(id: string, input: Partial<${n.input}>, actor: string): Promise<${n.type} | undefined> {
  const row = await db.update('${n.resource}', id, { ...input, updatedBy: actor });${audit('update', 'id')}
  return row ? to${n.type}(row) : undefined;
}

export async function delete${n.type}(id: string, actor: string): Promise<boolean> {
  const removed = await db.remove('${n.resource}', id);${audit('delete', 'id')}
  return removed;
}

export async function find${n.type}(id: string): Promise<${n.type} | undefined> {
  const row = await db.find('${n.resource}', id);
  return row ? to${n.type}(row) : undefined;
}
`;
}

/** The service's three state-changing operations and the read, as function bodies. */
function serviceBodies(/** @type {ModulePlan} */ m) {
  const n = names(m.index);
  const audit = (/** @type {string} */ verb, /** @type {string} */ id) =>
    m.auditDepth === 1
      ? `\n    await auditLogger.log({ action: '${n.resource}.${verb}', actor, resource: { type: '${n.type}', id: ${id} }, outcome: 'success', timestamp: new Date().toISOString() });`
      : '';
  return {
    imports: `${m.auditDepth === 1 ? `import { auditLogger } from '../../audit/audit-logger.js';\n` : ''}import { delete${n.type}, find${n.type}, insert${n.type}, update${n.type}, type ${n.input}, type ${n.type} } from './${n.resource}.repository.js';\n`,
    create: `const created = await insert${n.type}(input, actor);${audit('create', 'created.id')}
    return created;`,
    update: `if (input.quantity !== undefined && input.quantity < 0) throw new RangeError('quantity');
    const updated = await update${n.type}(id, input, actor);${audit('update', 'id')}
    return updated;`,
    remove: `const removed = await delete${n.type}(id, actor);${audit('delete', 'id')}
    return removed;`,
    find: `return find${n.type}(id);`,
  };
}

/** @param {ModulePlan} m */
function serviceFile(m) {
  const n = names(m.index);
  const body = serviceBodies(m);
  if (m.framework === 'nest') {
    return `import { Injectable } from '@nestjs/common';
${body.imports}
@Injectable()
export class ${n.service} {
  async create(input: ${n.input}, actor: string): Promise<${n.type}> {
    ${body.create}
  }

  async update(id: string, input: Partial<${n.input}>, actor: string): Promise<${n.type} | undefined> {
    ${body.update}
  }

  async remove(id: string, actor: string): Promise<boolean> {
    ${body.remove}
  }

  async find(id: string): Promise<${n.type} | undefined> {
    ${body.find}
  }
}
`;
  }
  return `${body.imports}
export async function create${n.type}(input: ${n.input}, actor: string): Promise<${n.type}> {
  ${body.create.replaceAll('\n    ', '\n  ')}
}

export async function change${n.type}(id: string, input: Partial<${n.input}>, actor: string): Promise<${n.type} | undefined> {
  ${body.update.replaceAll('\n    ', '\n  ')}
}

export async function remove${n.type}(id: string, actor: string): Promise<boolean> {
  ${body.remove.replaceAll('\n    ', '\n  ')}
}

export async function get${n.type}(id: string): Promise<${n.type} | undefined> {
  ${body.find}
}
`;
}

/** @param {ModulePlan} m */
function controllerFile(m) {
  const n = names(m.index);
  if (m.framework === 'nest') {
    return `import { Body, Controller, Delete, Get, NotFoundException, Param, Post, Put } from '@nestjs/common';
import type { ${n.input}, ${n.type} } from './${n.resource}.repository.js';
import { ${n.service} } from './${n.resource}.service.js';

@Controller('${n.resource}')
export class ${n.controller} {
  constructor(private readonly ${n.field}: ${n.service}) {}

  @Post()
  create(@Body() body: ${n.input}): Promise<${n.type}> {
    return this.${n.field}.create(body, 'api');
  }

  @Put(':id')
  async update(@Param('id') id: string, @Body() body: Partial<${n.input}>): Promise<${n.type}> {
    const updated = await this.${n.field}.update(id, body, 'api');
    if (!updated) throw new NotFoundException();
    return updated;
  }

  @Delete(':id')
  async remove(@Param('id') id: string): Promise<void> {
    if (!(await this.${n.field}.remove(id, 'api'))) throw new NotFoundException();
  }

  @Get(':id')
  async find(@Param('id') id: string): Promise<${n.type}> {
    const found = await this.${n.field}.find(id);
    if (!found) throw new NotFoundException();
    return found;
  }
}
`;
  }
  return `import { Router, type Request } from 'express';
import type { ${n.input} } from './${n.resource}.repository.js';
import { change${n.type}, create${n.type}, get${n.type}, remove${n.type} } from './${n.resource}.service.js';

export const ${n.router} = Router();

function actorOf(req: Request): string {
  return req.get('x-user-id') ?? 'anonymous';
}

${n.router}.post('/${n.resource}', async (req, res) => {
  const created = await create${n.type}(req.body as ${n.input}, actorOf(req));
  res.status(201).json(created);
});

${n.router}.put('/${n.resource}/:id', async (req, res) => {
  const updated = await change${n.type}(req.params.id, req.body as Partial<${n.input}>, actorOf(req));
  if (updated) res.json(updated);
  else res.sendStatus(404);
});

${n.router}.delete('/${n.resource}/:id', async (req, res) => {
  res.sendStatus((await remove${n.type}(req.params.id, actorOf(req))) ? 204 : 404);
});

${n.router}.get('/${n.resource}/:id', async (req, res) => {
  const found = await get${n.type}(req.params.id);
  if (found) res.json(found);
  else res.sendStatus(404);
});
`;
}

/** @param {ModulePlan[]} modules */
function appFile(modules) {
  const express = modules.filter(m => m.framework === 'express');
  const nest = modules.filter(m => m.framework === 'nest');
  const imports = [
    ...express.map(m => `import { ${names(m.index).router} } from './modules/${names(m.index).resource}/${names(m.index).resource}.routes.js';`),
    ...nest.map(m => `import { ${names(m.index).controller} } from './modules/${names(m.index).resource}/${names(m.index).resource}.controller.js';`),
    ...nest.map(m => `import { ${names(m.index).service} } from './modules/${names(m.index).resource}/${names(m.index).resource}.service.js';`),
  ];
  return `import express from 'express';
${imports.join('\n')}

export const app = express();
app.use(express.json());
${express.map(m => `app.use(${names(m.index).router});`).join('\n')}

/** The NestJS side, as a module declaration would list it. */
export const nestModule = {
  controllers: [${nest.map(m => names(m.index).controller).join(', ')}],
  providers: [${nest.map(m => names(m.index).service).join(', ')}],
};
`;
}

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    lib: ['ES2023'],
    types: ['node'],
    strict: true,
    skipLibCheck: true,
    experimentalDecorators: true,
    emitDecoratorMetadata: true,
    noEmit: true,
  },
  include: ['src/**/*'],
};

/**
 * Writes the app for about `size` files into .bench/<size>/.
 * @param {number} size
 * @returns {{ dir: string, files: number, modules: ModulePlan[], expectedFindings: number }}
 */
function generate(size) {
  const dir = path.join(benchRoot, String(size));
  rmSync(dir, { recursive: true, force: true });
  const modules = plan(Math.max(2, Math.round((size - SHARED_FILES) / 3)));
  /** @type {Record<string, string>} */
  const files = { ...SHARED, 'src/app.ts': appFile(modules) };
  for (const m of modules) {
    const { resource } = names(m.index);
    const base = `src/modules/${resource}/${resource}`;
    files[`${base}.repository.ts`] = repositoryFile(m);
    files[`${base}.service.ts`] = serviceFile(m);
    files[`${base}.${m.framework === 'nest' ? 'controller' : 'routes'}.ts`] = controllerFile(m);
  }
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  writeFileSync(path.join(dir, 'tsconfig.json'), `${JSON.stringify(TSCONFIG, null, 2)}\n`);
  const unaudited = modules.filter(m => m.auditDepth === 0).length;
  return { dir, files: Object.keys(files).length, modules, expectedFindings: unaudited * STATE_CHANGING_PER_MODULE + modules.length * READS_PER_MODULE };
}


// ---------------------------------------------------------------------------------------------
// Files and tsconfigs
// ---------------------------------------------------------------------------------------------

/**
 * A glob (`*`, `**`, `?`, `{a,b}`) as a regular expression over a `/`-separated relative path.
 * @param {string} glob
 */
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
 * The files to lint under `dir`: every file matching one of the globs (a directory stands for
 * everything under it), skipping node_modules and dot-directories. Sorted absolute paths.
 * @param {string} dir
 * @param {string[]} globs
 */
function collectFiles(dir, globs) {
  const patterns = globs.map(glob => {
    const full = path.join(dir, glob);
    const isDir = !/[*?{]/.test(glob) && existsSync(full) && statSync(full).isDirectory();
    return globRegExp(isDir ? `${glob.replace(/\/$/, '')}/**/*{${TS_EXTENSIONS.join(',')}}` : glob);
  });
  /** @type {string[]} */
  const files = [];
  const walk = (/** @type {string} */ current) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (patterns.some(pattern => pattern.test(path.relative(dir, full).split(path.sep).join('/')))) files.push(full);
    }
  };
  walk(dir);
  return files.sort();
}

/**
 * The nearest tsconfig.json at or above `dir`, or undefined.
 * @param {string} dir
 */
function nearestTsconfig(dir) {
  for (let current = dir; ; current = path.dirname(current)) {
    const candidate = path.join(current, 'tsconfig.json');
    if (existsSync(candidate)) return candidate;
    if (path.dirname(current) === current) return undefined;
  }
}

/**
 * The files no tsconfig includes: for each file, the tsconfig.json files from its directory up (the
 * project service opens the nearest one, then its ancestors); a file none of them lists is untyped.
 * @param {string[]} files
 * @returns {Promise<string[]>}
 */
async function filesOutsideTsconfigs(files) {
  const { default: ts } = await import('typescript');
  /** Per call: tsconfig path → the absolute file names it includes. */
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
// One measurement, in its own process
// ---------------------------------------------------------------------------------------------

/**
 * @typedef {object} Job
 * @property {string} dir            the working directory; file paths are relative to it
 * @property {string[]} files        the files to lint, relative to dir
 * @property {string[]} untyped      in typed mode, the files no tsconfig includes (linted without types)
 * @property {'typed' | 'untyped'} mode
 * @property {string} tsconfigRootDir
 * @property {boolean} rules         every compliance rule on, or none
 * @property {Record<string, unknown>} settings  added after the presets
 */

/**
 * @typedef {object} Measurement
 * @property {number} wallMs      lintFiles, from the ESLint constructor to the results
 * @property {number} processMs   the whole child process, as the parent sees it (start-up and imports included)
 * @property {number} files
 * @property {number} typedFiles  files linted with a program (typed mode)
 * @property {number} parseMs     ESLint stats: parsing, which in typed mode includes building the program
 * @property {Record<string, number>} ruleMs    ESLint stats: time per rule (checker work a rule triggers counts there)
 * @property {Record<string, number>} findings  reports per rule
 * @property {string[]} fatal     parse errors: `file: message`
 */

/**
 * @param {Job} job
 * @returns {Promise<Omit<Measurement, 'processMs'>>}
 */
async function measure(job) {
  const { ESLint } = await import('eslint');
  const { default: compliance } = await import('eslint-plugin-compliance');
  const { default: tseslint } = await import('typescript-eslint');
  const typed = job.mode === 'typed';
  /** @type {import('eslint').Linter.Config[]} */
  const config = [
    {
      name: 'bench/parser',
      files: TS_EXTENSIONS.map(extension => `**/*${extension}`),
      languageOptions: {
        parser: /** @type {import('eslint').Linter.Parser} */ (tseslint.parser),
        parserOptions: typed ? { projectService: true, tsconfigRootDir: job.tsconfigRootDir } : {},
      },
      linterOptions: { reportUnusedDisableDirectives: 'off' },
    },
  ];
  if (typed && job.untyped.length > 0) {
    config.push({ name: 'bench/outside-tsconfigs', files: job.untyped, languageOptions: { parserOptions: { projectService: false } } });
  }
  if (job.rules) {
    for (const preset of PRESETS) config.push(/** @type {import('eslint').Linter.Config} */ (compliance.configs[preset]));
    config.push({ name: 'bench/settings', settings: job.settings });
  }

  const start = performance.now();
  const eslint = new ESLint({ cwd: job.dir, overrideConfigFile: true, overrideConfig: config, stats: true });
  const results = await eslint.lintFiles(job.files);
  const wallMs = performance.now() - start;

  let parseMs = 0;
  /** @type {Record<string, number>} */
  const ruleMs = {};
  /** @type {Record<string, number>} */
  const findings = {};
  /** @type {string[]} */
  const fatal = [];
  for (const result of results) {
    for (const pass of result.stats?.times.passes ?? []) {
      parseMs += pass.parse?.total ?? 0;
      for (const [rule, time] of Object.entries(pass.rules ?? {})) ruleMs[rule] = (ruleMs[rule] ?? 0) + time.total;
    }
    for (const message of result.messages) {
      if (message.fatal) fatal.push(`${path.relative(job.dir, result.filePath)}: ${message.message}`);
      else if (message.ruleId) findings[message.ruleId] = (findings[message.ruleId] ?? 0) + 1;
    }
  }
  const typedFiles = typed ? results.length - job.untyped.length : 0;
  return { wallMs, files: results.length, typedFiles, parseMs, ruleMs, findings, fatal };
}

/**
 * Runs `measure` in a fresh Node process: no project service, program or rule cache carries over.
 * @param {Job} job
 * @param {string | undefined} profile  a .cpuprofile path to write, or undefined
 * @returns {Measurement}
 */
function measureInChild(job, profile) {
  const profiling = profile ? ['--cpu-prof', `--cpu-prof-dir=${path.dirname(profile)}`, `--cpu-prof-name=${path.basename(profile)}`] : [];
  const start = performance.now();
  const child = spawnSync(process.execPath, [...profiling, fileURLToPath(import.meta.url), '--measure', JSON.stringify(job)], {
    cwd: repoRoot,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const processMs = performance.now() - start;
  const what = `${job.mode} lint of ${job.dir} (${job.rules ? 'with' : 'without'} the rules)`;
  if (child.status !== 0) throw new Error(`${what} failed:\n${child.stderr || child.stdout}`);
  const line = child.stdout.trim().split('\n').at(-1) ?? '';
  return { .../** @type {Omit<Measurement, 'processMs'>} */ (JSON.parse(line)), processMs };
}

/**
 * Both variants, `repeat` times each, alternating; the fastest of each (by lint wall time).
 * @param {Omit<Job, 'rules'>} job
 * @param {number} repeat
 * @param {string | undefined} profile  where the first with-rules run writes its CPU profile
 */
function measurePair(job, repeat, profile) {
  /** @type {Measurement | undefined} */
  let withRules;
  /** @type {Measurement | undefined} */
  let without;
  for (let run = 0; run < repeat; run++) {
    const a = measureInChild({ ...job, rules: false }, undefined);
    const b = measureInChild({ ...job, rules: true }, run === 0 ? profile : undefined);
    if (!without || a.wallMs < without.wallMs) without = a;
    if (!withRules || b.wallMs < withRules.wallMs) withRules = b;
  }
  return { with: /** @type {Measurement} */ (withRules), without: /** @type {Measurement} */ (without) };
}

// ---------------------------------------------------------------------------------------------
// CPU profiles
// ---------------------------------------------------------------------------------------------

/**
 * Where a profiled function lives: our sources as `src/…ts` (dist/src/x.js → src/x.ts), a
 * dependency as its package name, V8's own entries as they are.
 * @param {string} url
 */
function sourceOf(url) {
  if (!url) return '';
  const file = url.startsWith('file://') ? fileURLToPath(url) : url;
  const ours = file.match(/\/dist\/((?:src|rules)\/.*)\.js$/);
  if (ours) return `${ours[1]}.ts`;
  const dependency = file.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//);
  if (dependency) return /** @type {string} */ (dependency[1]);
  return file.startsWith('node:') ? 'node' : path.basename(file);
}

/**
 * Self and total time per function (source file + name), from a V8 .cpuprofile. Total time counts a
 * sample once per function on its stack, so recursion is not counted twice.
 * @param {string} file
 * @returns {{ totalMs: number, self: Map<string, number>, total: Map<string, number>, selfByFile: Map<string, number>, byOurCaller: Map<string, number> }}
 */
function readProfile(file) {
  /** @type {{ nodes: { id: number, callFrame: { functionName: string, url: string, lineNumber: number }, children?: number[] }[], samples: number[], timeDeltas: number[] }} */
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  /** @type {Map<number, number>} */
  const parent = new Map();
  /** @type {Map<number, string>} */
  const key = new Map();
  /** @type {Map<number, string>} */
  const fileOf = new Map();
  for (const node of profile.nodes) {
    for (const child of node.children ?? []) parent.set(child, node.id);
    const source = sourceOf(node.callFrame.url);
    const name = node.callFrame.functionName.length > 40 ? `${node.callFrame.functionName.slice(0, 39)}…` : node.callFrame.functionName;
    fileOf.set(node.id, source || name);
    key.set(node.id, source ? `${source} ${name || '(anonymous)'}` : name);
  }
  const self = new Map();
  const total = new Map();
  const selfByFile = new Map();
  /** Time spent outside our code (the checker, the parser, fs), by our nearest caller on the stack. */
  const byOurCaller = new Map();
  let totalMs = 0;
  profile.samples.forEach((sample, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    totalMs += ms;
    const own = key.get(sample) ?? '?';
    self.set(own, (self.get(own) ?? 0) + ms);
    const ownFile = fileOf.get(sample) ?? '?';
    selfByFile.set(ownFile, (selfByFile.get(ownFile) ?? 0) + ms);
    if (!isOurs(ownFile)) {
      let id = parent.get(sample);
      while (id !== undefined && !isOurs(fileOf.get(id) ?? '')) id = parent.get(id);
      if (id !== undefined) {
        const via = `${key.get(id)} → ${ownFile}`;
        byOurCaller.set(via, (byOurCaller.get(via) ?? 0) + ms);
      }
    }
    /** @type {Set<string>} */
    const seen = new Set();
    for (let id = /** @type {number | undefined} */ (sample); id !== undefined; id = parent.get(id)) {
      const name = key.get(id) ?? '?';
      if (!seen.has(name)) {
        seen.add(name);
        total.set(name, (total.get(name) ?? 0) + ms);
      }
    }
  });
  return { totalMs, self, total, selfByFile, byOurCaller };
}

/** @param {Map<string, number>} map @param {number} count @param {(key: string) => boolean} [keep] */
const top = (map, count, keep = () => true) =>
  [...map].filter(([name]) => keep(name)).sort(([, a], [, b]) => b - a).slice(0, count);

/** Our own code: the plugin's sources and rules. */
const isOurs = (/** @type {string} */ name) => name.startsWith('src/') || name.startsWith('rules/');

/** @param {string} file */
function printProfile(file) {
  const { totalMs, self, total, selfByFile, byOurCaller } = readProfile(file);
  console.log(`\nCPU profile ${path.relative(process.cwd(), file)} (${seconds(totalMs)} s sampled):`);
  console.log('\nHottest functions by self time:\n');
  console.log(table([['function', 'self (ms)'], ...top(self, 15).map(([name, ms]) => [name, fixed(ms, 0)])]));
  console.log('\nOur functions by self time:\n');
  console.log(table([['function', 'self (ms)'], ...top(self, 15, isOurs).map(([name, ms]) => [name, fixed(ms, 0)])]));
  console.log('\nOur functions by total time (callees included):\n');
  console.log(table([['function', 'total (ms)'], ...top(total, 25, isOurs).map(([name, ms]) => [name, fixed(ms, 0)])]));
  console.log('\nTime outside our code (checker, parser, file system), by our nearest caller:\n');
  console.log(table([['our caller → where the time went', 'ms'], ...top(byOurCaller, 15).map(([name, ms]) => [name, fixed(ms, 0)])]));
  console.log('\nSelf time by source file or package:\n');
  console.log(table([['source', 'self (ms)'], ...top(selfByFile, 15).map(([name, ms]) => [name, fixed(ms, 0)])]));
}

// ---------------------------------------------------------------------------------------------
// The report
// ---------------------------------------------------------------------------------------------

/** @param {number} ms */
const seconds = ms => (ms / 1000).toFixed(2);
/** @param {number} value @param {number} digits */
const fixed = (value, digits) => value.toFixed(digits);
/** @param {Record<string, number>} ruleMs */
const rulesTotal = ruleMs => Object.values(ruleMs).reduce((sum, ms) => sum + ms, 0);

/** @param {(string | number)[][]} rows */
function table(rows) {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map(row => String(row[column]).length))) ?? [];
  const line = (/** @type {(string | number)[]} */ row) =>
    row.map((cell, column) => (column === 0 ? String(cell).padEnd(widths[column] ?? 0) : String(cell).padStart(widths[column] ?? 0))).join('  ');
  return [line(rows[0] ?? []), widths.map(width => '-'.repeat(width)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

/**
 * The with ÷ without table, one row per mode (or size), then ESLint's per-rule times and findings.
 * @param {{ label: string, with: Measurement, without: Measurement }[]} rows
 */
function printComparison(rows) {
  console.log(
    table([
      ['run', 'files (typed)', 'without (s)', 'with rules (s)', 'ratio', 'process without (s)', 'process with (s)', 'process ratio', 'parse (ms)', 'rules (ms)'],
      ...rows.map(row => [
        row.label,
        `${row.with.files} (${row.with.typedFiles})`,
        seconds(row.without.wallMs),
        seconds(row.with.wallMs),
        fixed(row.with.wallMs / row.without.wallMs, 2),
        seconds(row.without.processMs),
        seconds(row.with.processMs),
        fixed(row.with.processMs / row.without.processMs, 2),
        fixed(row.with.parseMs, 0),
        fixed(rulesTotal(row.with.ruleMs), 0),
      ]),
    ]),
  );
  const rules = [...new Set(rows.flatMap(row => [...Object.keys(row.with.ruleMs), ...Object.keys(row.with.findings)]))].sort(
    (a, b) => (rows[0]?.with.ruleMs[b] ?? 0) - (rows[0]?.with.ruleMs[a] ?? 0),
  );
  console.log('\nPer rule (ESLint stats, as TIMING reports them; checker work a rule is the first to ask for counts for that rule):\n');
  console.log(
    table([
      ['rule', ...rows.flatMap(row => [`${row.label} (ms)`, 'findings'])],
      ...rules.map(rule => [rule, ...rows.flatMap(row => [fixed(row.with.ruleMs[rule] ?? 0, 0), row.with.findings[rule] ?? 0])]),
    ]),
  );
  for (const row of rows) {
    const fatal = [...new Set([...row.with.fatal, ...row.without.fatal])];
    if (fatal.length > 0) console.log(`\nNote: ${row.label}: ${fatal.length} parse errors, e.g.\n  ${fatal.slice(0, 5).join('\n  ')}`);
  }
}

/** @param {string} list */
function parseModes(list) {
  const modes = list.split(',').map(mode => mode.trim());
  for (const mode of modes) if (mode !== 'typed' && mode !== 'untyped') throw new Error(`--modes: unknown mode ${mode} (typed, untyped)`);
  return /** @type {('typed' | 'untyped')[]} */ (modes);
}

/** @param {string | undefined} dir @param {string} name */
const profilePath = (dir, name) => (dir ? path.resolve(dir, `${name}.cpuprofile`) : undefined);

/**
 * @param {{ dir: string, files: string | undefined, settings: string | undefined, repeat: number, modes: ('typed' | 'untyped')[], cpuProf: string | undefined }} options
 */
async function benchDirectory(options) {
  const dir = path.resolve(options.dir);
  const globs = options.files ? options.files.split(',').map(glob => glob.trim()).filter(Boolean) : [`**/*{${TS_EXTENSIONS.join(',')}}`];
  const absolute = collectFiles(dir, globs);
  if (absolute.length === 0) throw new Error(`no files under ${dir} match ${globs.join(', ')}`);
  const files = absolute.map(file => path.relative(dir, file).split(path.sep).join('/'));
  /** @type {Record<string, unknown>} */
  const settings = options.settings ? JSON.parse(readFileSync(options.settings, 'utf8')) : {};
  const tsconfig = nearestTsconfig(dir);
  const tsconfigRootDir = tsconfig ? path.dirname(tsconfig) : dir;
  const name = path.basename(dir);
  console.log(
    `Benchmark of ${dir}: ${files.length} files (${globs.join(', ')}), presets ${PRESETS.join(' + ')}` +
      `${options.settings ? ` and ${options.settings}` : ''}, Node ${process.version}, best of ${options.repeat}, each run in a fresh process\n`,
  );

  /** @type {{ label: string, with: Measurement, without: Measurement }[]} */
  const rows = [];
  /** @type {string[]} */
  const profiles = [];
  for (const mode of options.modes) {
    const untyped = mode === 'typed' ? (await filesOutsideTsconfigs(absolute)).map(file => path.relative(dir, file).split(path.sep).join('/')) : [];
    if (mode === 'typed') {
      console.log(`  typed: tsconfigRootDir ${tsconfigRootDir}; ${files.length - untyped.length} files in a tsconfig, ${untyped.length} linted without types`);
    }
    const profile = profilePath(options.cpuProf, `${name}-${mode}-with-rules`);
    const pair = measurePair({ dir, files, untyped, mode, tsconfigRootDir, settings }, options.repeat, profile);
    rows.push({ label: mode, ...pair });
    if (profile) profiles.push(profile);
    console.log(`  ${mode}: ${seconds(pair.without.wallMs)} s without the rules, ${seconds(pair.with.wallMs)} s with (×${fixed(pair.with.wallMs / pair.without.wallMs, 2)})`);
  }
  console.log('\nLint time (ESLint constructor to results) and whole-process time, every compliance rule vs. none:\n');
  printComparison(rows);
  for (const profile of profiles) printProfile(profile);
}

/**
 * @param {{ sizes: number[], repeat: number, modes: ('typed' | 'untyped')[], cpuProf: string | undefined }} options
 */
async function benchSynthetic(options) {
  const { sizes, repeat, modes } = options;
  console.log(`Synthetic benchmark: sizes ${sizes.join(', ')}, modes ${modes.join(', ')}, Node ${process.version}, best of ${repeat}, each run in a fresh process\n`);
  const settings = { compliance: { audit: { calls: ['auditLogger.log'] } } };
  /** @type {Record<string, { files: number, expected: number, with: Measurement, without: Measurement, label: string }[]>} */
  const byMode = {};
  for (const size of sizes) {
    const app = generate(size);
    const files = collectFiles(app.dir, ['src']).map(file => path.relative(app.dir, file).split(path.sep).join('/'));
    for (const mode of modes) {
      const profile = size === sizes.at(-1) ? profilePath(options.cpuProf, `synthetic-${size}-${mode}-with-rules`) : undefined;
      const pair = measurePair({ dir: app.dir, files, untyped: [], mode, tsconfigRootDir: app.dir, settings }, repeat, profile);
      (byMode[mode] ??= []).push({ files: app.files, expected: app.expectedFindings, label: `${mode} ${app.files}`, ...pair });
      console.log(
        `  ${path.relative(repoRoot, app.dir)} ${mode}: ${app.files} files, ${seconds(pair.without.wallMs)} s without the rules, ${seconds(pair.with.wallMs)} s with (×${fixed(pair.with.wallMs / pair.without.wallMs, 2)})`,
      );
    }
  }
  for (const [mode, rows] of Object.entries(byMode)) {
    console.log(`\n${mode === 'typed' ? 'Typed (projectService)' : 'Untyped (no parserOptions)'}: every compliance rule vs. none:\n`);
    printComparison(rows);
    for (const row of rows) {
      const found = row.with.findings[RULE] ?? 0;
      if (found !== row.expected) console.log(`\nNote: ${row.label}: ${found} ${RULE} reports, ${row.expected} expected (3 per unaudited module, 1 read per module).`);
    }
    printLinearity(rows);
  }
  if (options.cpuProf) for (const mode of modes) printProfile(/** @type {string} */ (profilePath(options.cpuProf, `synthetic-${sizes.at(-1)}-${mode}-with-rules`)));
}

/**
 * Whether require-endpoint-audit's time per file, and the rules' added wall time per file, stay flat.
 * @param {{ files: number, with: Measurement, without: Measurement }[]} rows
 */
function printLinearity(rows) {
  const smallest = rows[0];
  const largest = rows.at(-1);
  if (!smallest || !largest || largest === smallest) return;
  const perFile = (/** @type {typeof smallest} */ row) => (row.with.ruleMs[RULE] ?? 0) / row.files;
  const deltaPerFile = (/** @type {typeof smallest} */ row) => (row.with.wallMs - row.without.wallMs) / row.files;
  const growth = perFile(smallest) > 0 ? perFile(largest) / perFile(smallest) : Number.NaN;
  const deltaGrowth = deltaPerFile(smallest) > 0 ? deltaPerFile(largest) / deltaPerFile(smallest) : Number.NaN;
  console.log(
    `\nGrowth: ${fixed(largest.files / smallest.files, 1)}x the files; ${RULE}'s time per file (stats) at ${largest.files} files ÷ at ${smallest.files} files = ${fixed(growth, 2)}` +
      ` (all rules' added wall time per file: ${fixed(deltaGrowth, 2)}).`,
  );
  const slopes = rows.slice(1).map((row, i) => {
    const previous = /** @type {typeof row} */ (rows[i]);
    const slope = ((row.with.ruleMs[RULE] ?? 0) - (previous.with.ruleMs[RULE] ?? 0)) / (row.files - previous.files);
    return `${previous.files}→${row.files} files: ${fixed(slope, 2)} ms`;
  });
  console.log(`Marginal ${RULE} time per added file (stats): ${slopes.join('; ')}.`);
  console.log(
    Number.isNaN(growth)
      ? 'Linearity: no rule time measured.'
      : growth <= 1.5
        ? 'Linear: the per-file cost does not grow with the size of the app (fixed costs, such as checking the framework types, are amortized).'
        : `Not linear: the per-file cost grows ${fixed(growth, 2)}x from ${smallest.files} to ${largest.files} files.`,
  );
}

async function main() {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '100,400,1600' },
      repeat: { type: 'string', default: '2' },
      modes: { type: 'string', default: 'typed,untyped' },
      dir: { type: 'string' },
      files: { type: 'string' },
      settings: { type: 'string' },
      'cpu-prof': { type: 'string' },
      'read-profile': { type: 'string' },
      measure: { type: 'string' },
    },
  });
  if (values.measure) {
    const result = await measure(/** @type {Job} */ (JSON.parse(values.measure)));
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  if (values['read-profile']) {
    printProfile(path.resolve(values['read-profile']));
    return;
  }
  const repeat = Math.max(1, Number(values.repeat) || 1);
  const modes = parseModes(values.modes);
  const cpuProf = values['cpu-prof'] ? path.resolve(values['cpu-prof']) : undefined;
  if (cpuProf) mkdirSync(cpuProf, { recursive: true });
  if (values.dir) {
    await benchDirectory({ dir: values.dir, files: values.files, settings: values.settings, repeat, modes, cpuProf });
    return;
  }
  const sizes = values.sizes.split(',').map(Number).filter(size => Number.isInteger(size) && size > 0);
  await benchSynthetic({ sizes, repeat, modes, cpuProf });
}

main().catch(error => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
