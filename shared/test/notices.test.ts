import {
  formatNoticeTime,
  MAX_DELIVERY_ATTEMPTS,
  NOTICE_KIND_CHANNELS,
  NOTICE_KIND_TEMPLATE,
  NOTICE_KINDS,
  NOTICE_PHRASES,
  type NoticeFacts,
  noticeMatter,
  noticeText,
  RESIDENT_NOTICE_KINDS,
  retryDelaySeconds,
  smsNoticeText,
} from '../src/notices/notices';
import { sh } from './calendar.fixtures';

const facts: NoticeFacts = {
  category: 'difficulty',
  subTopic: 'water',
  number: 'MQ-20261207-0001',
  ownerName: '张建国',
  fromName: '石桥镇',
  dueAt: sh('2026-12-08T18:00'),
  clock: 'accept',
  note: '请三天内联系水务站',
};

describe('notice words', () => {
  it.each([
    [
      'new_request',
      '新诉求待签收',
      '石桥镇转来一件新诉求待签收：饮水问题（MQ-20261207-0001），请在12月8日18:00前签收。',
    ],
    ['accepted', '诉求已签收', '您反映的饮水问题已由张建国签收，正在办理。'],
    ['handed_over', '诉求已转交', '您反映的饮水问题已转交张建国办理。'],
    ['replied', '干部回复了您', '张建国回复了您反映的饮水问题：请三天内联系水务站'],
    ['resolved', '诉求已办结', '您反映的饮水问题已办结，请评价。'],
    [
      'rectify',
      '整改任务',
      '您有一件诉求需要整改：饮水问题（MQ-20261207-0001），请在12月8日18:00前整改办结。',
    ],
    ['supervised', '诉求被督办', '您办理的饮水问题（MQ-20261207-0001）被督办：请三天内联系水务站'],
    [
      'supervise_reminder',
      '督办提醒',
      '被督办的饮水问题（MQ-20261207-0001）还没有办结，请尽快办理。',
    ],
    [
      'due_soon',
      '即将超期',
      '您有一件诉求即将超期：饮水问题（MQ-20261207-0001）需在12月8日18:00前签收。',
    ],
    [
      'overdue',
      '诉求已超期',
      '您有一件诉求已超期未签收：饮水问题（MQ-20261207-0001），请尽快办理。',
    ],
    [
      'overdue_staff',
      '辖区诉求超期',
      '张建国的一件诉求已超期未签收：饮水问题（MQ-20261207-0001），请督办。',
    ],
    ['bad_review', '差评待核实', '有一件诉求收到差评，请核实：饮水问题（MQ-20261207-0001）。'],
    ['flagged', '二次差评', '一件诉求整改后群众仍不满意，已报县：饮水问题（MQ-20261207-0001）。'],
    [
      'content_held',
      '内容待审核',
      '一件诉求有内容被微信内容安全拦下，请审核：饮水问题（MQ-20261207-0001）。诉求已送到办理人手上。',
    ],
    ['withdrawn', '群众已撤回', '群众撤回了一件诉求：饮水问题（MQ-20261207-0001），不用再办理。'],
  ] as const)('%s: %s — %s', (kind, title, body) => {
    expect(noticeText(kind, facts)).toEqual({ title, body });
  });

  it('covers every kind', () => {
    for (const kind of NOTICE_KINDS) expect(noticeText(kind, facts).body.length).toBeGreaterThan(8);
  });

  it('says which clock ran out', () => {
    expect(noticeText('overdue', { ...facts, clock: 'resolve' }).body).toContain('已超期未办结');
    expect(noticeText('due_soon', { ...facts, clock: 'rectify' }).body).toContain('前整改办结');
  });

  it('a new request without a sender comes to "you"', () => {
    expect(noticeText('new_request', { ...facts, fromName: undefined }).body).toMatch(
      /^您有一件新诉求/,
    );
  });

  it('never carries more than 60 characters of a note', () => {
    const body = noticeText('replied', { ...facts, note: '水'.repeat(200) }).body;
    expect(body.endsWith('…')).toBe(true);
    expect(Array.from(body.split('：')[1]!)).toHaveLength(60);
  });

  it('keeps a note of exactly 60 characters whole, and folds its spacing', () => {
    const sixty = '水'.repeat(60);
    expect(noticeText('replied', { ...facts, note: sixty }).body).toBe(
      `张建国回复了您反映的饮水问题：${sixty}`,
    );
    expect(noticeText('replied', { ...facts, note: '  请三天内\n\n联系  水务站 ' }).body).toBe(
      '张建国回复了您反映的饮水问题：请三天内 联系 水务站',
    );
  });

  it('leaves out what the facts do not give: no due time, no note, no owner name', () => {
    const bare = { ...facts, dueAt: undefined, note: undefined, ownerName: undefined };
    expect(noticeText('new_request', bare).body).toBe(
      '石桥镇转来一件新诉求待签收：饮水问题（MQ-20261207-0001）。',
    );
    expect(noticeText('rectify', bare).body).toBe(
      '您有一件诉求需要整改：饮水问题（MQ-20261207-0001）。',
    );
    expect(noticeText('supervised', bare).body).toBe(
      '您办理的饮水问题（MQ-20261207-0001）被督办。',
    );
    expect(noticeText('accepted', bare).body).toBe('您反映的饮水问题已由办理人签收，正在办理。');
  });

  it('names the matter by sub-topic, else by category', () => {
    expect(noticeMatter('difficulty', 'water')).toBe('饮水问题');
    expect(noticeMatter('suggestion', null)).toBe('发展建议');
    expect(noticeMatter('difficulty', 'other')).toBe('实际困难');
  });

  it('writes times in Shanghai, whatever the server zone', () => {
    expect(formatNoticeTime(sh('2026-01-02T09:05'))).toBe('1月2日09:05');
  });

  it('signs SMS', () => {
    expect(smsNoticeText(noticeText('resolved', facts))).toBe(
      '【民情联系卡】您反映的饮水问题已办结，请评价。',
    );
  });
});

describe('notice routing rules', () => {
  it('gives every kind a WeChat phrase of at most five Chinese characters', () => {
    for (const kind of NOTICE_KINDS) {
      expect(NOTICE_PHRASES[kind]).toMatch(/^\p{Script=Han}{1,5}$/u);
      expect(NOTICE_KIND_TEMPLATE[kind]).toBeDefined();
    }
  });

  it('sends residents progress by WeChat or SMS, and cadres overdue alerts by SMS too', () => {
    for (const kind of RESIDENT_NOTICE_KINDS)
      expect(NOTICE_KIND_CHANNELS[kind]).toEqual(['wechat', 'sms']);
    expect(NOTICE_KIND_CHANNELS.overdue).toContain('sms');
    expect(NOTICE_KIND_CHANNELS.due_soon).not.toContain('sms');
    expect(NOTICE_KIND_CHANNELS.withdrawn).toEqual([]);
  });

  it('backs off more after each failure, up to two hours', () => {
    const delays = Array.from({ length: MAX_DELIVERY_ATTEMPTS + 2 }, (_, i) =>
      retryDelaySeconds(i + 1),
    );
    expect(delays.slice(0, 5)).toEqual([30, 120, 600, 1800, 7200]);
    expect(Math.max(...delays)).toBe(7200);
    expect(retryDelaySeconds(0)).toBe(30);
  });
});
