import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { getSession } from '../../auth/sessions.js';
import type { Role, SessionUser } from '../../domain/user.js';
import { HttpError } from '../http-error.js';

declare global {
  namespace Express {
    interface Request {
      user?: SessionUser;
    }
  }
}

export const SESSION_COOKIE = 'sid';

function sessionIdFrom(req: Request): string | undefined {
  const header = req.get('authorization');
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length);
  const cookies = req.get('cookie') ?? '';
  const match = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=([^;]+)`).exec(cookies);
  return match?.[1];
}

export function requireAuth(req: Request, _res: Response, next: NextFunction): void {
  const user = getSession(sessionIdFrom(req));
  if (!user) {
    next(new HttpError(401, 'authentication required'));
    return;
  }
  req.user = user;
  next();
}

export function requireRole(...roles: Role[]): RequestHandler {
  return (req, _res, next) => {
    if (!req.user || !roles.includes(req.user.role)) {
      next(new HttpError(403, 'forbidden'));
      return;
    }
    next();
  };
}

/** The authenticated user; only call behind `requireAuth`. */
export function currentUser(req: Request): SessionUser {
  if (!req.user) throw new HttpError(401, 'authentication required');
  return req.user;
}
