import { type Request, Router } from 'express';
import { z } from 'zod';
import { auditLogger } from '../../audit/audit-logger.js';
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from '../../auth/passwords.js';
import { revokeSessionsFor } from '../../auth/sessions.js';
import { usersRepo } from '../../db/users-repo.js';
import { ROLES, toPublicUser } from '../../domain/user.js';
import { logger } from '../../logging/logger.js';
import { auditContext } from '../audit-context.js';
import { HttpError } from '../http-error.js';
import { currentUser, requireRole } from '../middleware/auth.js';

export const usersRouter = Router();

const createUserBody = z.object({
  email: z.email(),
  name: z.string().trim().min(1).max(200),
  role: z.enum(ROLES).default('member'),
  password: z.string().min(MIN_PASSWORD_LENGTH),
});

const updateProfileBody = z.object({
  email: z.email().optional(),
  name: z.string().trim().min(1).max(200).optional(),
});

const changePasswordBody = z.object({
  currentPassword: z.string(),
  newPassword: z.string().min(MIN_PASSWORD_LENGTH),
});

usersRouter.get('/:id', async (req, res) => {
  const me = currentUser(req);
  if (me.id !== req.params.id && me.role !== 'admin') throw new HttpError(403, 'forbidden');
  const user = await usersRepo.findById(req.params.id);
  if (!user) throw new HttpError(404, 'user not found');
  res.json(toPublicUser(user));
});

usersRouter.post('/', requireRole('admin'), async (req, res) => {
  const input = createUserBody.parse(req.body);
  if (await usersRepo.findByEmail(input.email)) throw new HttpError(409, 'e-mail already registered');

  const user = await usersRepo.insert({
    email: input.email,
    name: input.name,
    role: input.role,
    passwordHash: await hashPassword(input.password),
  });
  await auditLogger.log({
    ...auditContext(req),
    action: 'user.create',
    resource: { type: 'user', id: user.id },
    outcome: 'success',
    details: { role: user.role },
  });
  logger.info({ userId: user.id, role: user.role }, 'user created');
  res.status(201).json(toPublicUser(user));
});

usersRouter.put('/:id', async (req, res) => {
  const me = currentUser(req);
  if (me.id !== req.params.id && me.role !== 'admin') throw new HttpError(403, 'forbidden');
  const input = updateProfileBody.parse(req.body);

  const user = await usersRepo.update(req.params.id, input);
  if (!user) throw new HttpError(404, 'user not found');
  await auditLogger.log({ ...auditContext(req), action: 'user.profile.update', outcome: 'success' });
  logger.info({ userId: user.id, email: input.email }, 'profile updated');
  res.json(toPublicUser(user));
});

usersRouter.post('/:id/password', async (req, res) => {
  const me = currentUser(req);
  if (me.id !== req.params.id) throw new HttpError(403, 'forbidden');
  const input = changePasswordBody.parse(req.body);

  const user = await usersRepo.findById(me.id);
  if (!user || !(await verifyPassword(input.currentPassword, user.passwordHash))) {
    throw new HttpError(400, 'current password does not match');
  }
  await usersRepo.update(user.id, { passwordHash: await hashPassword(input.newPassword) });

  // An unavailable audit sink must not block a user from rotating a compromised password.
  auditLogger
    .log({
      ...auditContext(req),
      action: 'user.password.change',
      resource: { type: 'user', id: user.id },
      outcome: 'success',
    })
    .catch(() => {});
  res.status(204).end();
});

usersRouter.delete('/:id', requireRole('admin'), async (req: Request<{ id: string }>, res) => {
  const deleted = await usersRepo.delete(req.params.id);
  if (!deleted) throw new HttpError(404, 'user not found');
  revokeSessionsFor(req.params.id);
  logger.info({ userId: req.params.id }, 'user deleted');
  res.status(204).end();
});
