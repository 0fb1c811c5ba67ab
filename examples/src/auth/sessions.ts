import { createHash, randomBytes } from 'node:crypto';
import type { SessionUser, User } from '../domain/user.js';

const SESSION_TTL_MS = 8 * 60 * 60 * 1000;
const RESET_TTL_MS = 30 * 60 * 1000;

interface StoredSession {
  user: SessionUser;
  expiresAt: number;
}

const sessions = new Map<string, StoredSession>();
/** Reset tokens are stored hashed; the raw token only ever exists in the e-mail. */
const resetTokens = new Map<string, { userId: string; expiresAt: number }>();

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

export function createSession(user: Pick<User, 'id' | 'role'>): { id: string; expiresAt: Date } {
  const id = randomBytes(32).toString('base64url');
  const expiresAt = Date.now() + SESSION_TTL_MS;
  sessions.set(id, { user: { id: user.id, role: user.role, sessionId: id }, expiresAt });
  return { id, expiresAt: new Date(expiresAt) };
}

export function getSession(id: string | undefined): SessionUser | undefined {
  if (!id) return undefined;
  const stored = sessions.get(id);
  if (!stored) return undefined;
  if (stored.expiresAt < Date.now()) {
    sessions.delete(id);
    return undefined;
  }
  return stored.user;
}

export function revokeSession(id: string): boolean {
  return sessions.delete(id);
}

export function revokeSessionsFor(userId: string): number {
  let revoked = 0;
  for (const [id, stored] of sessions) {
    if (stored.user.id === userId) {
      sessions.delete(id);
      revoked += 1;
    }
  }
  return revoked;
}

export function issueResetToken(userId: string): string {
  const token = randomBytes(24).toString('base64url');
  resetTokens.set(sha256(token), { userId, expiresAt: Date.now() + RESET_TTL_MS });
  return token;
}

export type ResetTokenCheck = { ok: true; userId: string } | { ok: false; reason: 'unknown' | 'expired' };

export function consumeResetToken(token: string): ResetTokenCheck {
  const key = sha256(token);
  const entry = resetTokens.get(key);
  if (!entry) return { ok: false, reason: 'unknown' };
  resetTokens.delete(key);
  if (entry.expiresAt < Date.now()) return { ok: false, reason: 'expired' };
  return { ok: true, userId: entry.userId };
}
