import Taro from '@tarojs/taro';
import type { SignInResult } from '@mqlk/shared';

import { storage } from '../../test/taro-mock';
import { http, setApiBaseUrl } from './http';
import {
  SESSION_STORAGE_KEY,
  WORK_ROLES,
  clearSession,
  currentUser,
  isSignedInAs,
  restoreSession,
  saveSession,
} from './session';

const taroRequest = jest.mocked(Taro.request);

function signIn(role: SignInResult['user']['role'], expiresAt = '2099-01-01T00:00:00.000Z') {
  return {
    token: `tok-${role}`,
    expiresAt,
    user: {
      id: 7,
      role,
      displayName: role === 'resident' ? '群众' : '王芳',
      phoneMasked: role === 'resident' ? '138****5678' : null,
      orgUnitId: 3,
      orgUnitName: '红星村',
      cadreId: role === 'cadre' ? 11 : null,
      mustChangePassword: false,
    },
  } satisfies SignInResult;
}

function answer(statusCode: number, data: unknown) {
  taroRequest.mockResolvedValueOnce({ statusCode, data, header: {}, errMsg: 'ok' } as never);
}

function lastAuthorization(): unknown {
  const call = taroRequest.mock.calls.at(-1);
  if (!call) throw new Error('no request was made');
  return (call[0].header as Record<string, string>).Authorization;
}

beforeEach(() => {
  taroRequest.mockReset();
  setApiBaseUrl('');
  restoreSession();
});

describe('session', () => {
  it('starts signed out when nothing is stored', () => {
    expect(currentUser()).toBeNull();
    expect(isSignedInAs(WORK_ROLES)).toBe(false);
  });

  it('stores the token and user, and sends the token with every call', async () => {
    saveSession(signIn('cadre'));

    expect(storage.get(SESSION_STORAGE_KEY)).toMatchObject({ token: 'tok-cadre' });
    expect(currentUser()).toMatchObject({ displayName: '王芳', role: 'cadre' });
    expect(isSignedInAs(WORK_ROLES)).toBe(true);

    answer(200, {});
    await http.get('/api/inbox');
    expect(lastAuthorization()).toBe('Bearer tok-cadre');
  });

  it('comes back after a restart (the app loading the stored session)', async () => {
    saveSession(signIn('resident'));

    expect(restoreSession()).toMatchObject({ role: 'resident', phoneMasked: '138****5678' });
    answer(200, {});
    await http.get('/api/requests/mine');
    expect(lastAuthorization()).toBe('Bearer tok-resident');
  });

  it('drops an expired session instead of using it', async () => {
    saveSession(signIn('resident', '2026-11-21T02:00:00.000Z'));

    expect(currentUser(new Date('2026-11-21T01:59:59.000Z'))).not.toBeNull();
    expect(currentUser(new Date('2026-11-21T02:00:00.000Z'))).toBeNull();
    expect(storage.has(SESSION_STORAGE_KEY)).toBe(false);
    answer(200, {});
    await http.get('/api/cards/x');
    expect(lastAuthorization()).toBeUndefined();
  });

  it('ignores unreadable stored data', () => {
    storage.set(SESSION_STORAGE_KEY, { token: 42 });

    expect(restoreSession()).toBeNull();
  });

  it('ends the session when the server says it has expired', async () => {
    saveSession(signIn('cadre'));
    answer(401, { code: 'SESSION_EXPIRED', message: '登录已过期，请重新登录' });

    await expect(http.get('/api/inbox')).rejects.toMatchObject({ code: 'SESSION_EXPIRED' });

    expect(currentUser()).toBeNull();
    expect(storage.has(SESSION_STORAGE_KEY)).toBe(false);
  });

  it('keeps the session after a wrong password on another sign-in attempt', async () => {
    saveSession(signIn('cadre'));
    answer(401, { code: 'LOGIN_FAILED', message: '账号或密码不正确' });

    await expect(http.post('/api/auth/staff/sign-in', {})).rejects.toMatchObject({
      code: 'LOGIN_FAILED',
    });

    expect(currentUser()).toMatchObject({ role: 'cadre' });
  });

  it('signs out', async () => {
    saveSession(signIn('staff'));
    clearSession();

    expect(currentUser()).toBeNull();
    answer(200, {});
    await http.get('/api/cards/x');
    expect(lastAuthorization()).toBeUndefined();
  });
});
