import * as v from 'valibot';
import {
  acceptSchema,
  issueFor,
  rateSchema,
  onBehalfSchema,
  onSpotSchema,
  verifySchema,
  superviseSchema,
  contentReviewSchema,
  cancelSchema,
  confirmSchema,
  emptyBodySchema,
  resolveSchema,
  publicSummaryEditSchema,
  smsSignInSchema,
  staffSignInSchema,
  submitRequestSchema,
  transferSchema,
  validate,
  devClockSchema,
  noticeQuerySchema,
  wechatSignInSchema,
  escalateSchema,
  replySchema,
} from '../src/schemas';
import { wechatPushQuerySchema } from '../src/api/route-schemas';

const goodRequest = {
  cardCode: 'Ab3dE5gH7jK9m',
  category: 'difficulty',
  subTopic: 'water',
  text: '  村东头的自来水停了三天了，  ',
  photoIds: [1, 2],
  contactPhone: '138 1234 5678',
  consent: true,
};

describe('submitRequestSchema', () => {
  it('accepts a good request, normalising text and phone', () => {
    const r = validate(submitRequestSchema, goodRequest);
    expect(r).toEqual({
      ok: true,
      value: { ...goodRequest, text: '村东头的自来水停了三天了，', contactPhone: '13812345678' },
    });
  });

  it('fills defaults for optional photos', () => {
    const { photoIds: _p, ...rest } = goodRequest;
    const r = validate(submitRequestSchema, rest);
    expect(r.ok && r.value.photoIds).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['text too short', { text: '停水了' }, 'text', '诉求内容至少要5个字，现在只有3个字'],
    ['text only spaces', { text: '     ' }, 'text', '请填写诉求内容'],
    ['text missing', { text: undefined }, 'text', '请填写诉求内容'],
    [
      'text too long',
      { text: '水'.repeat(1001) },
      'text',
      '诉求内容最多1000个字，现在有1001个字，请精简一些',
    ],
    ['unknown category', { category: 'weather' }, 'category', '请选择诉求类别'],
    ['four photos', { photoIds: [1, 2, 3, 4] }, 'photoIds', '最多只能上传3张照片'],
    ['bad phone', { contactPhone: '12345' }, 'contactPhone', '手机号格式不对，请输入11位手机号'],
    ['no consent', { consent: false }, 'consent', '请先阅读并同意个人信息保护说明'],
    ['bad card code', { cardCode: 'abc-def' }, 'cardCode', '联系卡编码格式不对'],
  ])('refuses %s', (_name, patch, field, message) => {
    const r = validate(submitRequestSchema, { ...goodRequest, ...patch });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(issueFor(r.issues, field)).toBe(message);
  });

  describe('a voice clip stands in for the text', () => {
    it('accepts a voice-only request, the text then empty', () => {
      const r = validate(submitRequestSchema, { ...goodRequest, text: undefined, voiceId: 7 });
      expect(r.ok && r.value).toMatchObject({ text: '', voiceId: 7 });
    });

    it('accepts a short text beside a voice clip', () => {
      const r = validate(submitRequestSchema, { ...goodRequest, text: '停水了', voiceId: 7 });
      expect(r.ok && r.value.text).toBe('停水了');
    });

    it.each<[string, Record<string, unknown>, string, string]>([
      ['no text and no voice', { text: '' }, 'text', '请填写诉求内容'],
      ['a short text and no voice', { text: '停水' }, 'text', '诉求内容至少要5个字，现在只有2个字'],
      [
        'a too long text beside a voice',
        { text: '水'.repeat(1001), voiceId: 7 },
        'text',
        '诉求内容最多1000个字，现在有1001个字，请精简一些',
      ],
      ['a voice id that is not one', { text: '', voiceId: 0 }, 'voiceId', '编号格式不对'],
      ['a voice id as text', { voiceId: '7' }, 'voiceId', '缺少编号'],
    ])('refuses %s', (_name, patch, field, message) => {
      const r = validate(submitRequestSchema, { ...goodRequest, ...patch });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(issueFor(r.issues, field)).toBe(message);
    });
  });

  it('counts emoji as one character each and allows them', () => {
    expect(validate(submitRequestSchema, { ...goodRequest, text: '😀😀😀😀😀' }).ok).toBe(true);
    expect(validate(submitRequestSchema, { ...goodRequest, text: '😀😀😀😀' }).ok).toBe(false);
    expect(validate(submitRequestSchema, { ...goodRequest, text: '😀'.repeat(1000) }).ok).toBe(
      true,
    );
  });

  it('reports every bad field at once', () => {
    const r = validate(submitRequestSchema, { category: 'x', text: '', consent: false });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.field).sort()).toEqual(['category', 'consent', 'text']);
  });
});

describe('sign-in schemas', () => {
  it('staff: trims the account and requires both fields', () => {
    expect(validate(staffSignInSchema, { username: ' admin ', password: 'x' })).toEqual({
      ok: true,
      value: { username: 'admin', password: 'x' },
    });
    const r = validate(staffSignInSchema, { username: '', password: '' });
    expect(r).toEqual({
      ok: false,
      issues: [
        { field: 'username', message: '请填写账号' },
        { field: 'password', message: '请填写密码' },
      ],
    });
  });
  it('sms: six digits', () => {
    expect(validate(smsSignInSchema, { phone: '13812345678', code: '123456' }).ok).toBe(true);
    expect(validate(smsSignInSchema, { phone: '13812345678', code: ' 654321 ' }).ok).toBe(true);
    for (const code of ['1234567', 'a123456', '123456a', '12345x', '１２３４５６']) {
      expect(validate(smsSignInSchema, { phone: '13812345678', code })).toEqual({
        ok: false,
        issues: [{ field: 'code', message: '验证码是6位数字' }],
      });
    }
    expect(validate(smsSignInSchema, { phone: '13812345678', code: '12345' })).toEqual({
      ok: false,
      issues: [{ field: 'code', message: '验证码是6位数字' }],
    });
  });
  it('wechat: a code is required', () => {
    expect(validate(wechatSignInSchema, { code: '' }).ok).toBe(false);
    expect(validate(wechatSignInSchema, { code: '0a1b2c' }).ok).toBe(true);
  });
});

describe('cadre move schemas', () => {
  it('accept needs the version the client saw', () => {
    expect(validate(acceptSchema, { version: 3 }).ok).toBe(true);
    expect(validate(acceptSchema, {})).toEqual({
      ok: false,
      issues: [{ field: 'version', message: '缺少版本号，请刷新后再试' }],
    });
    expect(validate(acceptSchema, { version: 1.5 }).ok).toBe(false);
  });
  it('reply needs some words', () => {
    expect(validate(replySchema, { text: '好的' }).ok).toBe(true);
    expect(validate(replySchema, { text: '好' }).ok).toBe(false);
  });
  it('resolving as "explained" needs real reasons', () => {
    const summary = { publicSummary: '村东头自来水管道已修复' };
    expect(
      validate(resolveSchema, { version: 1, outcome: 'solved', note: '已修好', ...summary }).ok,
    ).toBe(true);
    const short = validate(resolveSchema, {
      version: 1,
      outcome: 'explained',
      note: '办不了',
      ...summary,
    });
    expect(short).toEqual({
      ok: false,
      issues: [{ field: 'note', message: '不能解决的，请写清楚原因（至少10个字）' }],
    });
    const long = {
      version: 1,
      outcome: 'explained',
      note: '该路段属于省道，需由交通部门统一规划改造',
      ...summary,
    };
    expect(validate(resolveSchema, long).ok).toBe(true);
    // At least 10 characters: 9 are refused, 10 accepted.
    const explained = (note: string) =>
      validate(resolveSchema, { version: 1, outcome: 'explained', note, ...summary }).ok;
    expect(explained('一二三四五六七八九')).toBe(false);
    expect(explained('一二三四五六七八九十')).toBe(true);
    expect(
      validate(resolveSchema, { version: 1, outcome: 'maybe', note: '已修好', ...summary }).ok,
    ).toBe(false);
  });
  it('resolving needs a 公示摘要 of 4 to 40 characters, on one line', () => {
    const base = { version: 1, outcome: 'solved', note: '已修好' };
    expect(validate(resolveSchema, base)).toEqual({
      ok: false,
      issues: [{ field: 'publicSummary', message: '请填写公示摘要' }],
    });
    expect(validate(resolveSchema, { ...base, publicSummary: '  修路 ' })).toEqual({
      ok: false,
      issues: [{ field: 'publicSummary', message: '公示摘要至少要4个字，现在只有2个字' }],
    });
    expect(validate(resolveSchema, { ...base, publicSummary: '修'.repeat(41) })).toEqual({
      ok: false,
      issues: [{ field: 'publicSummary', message: '公示摘要最多40个字，现在有41个字，请精简一些' }],
    });
    expect(validate(resolveSchema, { ...base, publicSummary: '修'.repeat(40) }).ok).toBe(true);
    const twoLines = validate(resolveSchema, { ...base, publicSummary: '路灯已修好\n  恢复照明' });
    expect(twoLines.ok && twoLines.value.publicSummary).toBe('路灯已修好 恢复照明');
  });
  it('staff edit a 公示摘要, hide it, or both; never neither', () => {
    expect(validate(publicSummaryEditSchema, { hidden: true }).ok).toBe(true);
    expect(validate(publicSummaryEditSchema, { summary: '道路坑洼已填平' }).ok).toBe(true);
    expect(validate(publicSummaryEditSchema, {})).toEqual({
      ok: false,
      issues: [{ field: '', message: '请修改公示摘要，或选择是否公示' }],
    });
    expect(validate(publicSummaryEditSchema, { summary: '短' }).ok).toBe(false);
  });
  it('escalate and transfer need a reason; transfer needs a target', () => {
    expect(validate(escalateSchema, { version: 0, reason: '需要乡镇协调水务站' }).ok).toBe(true);
    expect(validate(escalateSchema, { version: 0, reason: '不行' }).ok).toBe(false);
    expect(validate(transferSchema, { version: 0, toUserId: 7, reason: '属于二组网格' }).ok).toBe(
      true,
    );
    const r = validate(transferSchema, { version: 0, toUserId: 0, reason: '属于二组网格' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]?.field).toBe('toUserId');
  });
});

describe('rateSchema', () => {
  it('accepts a level, the 问题解决了吗 answer, tags and a comment', () => {
    expect(
      validate(rateSchema, {
        level: 5,
        solved: 'solved',
        tags: ['timely', 'friendly'],
        comment: ' 谢谢！',
      }),
    ).toEqual({
      ok: true,
      value: { level: 5, solved: 'solved', tags: ['timely', 'friendly'], comment: '谢谢！' },
    });
  });
  it('defaults tags and comment', () => {
    expect(validate(rateSchema, { level: 3, solved: 'partly' })).toEqual({
      ok: true,
      value: { level: 3, solved: 'partly', tags: [], comment: '' },
    });
  });
  it.each([[0], [6], ['5'], [null], [4.5]])('refuses level %p', (level) => {
    expect(validate(rateSchema, { level, solved: 'unsolved' })).toEqual({
      ok: false,
      issues: [{ field: 'level', message: '请选择满意程度' }],
    });
  });
  it.each([[undefined], ['yes'], [true], ['']])('refuses the answer %p', (solved) => {
    expect(validate(rateSchema, { level: 4, solved })).toEqual({
      ok: false,
      issues: [{ field: 'solved', message: '请选择问题解决了没有' }],
    });
  });
  it.each(['solved', 'partly', 'unsolved'])('accepts the answer %s with level 1', (solved) => {
    expect(validate(rateSchema, { level: 1, solved }).ok).toBe(true);
  });
  it('refuses unknown and repeated tags and overlong comments', () => {
    const ok = { level: 5, solved: 'solved' };
    expect(validate(rateSchema, { ...ok, tags: ['great'] }).ok).toBe(false);
    expect(validate(rateSchema, { ...ok, tags: ['timely', 'timely'] }).ok).toBe(false);
    expect(validate(rateSchema, { ...ok, comment: '好'.repeat(301) }).ok).toBe(false);
    expect(validate(rateSchema, { ...ok, comment: '好'.repeat(300) }).ok).toBe(true);
  });
});

describe('the moves’ inputs', () => {
  const onBehalf = {
    channel: 'visit',
    category: 'difficulty',
    text: '老人家里漏雨，想申请危房改造',
    residentPhone: '139 1234 5678',
    consent: true,
  };

  it('代填 takes the resident’s phone, normalised, and needs their consent', () => {
    expect(validate(onBehalfSchema, onBehalf)).toMatchObject({
      ok: true,
      value: { residentPhone: '13912345678', photoIds: [] },
    });
    expect(validate(onBehalfSchema, { ...onBehalf, consent: false })).toEqual({
      ok: false,
      issues: [{ field: 'consent', message: '请先向群众说明个人信息保护说明，并征得同意' }],
    });
    expect(validate(onBehalfSchema, { ...onBehalf, channel: 'card_scan' }).ok).toBe(false);
  });

  it.each([
    ['', '请填写手机号'],
    ['   ', '请填写手机号'],
    ['1391234567', '手机号格式不对，请输入11位手机号'],
  ])('a phone of %p is refused with %s', (residentPhone, message) => {
    expect(validate(onBehalfSchema, { ...onBehalf, residentPhone })).toEqual({
      ok: false,
      issues: [{ field: 'residentPhone', message }],
    });
  });

  it('当场解决 needs what was done, and never takes a conduct complaint', () => {
    const summary = { publicSummary: '已联系住建所' };
    expect(
      validate(onSpotSchema, { ...onBehalf, ...summary, note: '当场帮忙联系了住建所' }).ok,
    ).toBe(true);
    expect(validate(onSpotSchema, { ...onBehalf, ...summary })).toMatchObject({
      ok: false,
      issues: [{ field: 'note' }],
    });
    // Like any resolution, it says in one public line what was done (公示摘要).
    expect(validate(onSpotSchema, { ...onBehalf, note: '当场帮忙联系了住建所' })).toMatchObject({
      ok: false,
      issues: [{ field: 'publicSummary', message: '请填写公示摘要' }],
    });
    expect(
      validate(onSpotSchema, {
        ...onBehalf,
        ...summary,
        category: 'conduct',
        note: '当场批评教育了',
      }),
    ).toEqual({
      ok: false,
      issues: [
        {
          field: 'category',
          message: '反映干部作风的事不能登记为当场解决，请代群众登记，由乡镇办理',
        },
      ],
    });
  });

  it('差评核实: founded carries a finding, unfounded a reason from the list and a note', () => {
    expect(
      validate(verifySchema, { version: 3, founded: true, finding: '未按时上门，请整改' }),
    ).toEqual({ ok: true, value: { version: 3, founded: true, finding: '未按时上门，请整改' } });
    expect(
      validate(verifySchema, {
        version: 3,
        founded: false,
        reason: 'duplicate',
        note: '与上月诉求重复',
      }),
    ).toMatchObject({ ok: true, value: { reason: 'duplicate' } });
    expect(
      validate(verifySchema, { version: 3, founded: false, reason: 'angry', note: '群众情绪激动' }),
    ).toEqual({ ok: false, issues: [{ field: 'reason', message: '请选择不属实的原因' }] });
    expect(validate(verifySchema, { version: 3 })).toMatchObject({
      ok: false,
      issues: [{ field: 'founded', message: '请选择核实结果：属实或不属实' }],
    });
  });

  it('内容审核: release with an optional note, withhold only with a reason', () => {
    expect(validate(contentReviewSchema, { decision: 'release' })).toEqual({
      ok: true,
      value: { decision: 'release', note: '' },
    });
    expect(validate(contentReviewSchema, { decision: 'release', note: ' 误判 ' })).toEqual({
      ok: true,
      value: { decision: 'release', note: '误判' },
    });
    expect(validate(contentReviewSchema, { decision: 'withhold', note: '辱骂他人' })).toEqual({
      ok: true,
      value: { decision: 'withhold', note: '辱骂他人' },
    });
    expect(validate(contentReviewSchema, { decision: 'withhold', note: '' })).toEqual({
      ok: false,
      issues: [{ field: 'note', message: '请填写不予转交的理由' }],
    });
    expect(validate(contentReviewSchema, { decision: 'withhold', note: '骂' })).toEqual({
      ok: false,
      issues: [{ field: 'note', message: '不予转交的理由至少要2个字，现在只有1个字' }],
    });
    expect(validate(contentReviewSchema, { decision: 'release', note: '好'.repeat(201) })).toEqual({
      ok: false,
      issues: [{ field: 'note', message: '审核说明最多200个字，现在有201个字' }],
    });
    expect(validate(contentReviewSchema, { decision: 'delete' })).toEqual({
      ok: false,
      issues: [{ field: 'decision', message: '请选择审核结果：放行或不予转交' }],
    });
  });

  it("WeChat's push: timestamp and nonce always, signatures as sent", () => {
    expect(
      validate(wechatPushQuerySchema, { signature: 'ab', timestamp: '1', nonce: 'n' }),
    ).toEqual({
      ok: true,
      value: { signature: 'ab', timestamp: '1', nonce: 'n' },
    });
    expect(validate(wechatPushQuerySchema, { signature: 'ab', nonce: 'n' })).toEqual({
      ok: false,
      issues: [{ field: 'timestamp', message: '缺少 timestamp' }],
    });
    expect(validate(wechatPushQuerySchema, { timestamp: '1' })).toEqual({
      ok: false,
      issues: [{ field: 'nonce', message: '缺少 nonce' }],
    });
  });

  it('督办, 转办, 撤销 and the confirmation code', () => {
    expect(validate(superviseSchema, { note: '请今天内联系群众' }).ok).toBe(true);
    expect(validate(transferSchema, { version: 1, reason: '这一片归李干部负责' })).toMatchObject({
      ok: false,
      issues: [{ field: 'toUserId', message: '请选择转给谁' }],
    });
    expect(validate(cancelSchema, { version: 2, reason: '登记错了' }).ok).toBe(true);
    expect(validate(confirmSchema, { token: 'A'.repeat(24) }).ok).toBe(true);
    expect(validate(confirmSchema, { token: 'A'.repeat(23) })).toMatchObject({ ok: false });
    expect(validate(emptyBodySchema, {}).ok).toBe(true);
    expect(validate(emptyBodySchema, { version: 1 }).ok).toBe(false);
  });
});

describe('the development clock and the notice list query', () => {
  it('takes either an instant or a number of minutes, not both and not neither', () => {
    const at = '2026-12-07T09:00:00+08:00';
    expect(validate(devClockSchema, { at }).ok).toBe(true);
    expect(validate(devClockSchema, { advanceMinutes: 90 }).ok).toBe(true);
    for (const input of [{}, { at, advanceMinutes: 90 }]) {
      const r = validate(devClockSchema, input);
      expect(r.ok || issueFor(r.issues, '')).toBe('请给出 at 或 advanceMinutes 之一');
    }
  });

  it('reads unread=true and unread=false from the query string', () => {
    expect(validate(noticeQuerySchema, { unread: 'true' })).toEqual({
      ok: true,
      value: { unread: true },
    });
    expect(validate(noticeQuerySchema, { unread: 'false' })).toEqual({
      ok: true,
      value: { unread: false },
    });
  });
});

describe('messages for a field given the wrong shape', () => {
  it('answers in Chinese for a location that is not an object, and for a missing key without a message of its own', () => {
    const r = validate(submitRequestSchema, { ...goodRequest, location: 'here' });
    expect(r.ok || issueFor(r.issues, 'location')).toBe('位置格式不对');
    const bare = validate(v.object({ note: v.string() }), {});
    expect(bare).toEqual({ ok: false, issues: [{ field: 'note', message: '请填写这一项' }] });
  });
});
