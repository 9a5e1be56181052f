import type { ActorRole, SignInResult } from '@mqlk/shared';

/** A sign-in answer for a test account of the given role. */
export function signedIn(role: ActorRole, displayName = '王芳'): SignInResult {
  return {
    token: `tok-${role}`,
    expiresAt: '2099-01-01T00:00:00.000Z',
    user: {
      id: 7,
      role,
      displayName,
      phoneMasked: role === 'resident' ? '138****5678' : null,
      orgUnitId: 3,
      orgUnitName: role === 'resident' ? null : '青山镇红星村',
      cadreId: role === 'cadre' ? 11 : null,
      mustChangePassword: false,
    },
  };
}
