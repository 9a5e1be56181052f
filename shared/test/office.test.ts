import {
  changePasswordSchema,
  createCadreSchema,
  createUnitSchema,
  deadlinePolicySchema,
  issueFor,
  revokeCardSchema,
  updateUnitSchema,
  validate,
  yearScheduleSchema,
} from '../src/schemas';
import {
  HANDOVER_STATUSES,
  handoverTransition,
  REQUEST_STATUSES,
  type RequestState,
} from '../src/lifecycle';
import { AUDIT_ACTION_LABELS, AUDIT_ACTIONS } from '../src/schemas/office';

const cadre = {
  unitId: 3,
  name: '张建国',
  post: '网格员',
  phone: '138 0013 8000',
  duties: '走访联系群众，收集办理诉求',
  dutyDays: '每周一、周四',
  username: 'zhang.jg',
};

describe('the office forms', () => {
  it('takes a cadre as the form and the import row give it, the phone normalised', () => {
    const r = validate(createCadreSchema, cadre);
    expect(r).toEqual({ ok: true, value: { ...cadre, phone: '13800138000' } });
  });

  it.each([
    ['username', { username: 'ab' }, '登录账号为4到32位字母、数字或 _ . -'],
    ['username', { username: '张三三三' }, '登录账号为4到32位字母、数字或 _ . -'],
    ['phone', { phone: '1234' }, '手机号格式不对，请输入11位手机号'],
    ['name', { name: '' }, '请填写姓名'],
    ['unitId', { unitId: 0 }, '请选择所属单位'],
    ['dutyDays', { dutyDays: '一' }, '一线工作日至少要2个字，现在只有1个字'],
  ])('refuses a bad %s with a message in Chinese', (field, patch, message) => {
    const r = validate(createCadreSchema, { ...cadre, ...patch });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(issueFor(r.issues, field)).toBe(message);
  });

  it('asks for a new password with letters and digits, unlike the old one', () => {
    expect(
      validate(changePasswordSchema, { oldPassword: 'Old2026x', newPassword: 'New2026xy' }).ok,
    ).toBe(true);
    const same = validate(changePasswordSchema, {
      oldPassword: 'Same2026x',
      newPassword: 'Same2026x',
    });
    expect(same.ok || issueFor(same.issues, 'newPassword')).toBe('新密码不能和原密码一样');
    const short = validate(changePasswordSchema, { oldPassword: 'x', newPassword: 'a1' });
    expect(short.ok || issueFor(short.issues, 'newPassword')).toBe('新密码至少8位');
    const digits = validate(changePasswordSchema, { oldPassword: 'x', newPassword: '12345678' });
    expect(digits.ok || issueFor(digits.issues, 'newPassword')).toBe('新密码要同时包含字母和数字');
    const letters = validate(changePasswordSchema, { oldPassword: 'x', newPassword: 'abcdefgh' });
    expect(letters.ok || issueFor(letters.issues, 'newPassword')).toBe(
      '新密码要同时包含字母和数字',
    );
  });

  it('checks units, hotlines, cards, the schedule and the policy', () => {
    expect(validate(createUnitSchema, { parentId: 1, name: '  前进村 ' })).toEqual({
      ok: true,
      value: { parentId: 1, name: '前进村' },
    });
    const hot = validate(updateUnitSchema, {
      name: '石桥镇',
      hotlines: [{ name: '热线', phone: 'abc' }],
    });
    expect(hot.ok || issueFor(hot.issues, 'hotlines.0.phone')).toMatch(/热线电话只能是数字和横线/);
    const notALine = validate(updateUnitSchema, { name: '石桥镇', hotlines: ['12345'] });
    expect(notALine.ok || issueFor(notALine.issues, 'hotlines.0')).toBe('热线格式不对');
    expect(validate(revokeCardSchema, { reason: '遗失' })).toEqual({
      ok: true,
      value: { reason: '遗失', reissue: false },
    });
    const day = validate(yearScheduleSchema, { holidays: ['2027-13-01'], makeupWorkdays: [] });
    expect(day.ok || issueFor(day.issues, 'holidays.0')).toBe('日期格式应为 2027-01-01');
    const policy = validate(deadlinePolicySchema, {
      acceptDays: 0,
      villageDays: 3,
      townshipDays: 7,
      countyDays: 15,
      rectifyDays: 61,
    });
    expect(policy.ok).toBe(false);
    if (!policy.ok) {
      expect(issueFor(policy.issues, 'acceptDays')).toBe('签收时限至少1个工作日');
      expect(issueFor(policy.issues, 'rectifyDays')).toBe('整改时限最多60个工作日');
    }
  });

  it('names every audited action in Chinese', () => {
    expect(AUDIT_ACTIONS.length).toBeGreaterThan(20);
    for (const action of AUDIT_ACTIONS)
      expect(AUDIT_ACTION_LABELS[action]).toMatch(/[\u4e00-\u9fa5]/);
  });
});

describe('事随人转: which requests move with a post', () => {
  const state = (status: RequestState['status']): RequestState => ({
    status,
    round: status === 'rectifying' ? 2 : 1,
    level: 'village',
    category: 'difficulty',
  });

  it('moves the waiting work back to 待签收 with both clocks, to the successor’s level', () => {
    for (const status of ['submitted', 'in_progress'] as const) {
      expect(handoverTransition(state(status), 'township')).toMatchObject({
        ok: true,
        to: 'submitted',
        level: 'township',
        ownerChanges: true,
        clock: 'accept_and_resolve',
      });
    }
  });

  it('keeps a rectification in 整改中 with a new rectify clock, its round and level', () => {
    expect(handoverTransition(state('rectifying'), 'township')).toMatchObject({
      ok: true,
      to: 'rectifying',
      round: 2,
      level: 'village',
      ownerChanges: true,
      clock: 'rectify',
    });
  });

  it('hands an unconfirmed 当场解决 over without a clock', () => {
    expect(handoverTransition(state('pending_confirmation'), 'village')).toMatchObject({
      ok: true,
      to: 'pending_confirmation',
      ownerChanges: true,
      clock: 'none',
    });
  });

  it('leaves resolved and finished work with whoever resolved it', () => {
    const stays = REQUEST_STATUSES.filter(
      (s) => !(HANDOVER_STATUSES as readonly string[]).includes(s),
    );
    expect(stays.sort()).toEqual(['closed', 'resolved', 'under_review', 'withdrawn'].sort());
    for (const status of stays) {
      expect(handoverTransition(state(status), 'village')).toEqual({
        ok: false,
        code: 'TRANSITION_NOT_ALLOWED',
      });
    }
  });
});

describe('the audit log summary', () => {
  it('labels each detail in Chinese and leaves empty ones out', () => {
    const { auditSummary } =
      jest.requireActual<typeof import('../src/schemas/office')>('../src/schemas/office');
    expect(
      auditSummary({ successor: '吴接任', movedRequests: 2, note: null, overdue: true, x: 'y' }),
    ).toBe('接任干部：吴接任；转交诉求数：2；仅超期：是；x：y');
    expect(auditSummary(null)).toBe('');
    expect(auditSummary({ kind: 'village', role: 'admin', fromDate: '2026-12-01' })).toBe(
      '类型：村（社区）；角色：系统管理员；开始日期：2026-12-01',
    );
    // Only a real kind or role is translated, and only under its own key; false reads 否, and
    // an empty or missing value is left out.
    expect(
      auditSummary({
        kind: 'holiday',
        role: 'mayor',
        summary: 'village',
        username: 'admin',
        hidden: false,
        note: '',
        successor: undefined,
      }),
    ).toBe('类型：holiday；角色：mayor；公示摘要：village；账号：admin；不公示：否');
  });
});
