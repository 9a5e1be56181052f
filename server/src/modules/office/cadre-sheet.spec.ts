import ExcelJS from 'exceljs';
import {
  buildCadreTemplate,
  CADRE_GUIDE_SHEET_NAME,
  CADRE_SHEET_NAME,
  parseCadreSheet,
} from './cadre-sheet';
import {
  cellText,
  declaredUnzippedBytes,
  MAX_IMPORT_ROWS,
  MAX_UNZIPPED_BYTES,
  type UnitResolver,
} from './import-sheet';

const HEADERS = ['所属单位', '姓名', '职务', '手机号', '职责', '一线工作日', '登录账号'];

const UNITS: Record<string, number> = { 东岭村: 7, '石桥镇/东岭村/第一网格': 9 };
const resolveUnit: UnitResolver = (text) =>
  UNITS[text] !== undefined ? { id: UNITS[text] } : { error: `没有找到单位“${text}”，请核对名称` };

type Cell = ExcelJS.CellValue;

const good = (over: Partial<Record<number, Cell>> = {}, username = 'wangjh01'): Cell[] => {
  const row: Cell[] = [
    '东岭村',
    '王建华',
    '网格员',
    '13800138000',
    '走访联系群众',
    '每周一、周四',
    username,
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

/** The real template, with rows typed into 干部名单 the way a person (or Excel) would. */
async function filled(rows: Cell[][]): Promise<Buffer> {
  const wb = await load(await buildCadreTemplate());
  const sheet = wb.getWorksheet(CADRE_SHEET_NAME)!;
  for (const row of rows) sheet.addRow(row);
  return save(wb);
}

/** A workbook made from scratch: any header, any rows. */
async function plain(rows: Cell[][], name = 'Sheet1'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet(name);
  for (const row of rows) sheet.addRow(row);
  return save(wb);
}

const issuesOf = async (file: Buffer) => {
  const result = await parseCadreSheet(file, resolveUnit);
  if (result.ok) throw new Error(`expected issues, got ${JSON.stringify(result.rows)}`);
  return result.issues;
};

const rowsOf = async (file: Buffer) => {
  const result = await parseCadreSheet(file, resolveUnit);
  if (!result.ok) throw new Error(`expected rows, got ${JSON.stringify(result.issues)}`);
  return result.rows;
};

describe('the cadre import template', () => {
  it('has the 干部名单 sheet with the seven columns, bold and sized, and the phone as text', async () => {
    const wb = await load(await buildCadreTemplate());
    expect(wb.worksheets.map((s) => s.name)).toEqual([CADRE_SHEET_NAME, CADRE_GUIDE_SHEET_NAME]);
    const sheet = wb.getWorksheet(CADRE_SHEET_NAME)!;
    expect(sheet.rowCount).toBe(1);
    const header = sheet.getRow(1);
    expect(HEADERS.map((_, i) => header.getCell(i + 1).value)).toEqual(HEADERS);
    for (let i = 1; i <= HEADERS.length; i++) {
      expect(header.getCell(i).font?.bold).toBe(true);
      expect(sheet.getColumn(i).width).toBeGreaterThanOrEqual(10);
    }
    expect(sheet.getColumn(4).numFmt).toBe('@');
    expect(sheet.getColumn(7).numFmt).toBe('@');
  });

  it('explains every column in 填写说明, with one example row there and none on the data sheet', async () => {
    const wb = await load(await buildCadreTemplate());
    const guide = wb.getWorksheet(CADRE_GUIDE_SHEET_NAME)!;
    const lines: string[] = [];
    guide.eachRow((row) => lines.push(row.values.toString()));
    const text = lines.join('\n');
    for (const h of HEADERS) expect(text).toContain(h);
    expect(text).toContain('石桥镇/东岭村/第一网格');
    expect(text).toContain('4到32位');
    expect(text).toContain('11位手机号');
    const examples: string[][] = [];
    guide.eachRow((row) => {
      const values = HEADERS.map((_, i) => row.getCell(i + 1).value);
      if (values.every((x) => typeof x === 'string' && x !== '')) examples.push(values as string[]);
    });
    expect(examples).toEqual([HEADERS, expect.arrayContaining(['13800138000', 'wangjianhua01'])]);
  });

  it('as downloaded, imports nothing: the example is not a cadre', async () => {
    expect(await issuesOf(await buildCadreTemplate())).toEqual([
      { field: 'rows', message: '表格里没有干部，请在「干部名单」里每位干部填一行' },
    ]);
  });
});

describe('reading a filled-in sheet', () => {
  it('gives every row with its Excel row number and its unit resolved', async () => {
    const rows = await rowsOf(
      await filled([
        good(),
        good({ 0: '石桥镇/东岭村/第一网格', 1: '李秀英', 3: '139 0013 9000' }, 'lixy02'),
      ]),
    );
    expect(rows).toEqual([
      {
        row: 2,
        unitId: 7,
        name: '王建华',
        post: '网格员',
        phone: '13800138000',
        duties: '走访联系群众',
        dutyDays: '每周一、周四',
        username: 'wangjh01',
      },
      expect.objectContaining({ row: 3, unitId: 9, name: '李秀英', phone: '13900139000' }),
    ]);
  });

  it('reads phones and accounts typed as numbers without a decimal point or an exponent', async () => {
    const rows = await rowsOf(await filled([good({ 3: 13800138000, 6: 20260001 })]));
    expect(rows[0]).toMatchObject({ phone: '13800138000', username: '20260001' });
    expect(cellText(13800138000)).toEqual({ text: '13800138000' });
    expect(cellText(1e20)).toEqual({ text: '100000000000000000000' });
  });

  it('reads rich text, links and the results of formulas', async () => {
    const rows = await rowsOf(
      await filled([
        good({
          1: { richText: [{ text: '王' }, { text: '建华', font: { bold: true } }] },
          3: { formula: '"138"&"00138000"', result: '13800138000' },
          6: { text: 'wangjh01', hyperlink: 'mailto:wangjh01@example.com' },
        }),
      ]),
    );
    expect(rows[0]).toMatchObject({ name: '王建华', phone: '13800138000', username: 'wangjh01' });
  });

  it('finds the header anywhere in the first rows, in any order, and skips empty rows', async () => {
    const order = [6, 1, 0, 3, 2, 5, 4];
    const rows = await rowsOf(
      await plain([
        ['石桥镇干部名单（2027年1月）'],
        order.map((i) => (i === 3 ? '手机号*' : i === 0 ? '所属单位（必填）' : HEADERS[i]!)),
        order.map((i) => good()[i]!),
        [],
        ['', '  ', null],
        order.map((i) => good({ 3: '13900139000' }, 'second02')[i]!),
      ]),
    );
    expect(rows.map((r) => [r.row, r.username])).toEqual([
      [3, 'wangjh01'],
      [6, 'second02'],
    ]);
  });

  it('reads the sheet named 干部名单 even when it is not the first', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('说明').addRow(['随便写点什么']);
    const sheet = wb.addWorksheet(CADRE_SHEET_NAME);
    sheet.addRow(HEADERS);
    sheet.addRow(good());
    expect(await rowsOf(await save(wb))).toHaveLength(1);
  });
});

describe('what is wrong with a sheet, every problem at once', () => {
  it('refuses what is not an .xlsx file', async () => {
    const notExcel = [
      Buffer.from('所属单位,姓名\n东岭村,王建华\n'),
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
      Buffer.alloc(0),
    ];
    for (const file of notExcel) {
      expect(await issuesOf(file)).toEqual([
        { field: 'file', message: '文件不是有效的 Excel（.xlsx）文件' },
      ]);
    }
  });

  it('refuses a file that would unpack to far more than any list of cadres', async () => {
    const file = await filled([good()]);
    const declared = declaredUnzippedBytes(file)!;
    expect(declared).toBeGreaterThan(1000);
    expect(declared).toBeLessThan(MAX_UNZIPPED_BYTES);
    // The sheet's entry in the central directory (at the end of the zip, after its local header)
    // claims 60 MB, as a compression bomb's would.
    const name = file.lastIndexOf(Buffer.from('xl/worksheets/sheet1.xml'));
    expect(file.readUInt32LE(name - 46)).toBe(0x02014b50);
    file.writeUInt32LE(60 * 1024 * 1024, name - 46 + 24);
    expect(await issuesOf(file)).toEqual([
      { field: 'file', message: '文件里的内容太多了，请只保留「干部名单」一张表后重新上传' },
    ]);
  });

  it('names each missing column, or says the header is not there at all', async () => {
    expect(
      await issuesOf(await plain([HEADERS.filter((h) => h !== '手机号' && h !== '职责')])),
    ).toEqual([
      { field: 'columns.phone', message: '表格缺少「手机号」这一列，请使用导入模板' },
      { field: 'columns.duties', message: '表格缺少「职责」这一列，请使用导入模板' },
    ]);
    expect(
      await issuesOf(
        await plain([
          ['序号', '名字'],
          [1, '王建华'],
        ]),
      ),
    ).toEqual([
      {
        field: 'columns',
        message:
          '没有找到表头，请使用导入模板，第1行依次是：所属单位、姓名、职务、手机号、职责、一线工作日、登录账号',
      },
    ]);
  });

  it('says so when there is no cadre in it', async () => {
    expect(await issuesOf(await plain([HEADERS, [], ['', '']]))).toEqual([
      { field: 'rows', message: '表格里没有干部，请在「干部名单」里每位干部填一行' },
    ]);
  });

  it(`refuses more than ${MAX_IMPORT_ROWS} rows`, async () => {
    const rows = Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) =>
      good({ 3: `138${String(i).padStart(8, '0')}` }, `user${i}`),
    );
    expect(await issuesOf(await plain([HEADERS, ...rows]))).toEqual([
      {
        field: 'rows',
        message: `表格里有${MAX_IMPORT_ROWS + 1}行干部，一次最多导入${MAX_IMPORT_ROWS}行，请分成几个文件导入`,
      },
    ]);
    expect(await rowsOf(await plain([HEADERS, ...rows.slice(1)]))).toHaveLength(MAX_IMPORT_ROWS);
  });

  it('names every wrong cell by row and column, with the form’s own messages', async () => {
    const issues = await issuesOf(
      await filled([
        good({ 3: '1380013800' }),
        good({ 0: '西岭村', 1: '', 6: 'ab' }, 'ab'),
        good({ 0: '', 4: '走', 5: new Date('2027-01-04T00:00:00Z') }, 'third003'),
        good({ 2: { error: '#N/A' }, 3: { formula: 'A1', result: undefined } }, 'fourth04'),
        good({ 1: true }, 'fifth005'),
      ]),
    );
    expect(issues).toEqual([
      { field: 'rows.2.phone', message: '第2行「手机号」：手机号格式不对，请输入11位手机号' },
      { field: 'rows.3.unitId', message: '第3行「所属单位」：没有找到单位“西岭村”，请核对名称' },
      { field: 'rows.3.name', message: '第3行「姓名」：请填写姓名' },
      {
        field: 'rows.3.username',
        message: '第3行「登录账号」：登录账号为4到32位字母、数字或 _ . -',
      },
      { field: 'rows.4.unitId', message: '第4行「所属单位」：请填写所属单位' },
      { field: 'rows.4.duties', message: '第4行「职责」：职责至少要2个字，现在只有1个字' },
      {
        field: 'rows.4.dutyDays',
        message: '第4行「一线工作日」：应填写文字，不能是日期，请把这一格设为“文本”格式后重新填写',
      },
      { field: 'rows.5.post', message: '第5行「职务」：这一格是错误值 #N/A，请改成文字' },
      { field: 'rows.5.phone', message: '第5行「手机号」：公式没有计算结果，请把这一格改成文字' },
      { field: 'rows.6.name', message: '第6行「姓名」：应填写文字，不能是“是/否”（TRUE/FALSE）' },
    ]);
  });

  it('names both rows when an account or a phone appears twice', async () => {
    const issues = await issuesOf(
      await filled([
        good({}, 'WangJH01'),
        good({ 3: '13900139000' }, 'other001'),
        good({ 3: '13900139000' }, 'wangjh01'),
        good({ 3: '+86 139-0013-9000' }, 'third003'),
      ]),
    );
    expect(issues).toEqual([
      {
        field: 'rows.2.username',
        message: '第2行「登录账号」：WangJH01 和第4行重复了，每位干部要不同',
      },
      {
        field: 'rows.3.phone',
        message: '第3行「手机号」：13900139000 和第4行、第5行重复了，每位干部要不同',
      },
      {
        field: 'rows.4.phone',
        message: '第4行「手机号」：13900139000 和第3行、第5行重复了，每位干部要不同',
      },
      {
        field: 'rows.4.username',
        message: '第4行「登录账号」：wangjh01 和第2行重复了，每位干部要不同',
      },
      {
        field: 'rows.5.phone',
        message: '第5行「手机号」：13900139000 和第3行、第4行重复了，每位干部要不同',
      },
    ]);
  });
});
