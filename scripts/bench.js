// `npm run bench`: what require-endpoint-audit costs in typed mode, and how the cost grows.
//
// For each size it generates a synthetic backend into .bench/<size>/ (gitignored): modules of a
// controller (an Express router or a NestJS controller), a service and a repository in separate
// files, half of them audited — one hop deep (the service calls the audit logger) or three (the
// service calls a repository helper, which calls the audit module, which calls the logger) — and a
// tsconfig. Then it lints the app with the built plugin in typed mode (`projectService`) twice, each
// time in a fresh Node process so that no parser, program or rule cache carries over: every
// compliance rule on (`strict`), and the same config with `compliance/require-endpoint-audit` off.
// It prints the wall time of both runs, their ratio, the per-file cost, ESLint's own per-rule
// times (`stats: true`), and whether the rule's cost per file stays flat as the app grows.
//
// Usage: npm run bench [-- --sizes 100,400,1600 --repeat 2]   (about 1.5 min on 2 idle cores)
// Exit code 0 when every lint ran; 1 when ESLint failed (config error, rule crash).
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const benchRoot = path.join(repoRoot, '.bench');
const RULE = 'compliance/require-endpoint-audit';
/** Endpoints per controller: create, update, delete (state-changing, audited under SOC 2) and read. */
const STATE_CHANGING_PER_MODULE = 3;
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
  return { dir, files: Object.keys(files).length, modules, expectedFindings: unaudited * STATE_CHANGING_PER_MODULE };
}

// ---------------------------------------------------------------------------------------------
// One measurement, in its own process
// ---------------------------------------------------------------------------------------------

/**
 * @typedef {object} Measurement
 * @property {number} wallMs      lintFiles, from the ESLint constructor to the results
 * @property {number} files
 * @property {number} parseMs     ESLint stats: parsing, which in typed mode includes building the program
 * @property {Record<string, number>} ruleMs  ESLint stats: time per rule (checker work done inside a rule counts there)
 * @property {number} findings    reports of require-endpoint-audit
 * @property {number} fatal       parse errors
 * @property {boolean} ruleLoaded whether the plugin has require-endpoint-audit
 */

/**
 * @param {string} dir
 * @param {boolean} withRule
 * @returns {Promise<Measurement>}
 */
async function measure(dir, withRule) {
  const { ESLint } = await import('eslint');
  const { default: compliance } = await import('eslint-plugin-compliance');
  const { default: tseslint } = await import('typescript-eslint');
  const ruleLoaded = Object.hasOwn(compliance.rules, RULE.slice('compliance/'.length));
  /** @type {import('eslint').Linter.Config[]} */
  const config = [
    {
      name: 'bench/typed',
      files: ['**/*.ts'],
      languageOptions: {
        parser: /** @type {import('eslint').Linter.Parser} */ (tseslint.parser),
        parserOptions: { projectService: true, tsconfigRootDir: dir },
      },
      linterOptions: { reportUnusedDisableDirectives: 'off' },
    },
    /** @type {import('eslint').Linter.Config} */ (compliance.configs.strict),
    {
      name: 'bench/settings',
      settings: { compliance: { regulations: { soc2: true }, audit: { calls: ['auditLogger.log'] } } },
    },
  ];
  if (!withRule && ruleLoaded) config.push({ name: 'bench/without-rule', rules: { [RULE]: 'off' } });

  const start = performance.now();
  const eslint = new ESLint({ cwd: dir, overrideConfigFile: true, overrideConfig: config, stats: true });
  const results = await eslint.lintFiles(['src']);
  const wallMs = performance.now() - start;

  let parseMs = 0;
  /** @type {Record<string, number>} */
  const ruleMs = {};
  let findings = 0;
  let fatal = 0;
  for (const result of results) {
    for (const pass of result.stats?.times.passes ?? []) {
      parseMs += pass.parse?.total ?? 0;
      for (const [rule, time] of Object.entries(pass.rules ?? {})) ruleMs[rule] = (ruleMs[rule] ?? 0) + time.total;
    }
    for (const message of result.messages) {
      if (message.fatal) fatal += 1;
      else if (message.ruleId === RULE) findings += 1;
    }
  }
  return { wallMs, files: results.length, parseMs, ruleMs, findings, fatal, ruleLoaded };
}

/**
 * Runs `measure` in a fresh Node process: no project service, program or rule cache carries over.
 * @param {string} dir
 * @param {boolean} withRule
 * @returns {Measurement}
 */
function measureInChild(dir, withRule) {
  const child = spawnSync(
    process.execPath,
    [fileURLToPath(import.meta.url), '--measure', dir, '--variant', withRule ? 'with' : 'without'],
    { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (child.status !== 0) {
    throw new Error(`lint of ${path.relative(repoRoot, dir)} (${withRule ? 'with' : 'without'} the rule) failed:\n${child.stderr || child.stdout}`);
  }
  const line = child.stdout.trim().split('\n').at(-1) ?? '';
  return /** @type {Measurement} */ (JSON.parse(line));
}

// ---------------------------------------------------------------------------------------------
// The report
// ---------------------------------------------------------------------------------------------

/** @param {number} ms */
const seconds = ms => (ms / 1000).toFixed(2);
/** @param {number} value @param {number} digits */
const fixed = (value, digits) => value.toFixed(digits);

/** @param {(string | number)[][]} rows */
function table(rows) {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map(row => String(row[column]).length))) ?? [];
  const line = (/** @type {(string | number)[]} */ row) =>
    row.map((cell, column) => (column === 0 ? String(cell).padEnd(widths[column] ?? 0) : String(cell).padStart(widths[column] ?? 0))).join('  ');
  return [line(rows[0] ?? []), widths.map(width => '-'.repeat(width)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

async function main() {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '100,400,1600' },
      repeat: { type: 'string', default: '2' },
      measure: { type: 'string' },
      variant: { type: 'string' },
    },
  });
  if (values.measure) {
    const result = await measure(values.measure, values.variant === 'with');
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }

  const sizes = values.sizes.split(',').map(Number).filter(size => Number.isInteger(size) && size > 0);
  const repeat = Math.max(1, Number(values.repeat) || 1);
  console.log(`require-endpoint-audit benchmark: typed mode (projectService), Node ${process.version}, sizes ${sizes.join(', ')}, best of ${repeat}\n`);

  /** @type {{ size: number, files: number, expected: number, with: Measurement, without: Measurement }[]} */
  const rows = [];
  for (const size of sizes) {
    const app = generate(size);
    /** @type {Measurement | undefined} */
    let best;
    /** @type {Measurement | undefined} */
    let bestWithout;
    for (let run = 0; run < repeat; run++) {
      const without = measureInChild(app.dir, false);
      const withRule = measureInChild(app.dir, true);
      if (!bestWithout || without.wallMs < bestWithout.wallMs) bestWithout = without;
      if (!best || withRule.wallMs < best.wallMs) best = withRule;
    }
    if (!best || !bestWithout) continue;
    rows.push({ size, files: app.files, expected: app.expectedFindings, with: best, without: bestWithout });
    const rule = best.ruleMs[RULE] ?? 0;
    console.log(
      `  ${path.relative(repoRoot, app.dir)}: ${app.files} files, ${seconds(best.wallMs)} s with the rule (rule ${fixed(rule, 0)} ms), ${seconds(bestWithout.wallMs)} s without`,
    );
  }
  if (rows.length === 0) return;
  if (!rows[0]?.with.ruleLoaded) console.log(`\nNote: the built plugin has no ${RULE}; both runs lint the same rules.`);

  console.log('\nTyped-mode lint time, every compliance rule on (`strict`, SOC 2) vs. the same without require-endpoint-audit:\n');
  console.log(
    table([
      ['files', 'with rule (s)', 'without (s)', 'ratio', 'ms/file with', 'ms/file without', 'rule (ms)', 'rule ms/file', 'parse+program (ms)', 'findings (expected)'],
      ...rows.map(row => [
        row.files,
        seconds(row.with.wallMs),
        seconds(row.without.wallMs),
        fixed(row.with.wallMs / row.without.wallMs, 2),
        fixed(row.with.wallMs / row.files, 1),
        fixed(row.without.wallMs / row.files, 1),
        fixed(row.with.ruleMs[RULE] ?? 0, 0),
        fixed((row.with.ruleMs[RULE] ?? 0) / row.files, 2),
        fixed(row.with.parseMs, 0),
        `${row.with.findings} (${row.expected})`,
      ]),
    ]),
  );

  const largest = rows.at(-1);
  if (largest) {
    console.log(`\nPer-rule time at ${largest.files} files (ESLint stats, with the rule; checker work a rule triggers counts for that rule):\n`);
    const ruleRows = Object.entries(largest.with.ruleMs)
      .sort(([, a], [, b]) => b - a)
      .map(([rule, ms]) => [rule, fixed(ms, 1), `${fixed((100 * ms) / largest.with.wallMs, 1)} %`]);
    console.log(table([['rule', 'time (ms)', 'of wall time'], ...ruleRows, ['parse + program', fixed(largest.with.parseMs, 1), `${fixed((100 * largest.with.parseMs) / largest.with.wallMs, 1)} %`]]));
  }

  const smallest = rows[0];
  if (smallest && largest && largest !== smallest) {
    const perFile = (/** @type {typeof smallest} */ row) => (row.with.ruleMs[RULE] ?? 0) / row.files;
    const deltaPerFile = (/** @type {typeof smallest} */ row) => (row.with.wallMs - row.without.wallMs) / row.files;
    const growth = perFile(smallest) > 0 ? perFile(largest) / perFile(smallest) : Number.NaN;
    const deltaGrowth = deltaPerFile(smallest) > 0 ? deltaPerFile(largest) / deltaPerFile(smallest) : Number.NaN;
    console.log(
      `\nGrowth: ${fixed(largest.files / smallest.files, 1)}x the files; the rule's time per file (stats) at ${largest.files} files ÷ at ${smallest.files} files = ${fixed(growth, 2)}` +
        ` (wall-time difference per file: ${fixed(deltaGrowth, 2)}).`,
    );
    const slopes = rows.slice(1).map((row, i) => {
      const previous = /** @type {typeof row} */ (rows[i]);
      const slope = ((row.with.ruleMs[RULE] ?? 0) - (previous.with.ruleMs[RULE] ?? 0)) / (row.files - previous.files);
      return `${previous.files}→${row.files} files: ${fixed(slope, 2)} ms`;
    });
    console.log(`Marginal rule time per added file (stats): ${slopes.join('; ')}.`);
    console.log(
      Number.isNaN(growth)
        ? 'Linearity: no rule time measured.'
        : growth <= 1.5
          ? 'Linear: the per-file cost does not grow with the size of the app (fixed costs, such as checking the framework types, are amortized).'
          : `Not linear: the per-file cost grows ${fixed(growth, 2)}x from ${smallest.files} to ${largest.files} files.`,
    );
  }
  const mismatched = rows.filter(row => row.with.ruleLoaded && row.with.findings !== row.expected);
  for (const row of mismatched) {
    console.log(`\nNote: ${row.files} files: ${row.with.findings} require-endpoint-audit reports, ${row.expected} expected (3 per unaudited module).`);
  }
  const fatal = rows.filter(row => row.with.fatal > 0);
  for (const row of fatal) console.log(`\nNote: ${row.files} files: ${row.with.fatal} parse errors in the generated app.`);
}

main().catch(error => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
