import { cookies } from 'next/headers';
import type { NextRequest } from 'next/server';
import { getSession } from '../../auth/sessions.js';
import type { SessionUser } from '../../domain/user.js';

const SESSION_COOKIE = 'sid';

export function sessionFromRequest(request: NextRequest): SessionUser | undefined {
  return getSession(request.cookies.get(SESSION_COOKIE)?.value);
}

/** For server components and server actions, which have no request object. */
export async function currentSession(): Promise<SessionUser | undefined> {
  const jar = await cookies();
  return getSession(jar.get(SESSION_COOKIE)?.value);
}

export function clientIp(request: NextRequest): string | undefined {
  return request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() || undefined;
}
