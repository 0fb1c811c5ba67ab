import { Router } from 'express';
import { z } from 'zod';
import { auditLogger } from '../../audit/audit-logger.js';
import { sendMail } from '../../auth/mailer.js';
import { hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from '../../auth/passwords.js';
import { consumeResetToken, createSession, issueResetToken, revokeSession, revokeSessionsFor } from '../../auth/sessions.js';
import { usersRepo } from '../../db/users-repo.js';
import { logger } from '../../logging/logger.js';
import { mask } from '../../logging/mask.js';
import { auditContext } from '../audit-context.js';
import { HttpError } from '../http-error.js';
import { currentUser, requireAuth, SESSION_COOKIE } from '../middleware/auth.js';

export const authRouter = Router();

const APP_URL = process.env.APP_URL ?? 'https://clinic.example.com';
const AUTH_DEBUG = process.env.AUTH_DEBUG === '1';

const loginBody = z.object({ email: z.email(), password: z.string().min(1) });

authRouter.post('/login', async (req, res) => {
  const { email, password } = loginBody.parse(req.body);
  const user = await usersRepo.findByEmail(email);
  const locked = user?.lockedUntil != null && user.lockedUntil > new Date();

  if (!user || locked || !(await verifyPassword(password, user.passwordHash))) {
    logger.warn({ email, locked }, 'login failed');
    await auditLogger.log({
      ...auditContext(req),
      action: 'auth.login',
      resource: { type: 'user', id: user?.id ?? 'unknown' },
      outcome: 'failure',
      details: { reason: locked ? 'locked' : 'bad_credentials' },
    });
    throw new HttpError(401, 'invalid e-mail or password');
  }

  const session = createSession(user);
  /* eslint-disable compliance/no-sensitive-data-in-logs */
  if (AUTH_DEBUG) {
    logger.debug({ email, sessionId: session.id, expiresAt: session.expiresAt }, 'login debug');
  }
  /* eslint-enable compliance/no-sensitive-data-in-logs */

  await auditLogger.log({
    ...auditContext(req),
    actor: { id: user.id, role: user.role },
    action: 'auth.login',
    resource: { type: 'user', id: user.id },
    outcome: 'success',
  });
  logger.info({ user }, 'login');
  res.cookie(SESSION_COOKIE, session.id, { httpOnly: true, secure: true, sameSite: 'strict', expires: session.expiresAt });
  res.status(204).end();
});

authRouter.post('/logout', requireAuth, async (req, res) => {
  const me = currentUser(req);
  revokeSession(me.sessionId);
  await auditLogger.log({
    ...auditContext(req),
    action: 'auth.logout',
    resource: { type: 'session', id: me.id },
    outcome: 'success',
  });
  res.clearCookie(SESSION_COOKIE).status(204).end();
});

authRouter.post('/password-reset', async (req, res) => {
  const { email } = z.object({ email: z.email() }).parse(req.body);
  const user = await usersRepo.findByEmail(email);
  if (user) {
    const token = issueResetToken(user.id);
    logger.debug(`reset token ${token}`);
    await sendMail({
      to: user.email,
      subject: 'Reset your password',
      text: `Follow this link within 30 minutes: ${APP_URL}/reset-password?token=${token}`,
    });
  } else {
    logger.info({ email: mask(email) }, 'password reset requested for unknown address');
  }
  // Same answer either way, so the endpoint cannot be used to probe for accounts.
  res.status(202).json({ status: 'if the address is registered, a link is on its way' });
});

authRouter.post('/password-reset/confirm', async (req, res) => {
  const input = z.object({ token: z.string().min(1), password: z.string().min(MIN_PASSWORD_LENGTH) }).parse(req.body);
  const check = consumeResetToken(input.token);
  if (!check.ok) {
    logger.info({ tokenExpired: check.reason === 'expired' }, 'password reset rejected');
    throw new HttpError(400, 'reset link is invalid or has expired');
  }

  await usersRepo.update(check.userId, { passwordHash: await hashPassword(input.password), lockedUntil: null });
  revokeSessionsFor(check.userId);
  await auditLogger.log({
    ...auditContext(req),
    actor: { id: check.userId },
    action: 'auth.password.reset',
    resource: { type: 'user', id: check.userId },
    outcome: 'success',
  });
  res.status(204).end();
});
