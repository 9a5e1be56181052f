import {
  excelLocalDate,
  fileNames,
  LEDGER_COLUMNS,
  type LedgerEntry,
  ledgerRow,
  maskName,
  neutralizeFormula,
  ratingText,
} from './ledger-sheet';

describe('neutralizeFormula', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['=HYPERLINK("http://evil.example","点我")', '\'=HYPERLINK("http://evil.example","点我")'],
    ['+8613800138000', "'+8613800138000"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ["'=1+1", "'=1+1"],
  ])('%j → %j', (input, expected) => {
    expect(neutralizeFormula(input)).toBe(expected);
  });

  it.each([
    '村东头自来水停了三天了',
    'MQ-20261121-0042',
    '138****5678',
    '1+1=2',
    ' =1+1 前面有空格',
    '＝1+1',
    '',
  ])('leaves %j alone', (input) => {
    expect(neutralizeFormula(input)).toBe(input);
  });
});

describe('a ledger row', () => {
  const entry: LedgerEntry = {
    number: 'MQ-20261207-0001',
    submittedAt: new Date('2026-12-07T01:05:00Z'),
    channel: 'card_scan',
    category: 'difficulty',
    subTopic: 'water',
    text: '=1+1 村东头自来水停了三天了',
    requesterName: '王秀英',
    contactPhoneMasked: '138****5678',
    firstContactName: '李建国',
    ownerName: '张伟',
    level: 'village',
    dueAt: new Date('2026-12-10T10:00:00Z'),
    status: 'closed',
    resolvedAt: new Date('2026-12-08T16:30:00Z'),
    resolutionOutcome: 'solved',
    resolutionNote: '-已联系供水站修好',
    rating: { kind: 'level', level: 4 },
  };

  it('has a cell per column, labels in Chinese, local times and every text neutralised', () => {
    const row = ledgerRow(entry);
    expect(row).toHaveLength(LEDGER_COLUMNS.length);
    expect(row).toEqual([
      'MQ-20261207-0001',
      new Date('2026-12-07T09:05:00Z'),
      '扫码反映',
      '实际困难',
      '饮水',
      "'=1+1 村东头自来水停了三天了",
      '王*',
      '138****5678',
      '李建国',
      '张伟',
      '村级',
      new Date('2026-12-10T18:00:00Z'),
      '已关闭',
      new Date('2026-12-09T00:30:00Z'),
      '已解决：-已联系供水站修好',
      '满意',
    ]);
  });

  it('leaves what is not there empty', () => {
    const row = ledgerRow({
      ...entry,
      subTopic: null,
      contactPhoneMasked: null,
      firstContactName: null,
      dueAt: null,
      status: 'submitted',
      resolvedAt: null,
      resolutionOutcome: null,
      resolutionNote: null,
      rating: { kind: 'none' },
    });
    expect([row[4], row[7], row[8], row[11], row[12], row[13], row[14], row[15]]).toEqual([
      '',
      '',
      '',
      null,
      '待签收',
      null,
      '',
      '未评价',
    ]);
  });

  it('neutralises names too: a name is typed by a person', () => {
    const row = ledgerRow({ ...entry, ownerName: '=cmd', firstContactName: '@x' });
    expect([row[8], row[9]]).toEqual(["'@x", "'=cmd"]);
  });

  it('says 不计入 for an unfounded rating and 已评价 where the reader may not know the level', () => {
    expect(ratingText({ kind: 'excluded' })).toBe('不计入');
    expect(ratingText({ kind: 'hidden' })).toBe('已评价');
    expect(ratingText({ kind: 'none' })).toBe('未评价');
    expect([5, 4, 3, 2, 1].map((level) => ratingText({ kind: 'level', level }))).toEqual([
      '非常满意',
      '满意',
      '基本满意',
      '不满意',
      '非常不满意',
    ]);
  });
});

describe('helpers', () => {
  it('masks a name to its first character', () => {
    expect(maskName('王秀英')).toBe('王*');
    expect(maskName('群众5678')).toBe('群*');
    expect(maskName('𠀋一')).toBe('𠀋*');
    expect(maskName('  ')).toBe('');
  });

  it('writes an instant as the Excel date of its Shanghai wall-clock time', () => {
    expect(excelLocalDate(new Date('2026-12-31T16:00:00Z'))).toEqual(
      new Date('2027-01-01T00:00:00Z'),
    );
  });

  it('names the file after the period, up to today without an end date', () => {
    expect(fileNames({ from: '2026-11-01', to: '2026-11-30' }, '2026-12-09')).toEqual({
      name: '民情台账-2026-11-01-2026-11-30.xlsx',
      asciiName: 'ledger-2026-11-01-2026-11-30.xlsx',
    });
    expect(fileNames({ from: '2026-11-01' }, '2026-12-09').name).toBe(
      '民情台账-2026-11-01-2026-12-09.xlsx',
    );
    expect(fileNames({}, '2026-12-09')).toEqual({
      name: '民情台账-截至2026-12-09.xlsx',
      asciiName: 'ledger-until-2026-12-09.xlsx',
    });
  });
});
