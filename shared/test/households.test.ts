import {
  householdAddress,
  normalizeAddressPart,
  PAIRING_LABELS,
  pairingOf,
  PAIRINGS,
  SPECIAL_GROUP_LABELS,
  SPECIAL_GROUPS,
  specialGroupOf,
} from '../src/households/households';
import {
  createHouseholdSchema,
  householdImportLinkSchema,
  householdListQuerySchema,
  issueFor,
  moveHouseholdSchema,
  updateHouseholdSchema,
  validate,
} from '../src/schemas';

const household = {
  unitId: 7,
  groupName: '三组',
  houseNumber: '12号',
  headName: '李桂兰',
  phone: '138 0013 8000',
  memberCount: 3,
  specialGroups: ['subsistence'],
  freeTags: ['独居'],
};

describe('the household vocabulary', () => {
  it('labels every special group and every kind of link in Chinese', () => {
    for (const g of SPECIAL_GROUPS) expect(SPECIAL_GROUP_LABELS[g]).toMatch(/^[\u4e00-\u9fff]+$/);
    expect(PAIRINGS.map((p) => PAIRING_LABELS[p])).toEqual(['结交', '结友', '结亲']);
  });

  it.each([
    ['１２号', '12号'],
    ['  12号 ', '12号'],
    ['三组\u3000 东', '三组 东'],
    ['Ａ栋', 'A栋'],
    ['b区12a号', 'B区12A号'],
  ])('reads the address part %j as %j', (typed, stored) => {
    expect(normalizeAddressPart(typed)).toBe(stored);
  });

  it.each([
    ['结亲', 'kin'],
    ['结友', 'befriend'],
    ['acquaint', 'acquaint'],
    ['结对', null],
    ['', null],
  ])('reads the kind of link %j as %j', (text, pairing) => {
    expect(pairingOf(text)).toBe(pairing);
  });

  it.each([
    ['低保', 'subsistence'],
    ['subsistence', 'subsistence'],
    ['留守儿童', 'left_behind_child'],
    ['hardship', 'hardship'],
    ['贫困户', null],
    ['', null],
  ])('reads the special group %j as %j, by its label or its code', (tag, group) => {
    expect(specialGroupOf(tag)).toBe(group);
  });

  it('writes an address as the lists show it, with or without a group', () => {
    expect(householdAddress('东岭村', '三组', '12号')).toBe('东岭村三组12号');
    expect(householdAddress('城东社区', '', '5栋2单元301')).toBe('城东社区5栋2单元301');
  });
});

describe('the household form', () => {
  it('takes a household as the form gives it: key fields normalised, the phone too', () => {
    const r = validate(updateHouseholdSchema, {
      ...household,
      groupName: ' 三组 ',
      houseNumber: '１２号',
    });
    expect(r).toEqual({
      ok: true,
      value: { ...household, phone: '13800138000', houseNumber: '12号' },
    });
  });

  it('defaults what may be left out: no group, no phone, no tags, no cadre', () => {
    const r = validate(createHouseholdSchema, {
      unitId: 7,
      houseNumber: '1号',
      headName: '王五',
      memberCount: 1,
    });
    expect(r).toEqual({
      ok: true,
      value: {
        unitId: 7,
        groupName: '',
        houseNumber: '1号',
        headName: '王五',
        phone: '',
        memberCount: 1,
        specialGroups: [],
        freeTags: [],
        cadreId: null,
        pairing: null,
      },
    });
  });

  it('turns a free tag naming a special group into the group, folds case and drops repeats', () => {
    const r = validate(updateHouseholdSchema, {
      ...household,
      specialGroups: ['subsistence', 'subsistence', 'empty_nest'],
      freeTags: ['低保', '五保', 'VIP', 'vip', ' 独居 ', '独居'],
    });
    expect(r.ok && r.value.specialGroups).toEqual(['subsistence', 'empty_nest', 'five_guarantees']);
    expect(r.ok && r.value.freeTags).toEqual(['vip', '独居']);
  });

  it.each([
    ['memberCount', { memberCount: 0 }, '家庭人口至少1人'],
    ['memberCount', { memberCount: 31 }, '家庭人口最多30人'],
    ['memberCount', { memberCount: 2.5 }, '家庭人口应为整数'],
    ['memberCount', { memberCount: undefined }, '请填写家庭人口'],
    ['phone', { phone: '1234' }, '手机号格式不对，请输入11位手机号'],
    ['houseNumber', { houseNumber: '  ' }, '请填写门牌号'],
    ['houseNumber', { houseNumber: '1'.repeat(17) }, '门牌号最多16个字'],
    ['groupName', { groupName: '组'.repeat(17) }, '村民小组最多16个字'],
    ['headName', { headName: '' }, '请填写户主姓名'],
    ['specialGroups.0', { specialGroups: ['poor'] }, '特殊群体不对'],
    ['freeTags.0', { freeTags: ['一二三四五六七八九'] }, '每个标签1到8个字'],
    ['freeTags', { freeTags: ['a', 'b', 'c', 'd', 'e', 'f'] }, '自定义标签最多5个'],
    ['unitId', { unitId: 0 }, '请选择所在的村（社区）或网格'],
  ])('refuses a bad %s with a message in Chinese', (field, patch, message) => {
    const r = validate(updateHouseholdSchema, { ...household, ...patch });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(issueFor(r.issues, field)).toBe(message);
  });

  it('counts five free tags once a label among them became its group', () => {
    const r = validate(updateHouseholdSchema, {
      ...household,
      freeTags: ['a', 'b', 'c', 'd', 'e', '低保'],
    });
    expect(r.ok && r.value.freeTags).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('takes an empty phone as no phone', () => {
    const r = validate(updateHouseholdSchema, { ...household, phone: '  ' });
    expect(r.ok && r.value.phone).toBe('');
  });

  it.each([
    [{ cadreId: 3, pairing: 'kin' }, true, undefined],
    [{ cadreId: null, pairing: null }, true, undefined],
    [{ cadreId: 3, pairing: null }, false, '请选择结对方式'],
    [{ cadreId: null, pairing: 'befriend' }, false, '请选择结对干部'],
    [{ cadreId: 3, pairing: 'enemy' }, false, '请选择结对方式'],
  ])('links a cadre and a kind of link together or not at all: %j', (link, ok, message) => {
    const created = validate(createHouseholdSchema, { ...household, ...link });
    const moved = validate(moveHouseholdSchema, link);
    for (const r of [created, moved]) {
      expect(r.ok).toBe(ok);
      if (!r.ok) expect(issueFor(r.issues, 'pairing')).toBe(message);
    }
  });

  it('reads the office list filters from the query string', () => {
    expect(
      validate(householdListQuerySchema, {
        page: '2',
        unitId: '5',
        group: 'hardship',
        linked: 'false',
        q: ' 李 ',
      }),
    ).toEqual({
      ok: true,
      value: { page: 2, unitId: 5, group: 'hardship', linked: false, q: '李' },
    });
    expect(validate(householdListQuerySchema, { linked: 'true' })).toEqual({
      ok: true,
      value: { linked: true },
    });
    const bad = validate(householdListQuerySchema, { group: 'rich' });
    expect(bad.ok || issueFor(bad.issues, 'group')).toBe('特殊群体不对');
  });
});

describe('the household form: lengths and free tags', () => {
  it('takes a house number of up to 16 characters, not 17', () => {
    const at = (n: number) =>
      validate(updateHouseholdSchema, { ...household, houseNumber: '号'.repeat(n) });
    expect(at(16).ok).toBe(true);
    const long = at(17);
    expect(long.ok || issueFor(long.issues, 'houseNumber')).toBe('门牌号最多16个字');
  });

  it('folds a free tag to one spacing and lower case, and takes 1 to 8 characters', () => {
    const tags = (freeTags: string[]) =>
      validate(updateHouseholdSchema, { ...household, freeTags });
    const folded = tags(['  Old   Man ', '八个字的标签好长']);
    expect(folded.ok && folded.value.freeTags).toEqual(['old man', '八个字的标签好长']);
    for (const bad of ['   ', '九个字的标签真的太长']) {
      const r = tags([bad]);
      expect(r.ok || issueFor(r.issues, 'freeTags.0')).toBe('每个标签1到8个字');
    }
  });
});

describe('the link in an import row', () => {
  it.each([
    [{ cadreUsername: 'wangjh01', pairing: 'kin' }, null, null],
    [{ cadreUsername: null, pairing: null }, null, null],
    [
      { cadreUsername: 'wangjh01', pairing: null },
      'pairing',
      '填了结对干部，还要填结对方式：结交、结友或结亲',
    ],
    [
      { cadreUsername: null, pairing: 'kin' },
      'cadreUsername',
      '填了结对方式，还要填结对干部的登录账号',
    ],
    [{ cadreUsername: 'wangjh01', pairing: 'enemy' }, 'pairing', '结对方式只能填结交、结友或结亲'],
    [
      { cadreUsername: '王建华', pairing: 'kin' },
      'cadreUsername',
      '登录账号为4到32位字母、数字或 _ . -',
    ],
  ])(
    'takes the cadre by login account and the kind of link together: %j',
    (link, field, message) => {
      const r = validate(householdImportLinkSchema, link);
      if (field === null) expect(r).toEqual({ ok: true, value: link });
      else expect(r.ok || issueFor(r.issues, field)).toBe(message);
    },
  );
});
