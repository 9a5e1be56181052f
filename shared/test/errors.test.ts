import { httpStatusOf, isErrorCode, messageOf, refuse } from '../src/errors/codes';

describe('the error vocabulary', () => {
  it.each([
    ['VALIDATION_FAILED', 400],
    ['UNAUTHENTICATED', 401],
    ['CONDUCT_SUBJECT', 403],
    ['CARD_NOT_FOUND', 404],
    ['CARD_REVOKED', 410],
    ['RATE_LIMITED', 429],
    ['INTERNAL', 500],
    ['DATABASE_UNAVAILABLE', 503],
  ] as const)('answers %s with HTTP %d', (code, status) => {
    expect(httpStatusOf(code)).toBe(status);
  });

  it('gives each code its own plain-Chinese message', () => {
    expect(messageOf('UNAUTHENTICATED')).toBe('请先登录');
    expect(messageOf('FORBIDDEN')).toBe('您没有权限进行这项操作');
  });

  it('knows its own codes, and nothing inherited or of another type', () => {
    expect(isErrorCode('NOT_OWNER')).toBe(true);
    for (const value of ['not_owner', 'toString', 'constructor', '', 404, null, undefined]) {
      expect(isErrorCode(value)).toBe(false);
    }
  });

  it('wraps a code as a refusal', () => {
    expect(refuse('OWN_WORK')).toEqual({ ok: false, code: 'OWN_WORK' });
  });
});
