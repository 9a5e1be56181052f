import Taro from '@tarojs/taro';
import type { ActorRole, SessionUser, SignInResult } from '@mqlk/shared';

import { setAuthToken, setUnauthenticatedHandler } from './http';

/**
 * One signed-in account per device, kept in WeChat/browser storage so a resident who comes back a
 * week later is still signed in. The token is handed to the HTTP layer; nothing else reads it.
 */
export const SESSION_STORAGE_KEY = 'mqlk.session';

interface StoredSession {
  token: string;
  expiresAt: string;
  user: SessionUser;
}

let cached: StoredSession | null | undefined;

function isStoredSession(value: unknown): value is StoredSession {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<StoredSession>;
  return (
    typeof v.token === 'string' &&
    typeof v.expiresAt === 'string' &&
    typeof v.user === 'object' &&
    v.user !== null
  );
}

function isExpired(session: StoredSession, now: Date): boolean {
  const end = Date.parse(session.expiresAt);
  return Number.isNaN(end) || end <= now.getTime();
}

function read(): StoredSession | null {
  let stored: unknown;
  try {
    stored = Taro.getStorageSync(SESSION_STORAGE_KEY);
  } catch {
    return null;
  }
  return isStoredSession(stored) ? stored : null;
}

/** The current session, loaded from storage on first use; an expired one is dropped. */
function current(now = new Date()): StoredSession | null {
  if (cached === undefined) {
    cached = read();
    setAuthToken(cached?.token ?? null);
  }
  if (cached && isExpired(cached, now)) clearSession();
  return cached ?? null;
}

/** Loads the stored session and ends it whenever the server says it has ended. */
export function restoreSession(): SessionUser | null {
  cached = undefined;
  setUnauthenticatedHandler(clearSession);
  return current()?.user ?? null;
}

export function saveSession(result: SignInResult): SessionUser {
  cached = { token: result.token, expiresAt: result.expiresAt, user: result.user };
  Taro.setStorageSync(SESSION_STORAGE_KEY, cached);
  setAuthToken(result.token);
  return result.user;
}

/**
 * The server refused a call because the password must be changed first (it was reset meanwhile,
 * or the stored user predates the flag): every page now sends the person to change it.
 */
export function markPasswordChangeRequired(): void {
  const session = current();
  if (!session || session.user.mustChangePassword) return;
  cached = { ...session, user: { ...session.user, mustChangePassword: true } };
  try {
    Taro.setStorageSync(SESSION_STORAGE_KEY, cached);
  } catch {
    // The flag in memory is what the pages read.
  }
}

export function clearSession(): void {
  cached = null;
  setAuthToken(null);
  try {
    Taro.removeStorageSync(SESSION_STORAGE_KEY);
  } catch {
    // Storage can fail on a full phone; the in-memory session is gone either way.
  }
}

export function currentUser(now = new Date()): SessionUser | null {
  return current(now)?.user ?? null;
}

export function isSignedInAs(roles: readonly ActorRole[], now = new Date()): boolean {
  const user = currentUser(now);
  return user !== null && roles.includes(user.role);
}

/** Cadres and township/county staff use the work pages. */
export const WORK_ROLES: readonly ActorRole[] = ['cadre', 'staff', 'admin'];
/** Township/county staff also see their scope's figures and queues, and the 管理后台. */
export const STAFF_ROLES: readonly ActorRole[] = ['staff', 'admin'];

/**
 * Where a work account starts: the password change while it still has an initial password;
 * county admins in the 管理后台 (they work no requests); cadres and staff in their inbox.
 */
export function workLandingPage(user: SessionUser): 'password' | 'officeHome' | 'inbox' {
  if (user.mustChangePassword) return 'password';
  return user.role === 'admin' ? 'officeHome' : 'inbox';
}
