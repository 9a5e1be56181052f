import {
  cardAloud,
  phoneAloud,
  REQUEST_STATUSES,
  RESIDENT_NEXT_STEPS,
  requestAloud,
  requestDetailAloud,
  timeAloud,
  type RequestAloud,
} from '../src';

/** Asia/Shanghai wall time → instant. */
const at = (local: string) => new Date(`${local}+08:00`);

describe('phoneAloud', () => {
  it.each([
    ['a mobile number in 3-4-4 groups, 1 as 幺', '13812345678', '幺三八，幺二三四，五六七八'],
    ['a mobile number written with separators', '+86 139-0000-1111', '幺三九，零零零零，幺幺幺幺'],
    ['a landline split where it was written', '0931-8123456', '零九三幺，八幺二三四五六'],
    ['a hotline', '12345', '幺二三四五'],
    ['nothing for no digits', '暂无', ''],
  ])('%s', (_, phone, spoken) => {
    expect(phoneAloud(phone)).toBe(spoken);
  });
});

describe('timeAloud', () => {
  const now = at('2026-12-07T09:30:00');
  it.each([
    ['today', '2026-12-07T18:00:00', '今天12月7日星期一下午6点'],
    ['tomorrow', '2026-12-08T18:00:00', '明天12月8日星期二下午6点'],
    ['later, with minutes', '2026-12-15T09:05:00', '12月15日星期二上午9点5分'],
    ['noon', '2026-12-20T12:00:00', '12月20日星期日中午12点'],
    ['evening', '2026-12-20T20:30:00', '12月20日星期日晚上8点30分'],
    ['before dawn', '2026-12-21T00:00:00', '12月21日星期一凌晨0点'],
    ['six in the morning is 上午', '2026-12-21T06:00:00', '12月21日星期一上午6点'],
    ['one o’clock is 下午', '2026-12-21T13:00:00', '12月21日星期一下午1点'],
    ['seven in the evening is 晚上', '2026-12-21T19:00:00', '12月21日星期一晚上7点'],
  ])('%s', (_, when, spoken) => {
    expect(timeAloud(at(when), now)).toBe(spoken);
  });

  it('names the Shanghai day even when the instant is the previous UTC day', () => {
    // 2026-12-08 07:00 in Shanghai is 2026-12-07 23:00 UTC.
    expect(timeAloud(new Date('2026-12-07T23:00:00Z'), now)).toBe('明天12月8日星期二上午7点');
  });
});

describe('cardAloud', () => {
  it('reads the name, the post, the phone digit by digit and the duties', () => {
    expect(
      cardAloud({
        name: '张建国',
        post: '东岭村网格员',
        phone: '13812345678',
        duties: '联系东岭村一组、二组\n收集群众诉求',
      }),
    ).toBe(
      '这是张建国的民情联系卡。张建国，东岭村网格员。电话：幺三八，幺二三四，五六七八。' +
        '负责的工作：联系东岭村一组、二组，收集群众诉求。',
    );
  });

  it('folds runs of spaces into one, keeps single spaces, and ends on a full stop of its own', () => {
    expect(
      cardAloud({
        name: '王强',
        post: '网格员',
        phone: '12345',
        duties: '走访  群众 调解。周一值班',
      }),
    ).toBe(
      '这是王强的民情联系卡。王强，网格员。电话：幺二三四五。负责的工作：走访 群众 调解。周一值班。',
    );
  });

  it('leaves out duties that are empty, and does not double a full stop', () => {
    expect(cardAloud({ name: '李秀英', post: '村委委员。', phone: '12345', duties: '  ' })).toBe(
      '这是李秀英的民情联系卡。李秀英，村委委员。电话：幺二三四五。',
    );
  });
});

describe('RESIDENT_NEXT_STEPS', () => {
  it('has one plain sentence for every status', () => {
    for (const status of REQUEST_STATUSES) {
      expect(RESIDENT_NEXT_STEPS[status]).toMatch(/^[^a-zA-Z]+。$/);
    }
  });
});

describe('requestAloud', () => {
  const now = at('2026-12-07T09:30:00');
  const base: RequestAloud = {
    status: 'in_progress',
    category: 'difficulty',
    subTopic: 'water',
    ownerName: '张建国',
    acceptDueAt: at('2026-12-08T18:00:00'),
    dueAt: at('2026-12-10T18:00:00'),
    rateUntil: null,
  };
  const head = '您反映的饮水问题，办理人是张建国。';

  it.each<[string, Partial<RequestAloud>, string]>([
    [
      'submitted: both deadlines',
      { status: 'submitted' },
      '现在的状态：待签收。等办理人签收，签收以后就开始办理。' +
        '应该在明天12月8日星期二下午6点以前签收，12月10日星期四下午6点以前办结。',
    ],
    [
      'submitted, accept deadline passed',
      { status: 'submitted', acceptDueAt: at('2026-12-04T18:00:00') },
      '现在的状态：待签收。等办理人签收，签收以后就开始办理。' +
        '应该在12月4日星期五下午6点以前签收，已经超过期限，会有人催办。',
    ],
    [
      'in progress',
      {},
      '现在的状态：办理中。办理人正在办理，办好以后会告诉您结果。' +
        '应该在12月10日星期四下午6点以前办结。',
    ],
    [
      'in progress, overdue',
      { dueAt: at('2026-12-07T09:00:00') },
      '现在的状态：办理中。办理人正在办理，办好以后会告诉您结果。' +
        '应该在今天12月7日星期一上午9点以前办结，已经超过期限，会有人催办。',
    ],
    [
      'rectifying',
      { status: 'rectifying' },
      '现在的状态：整改中。乡镇已经要求整改，整改办好以后会再告诉您。' +
        '应该在12月10日星期四下午6点以前整改办好。',
    ],
    [
      'resolved: rate by',
      { status: 'resolved', rateUntil: at('2026-12-14T10:00:00') },
      '现在的状态：已办结。事情已经办结，请您评价办得怎么样。请在12月14日星期一上午10点以前评价。',
    ],
    [
      'resolved, rating window passed: no date',
      { status: 'resolved', rateUntil: at('2026-12-06T10:00:00') },
      '现在的状态：已办结。事情已经办结，请您评价办得怎么样。',
    ],
    [
      'closed: no deadline',
      { status: 'closed' },
      '现在的状态：已关闭。这件事已经办完了，您不用再做什么。',
    ],
    [
      'withdrawn: no deadline',
      { status: 'withdrawn' },
      '现在的状态：已撤回。您已经撤回了这件事，不会再办理。',
    ],
    [
      'under review: no deadline',
      { status: 'under_review' },
      '现在的状态：差评核实中。您的评价已经收到，乡镇正在核实。',
    ],
    [
      'in progress without a due time',
      { dueAt: null },
      '现在的状态：办理中。办理人正在办理，办好以后会告诉您结果。',
    ],
  ])('%s', (_, change, rest) => {
    expect(requestAloud({ ...base, ...change }, now)).toBe(head + rest);
  });

  it('is not late at the very moment of the deadline', () => {
    expect(requestAloud({ ...base, status: 'submitted', acceptDueAt: now }, now)).toContain(
      '以前签收，12月10日星期四下午6点以前办结。',
    );
  });

  it('asks for a rating only while a resolved request may still be rated', () => {
    const until = at('2026-12-14T09:30:00');
    expect(requestAloud({ ...base, status: 'resolved', rateUntil: until }, now)).toContain(
      '请在12月14日星期一上午9点30分以前评价。',
    );
    expect(
      requestAloud({ ...base, status: 'resolved', rateUntil: at('2026-12-06T09:30:00') }, now),
    ).not.toContain('评价。');
    expect(requestAloud({ ...base, status: 'closed', rateUntil: until }, now)).not.toContain(
      '以前评价',
    );
  });

  it('names the category when there is no sub-topic', () => {
    expect(
      requestAloud({ ...base, category: 'suggestion', subTopic: null, status: 'closed' }, now),
    ).toMatch(/^您反映的发展建议，/);
  });
});

describe('requestDetailAloud', () => {
  it('reads a request as the API answers it, instants as ISO strings', () => {
    const now = at('2026-12-07T09:30:00');
    expect(
      requestDetailAloud(
        {
          status: 'in_progress',
          category: 'difficulty',
          subTopic: 'water',
          ownerName: '张建国',
          acceptDueAt: null,
          dueAt: '2026-12-10T10:00:00.000Z',
          rateUntil: null,
        },
        now,
      ),
    ).toBe(
      '您反映的饮水问题，办理人是张建国。现在的状态：办理中。' +
        '办理人正在办理，办好以后会告诉您结果。应该在12月10日星期四下午6点以前办结。',
    );
  });
});
