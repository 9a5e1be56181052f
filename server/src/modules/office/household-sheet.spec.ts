import ExcelJS from 'exceljs';
import {
  buildHouseholdTemplate,
  HOUSEHOLD_GUIDE_SHEET_NAME,
  HOUSEHOLD_SHEET_NAME,
  parseHouseholdSheet,
} from './household-sheet';
import { MAX_IMPORT_ROWS, type UnitResolver } from './import-sheet';

const HEADERS = [
  '所在村（社区）或网格',
  '村民小组',
  '门牌号',
  '户主姓名',
  '联系电话',
  '家庭人口',
  '特殊群体',
  '自定义标签',
  '结对干部',
  '结对方式',
];

const UNITS: Record<string, number> = { 东岭村: 7, '石桥镇/东岭村/第一网格': 9, 城东社区: 11 };
const resolveUnit: UnitResolver = (text) =>
  text === '石桥镇'
    ? { error: '联户要登记在村（社区）或网格下' }
    : UNITS[text] !== undefined
      ? { id: UNITS[text] }
      : { error: `没有找到单位“${text}”（或已撤销），请核对名称` };

type Cell = ExcelJS.CellValue;

const good = (over: Partial<Record<number, Cell>> = {}, houseNumber = '12号'): Cell[] => {
  const row: Cell[] = [
    '东岭村',
    '三组',
    houseNumber,
    '李桂兰',
    '13800138000',
    3,
    '低保、空巢老人',
    '独居',
    'wangjh01',
    '结亲',
  ];
  for (const [i, value] of Object.entries(over)) row[Number(i)] = value;
  return row;
};

async function load(file: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(
    file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer,
  );
  return wb;
}

const save = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());

/** The real template, with rows typed into 联户名单 the way a person (or Excel) would. */
async function filled(rows: Cell[][]): Promise<Buffer> {
  const wb = await load(await buildHouseholdTemplate());
  const sheet = wb.getWorksheet(HOUSEHOLD_SHEET_NAME)!;
  for (const row of rows) sheet.addRow(row);
  return save(wb);
}

async function plain(rows: Cell[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Sheet1');
  for (const row of rows) sheet.addRow(row);
  return save(wb);
}

const issuesOf = async (file: Buffer) => {
  const result = await parseHouseholdSheet(file, resolveUnit);
  if (result.ok) throw new Error(`expected issues, got ${JSON.stringify(result.rows)}`);
  return result.issues;
};

const rowsOf = async (file: Buffer) => {
  const result = await parseHouseholdSheet(file, resolveUnit);
  if (!result.ok) throw new Error(`expected rows, got ${JSON.stringify(result.issues)}`);
  return result.rows;
};

describe('the household import template', () => {
  it('has the 联户名单 sheet with the ten columns, and phone, number and account as text', async () => {
    const wb = await load(await buildHouseholdTemplate());
    expect(wb.worksheets.map((s) => s.name)).toEqual([
      HOUSEHOLD_SHEET_NAME,
      HOUSEHOLD_GUIDE_SHEET_NAME,
    ]);
    const sheet = wb.getWorksheet(HOUSEHOLD_SHEET_NAME)!;
    expect(sheet.rowCount).toBe(1);
    const header = sheet.getRow(1);
    expect(HEADERS.map((_, i) => header.getCell(i + 1).value)).toEqual(HEADERS);
    for (let i = 1; i <= HEADERS.length; i++) expect(header.getCell(i).font?.bold).toBe(true);
    const textColumns = HEADERS.flatMap((h, i) => (sheet.getColumn(i + 1).numFmt === '@' ? h : []));
    expect(textColumns).toEqual(['门牌号', '联系电话', '结对干部']);
  });

  it('explains every column in 填写说明, with one example row there', async () => {
    const wb = await load(await buildHouseholdTemplate());
    const guide = wb.getWorksheet(HOUSEHOLD_GUIDE_SHEET_NAME)!;
    const lines: string[] = [];
    guide.eachRow((row) => lines.push(row.values.toString()));
    const text = lines.join('\n');
    for (const h of HEADERS) expect(text).toContain(h);
    expect(text).toContain('低保、五保、空巢老人、留守儿童、重病重残、困难户');
    expect(text).toContain('结交、结友或结亲');
    expect(text).toContain('会解除原来的结对');
    const examples: string[][] = [];
    guide.eachRow((row) => {
      const values = HEADERS.map((_, i) => row.getCell(i + 1).value);
      if (values.every((x) => typeof x === 'string' && x !== '')) examples.push(values as string[]);
    });
    expect(examples).toEqual([HEADERS, expect.arrayContaining(['12号', '低保、空巢老人', '结亲'])]);
  });

  it('as downloaded, imports nothing: the example is not a household', async () => {
    expect(await issuesOf(await buildHouseholdTemplate())).toEqual([
      { field: 'rows', message: '表格里没有联户，请在「联户名单」里每户填一行' },
    ]);
  });
});

describe('reading a filled-in household sheet', () => {
  it('gives every row: unit resolved, address normalised, tags as codes, the link', async () => {
    const rows = await rowsOf(
      await filled([
        good(),
        good(
          {
            0: '城东社区',
            1: '',
            3: '王五',
            4: '',
            5: '1人',
            6: '五保，困难户',
            7: '行动不便, 低保',
            8: '',
            9: '',
          },
          '5栋２单元301',
        ),
        good({ 0: '石桥镇/东岭村/第一网格', 4: 13900139000, 9: 'befriend' }, 'a-1'),
      ]),
    );
    expect(rows).toEqual([
      {
        row: 2,
        unitId: 7,
        groupName: '三组',
        houseNumber: '12号',
        headName: '李桂兰',
        phone: '13800138000',
        memberCount: 3,
        specialGroups: ['subsistence', 'empty_nest'],
        freeTags: ['独居'],
        cadreUsername: 'wangjh01',
        pairing: 'kin',
      },
      {
        row: 3,
        unitId: 11,
        groupName: '',
        houseNumber: '5栋2单元301',
        headName: '王五',
        phone: '',
        memberCount: 1,
        specialGroups: ['five_guarantees', 'hardship', 'subsistence'],
        freeTags: ['行动不便'],
        cadreUsername: null,
        pairing: null,
      },
      expect.objectContaining({
        row: 4,
        unitId: 9,
        houseNumber: 'A-1',
        phone: '13900139000',
        pairing: 'befriend',
      }),
    ]);
  });

  it('finds the header below a title and under other names, in any order', async () => {
    const headers = ['户主', '门牌号', '所属单位', '家庭人口', '村民小组'];
    const rest = ['联系电话', '特殊群体', '自定义标签', '结对干部', '结对方式'];
    const rows = await rowsOf(
      await plain([
        ['东岭村联户名单（2027年）'],
        [...headers, ...rest],
        ['赵大山', '1号', '东岭村', 4, '一组', '', '', '', '', ''],
        [],
        ['钱小河', '2号', '东岭村', 2, '一组'],
      ]),
    );
    expect(rows.map((r) => [r.row, r.headName, r.houseNumber, r.memberCount])).toEqual([
      [3, '赵大山', '1号', 4],
      [5, '钱小河', '2号', 2],
    ]);
  });
});

describe('what is wrong with a household sheet, every problem at once', () => {
  it('names every wrong cell by row and column, in Chinese', async () => {
    const issues = await issuesOf(
      await filled([
        good({ 0: '石桥镇', 4: '1380013800' }, '1号'),
        good({ 0: '', 3: '', 5: '三口', 6: '低保、贫困' }, '2号'),
        good({ 5: 0, 7: '一二三四五六七八九' }, ''),
        good({ 5: 2.5, 8: '', 9: '结亲' }, '4号'),
        good({ 7: 'a、b、c、d、e、f', 8: 'wangjh01', 9: '' }, '5号'),
        good({ 8: '王建华', 9: '结对' }, '6号'),
        good({ 1: new Date('2027-01-04T00:00:00Z'), 5: 31 }, '7号'),
      ]),
    );
    expect(issues).toEqual([
      {
        field: 'rows.2.unitId',
        message: '第2行「所在村（社区）或网格」：联户要登记在村（社区）或网格下',
      },
      { field: 'rows.2.phone', message: '第2行「联系电话」：手机号格式不对，请输入11位手机号' },
      {
        field: 'rows.3.unitId',
        message: '第3行「所在村（社区）或网格」：请填写所在的村（社区）或网格',
      },
      { field: 'rows.3.headName', message: '第3行「户主姓名」：请填写户主姓名' },
      {
        field: 'rows.3.memberCount',
        message: '第3行「家庭人口」：家庭人口要填数字，例如 3，现在是“三口”',
      },
      {
        field: 'rows.3.specialGroups',
        message:
          '第3行「特殊群体」：“贫困”不是特殊群体，只能填低保、五保、空巢老人、留守儿童、重病重残、困难户；其他情况请写在「自定义标签」里',
      },
      { field: 'rows.4.houseNumber', message: '第4行「门牌号」：请填写门牌号' },
      { field: 'rows.4.memberCount', message: '第4行「家庭人口」：家庭人口至少1人' },
      { field: 'rows.4.freeTags', message: '第4行「自定义标签」：每个标签1到8个字' },
      { field: 'rows.5.memberCount', message: '第5行「家庭人口」：家庭人口应为整数' },
      {
        field: 'rows.5.cadreUsername',
        message: '第5行「结对干部」：填了结对方式，还要填结对干部的登录账号',
      },
      { field: 'rows.6.freeTags', message: '第6行「自定义标签」：自定义标签最多5个' },
      {
        field: 'rows.6.pairing',
        message: '第6行「结对方式」：填了结对干部，还要填结对方式：结交、结友或结亲',
      },
      {
        field: 'rows.7.cadreUsername',
        message: '第7行「结对干部」：登录账号为4到32位字母、数字或 _ . -',
      },
      { field: 'rows.7.pairing', message: '第7行「结对方式」：结对方式只能填结交、结友或结亲' },
      {
        field: 'rows.8.groupName',
        message: '第8行「村民小组」：应填写文字，不能是日期，请把这一格设为“文本”格式后重新填写',
      },
      { field: 'rows.8.memberCount', message: '第8行「家庭人口」：家庭人口最多30人' },
    ]);
  });

  it('names every row of an address given twice, however it is typed', async () => {
    const issues = await issuesOf(
      await filled([
        good({}, '12号'),
        good({ 1: '四组' }, '12号'),
        good({ 1: ' 三组 ', 3: '张三' }, '１２号'),
        good({ 0: '石桥镇/东岭村/第一网格' }, '12号'),
        good({ 3: '李四' }, '12号'),
      ]),
    );
    expect(issues).toEqual([
      {
        field: 'rows.2.houseNumber',
        message:
          '第2行「门牌号」：和第4行、第6行是同一户（村、村民小组、门牌号都相同），每户只填一行',
      },
      {
        field: 'rows.4.houseNumber',
        message:
          '第4行「门牌号」：和第2行、第6行是同一户（村、村民小组、门牌号都相同），每户只填一行',
      },
      {
        field: 'rows.6.houseNumber',
        message:
          '第6行「门牌号」：和第2行、第4行是同一户（村、村民小组、门牌号都相同），每户只填一行',
      },
    ]);
  });

  it('names each missing column', async () => {
    expect(await issuesOf(await plain([HEADERS.filter((h) => h !== '结对方式')]))).toEqual([
      { field: 'columns.pairing', message: '表格缺少「结对方式」这一列，请使用导入模板' },
    ]);
  });

  it(`refuses more than ${MAX_IMPORT_ROWS} rows`, async () => {
    const rows = Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => good({}, `${i + 1}号`));
    expect(await issuesOf(await plain([HEADERS, ...rows]))).toEqual([
      {
        field: 'rows',
        message: `表格里有${MAX_IMPORT_ROWS + 1}行联户，一次最多导入${MAX_IMPORT_ROWS}行，请分成几个文件导入`,
      },
    ]);
    expect(await rowsOf(await plain([HEADERS, ...rows.slice(1)]))).toHaveLength(MAX_IMPORT_ROWS);
  });

  it('refuses a file that is not an .xlsx', async () => {
    expect(await issuesOf(Buffer.from('门牌号,户主姓名\n1号,王五\n'))).toEqual([
      { field: 'file', message: '文件不是有效的 Excel（.xlsx）文件' },
    ]);
  });
});
