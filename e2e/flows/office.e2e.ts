import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import jsQR from 'jsqr';
import type { Browser, Download, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { randomPhone } from '../api';
import {
  launchBrowser,
  newPage,
  phonePage,
  type Product,
  SCREENSHOT_DIR,
  shot,
  startProduct,
} from '../harness';
import { field, pageText, samplePng, see, shown } from '../pages';

/** Where the files the pages hand over (template, PDF sheet, ledger) are kept with the screenshots. */
const DOWNLOAD_DIR = path.join(SCREENSHOT_DIR, '..', 'downloads');

const TOWNSHIP = '石桥镇';
const VILLAGE = '东岭村';
const HOTLINE = { name: '便民服务中心', phone: '0571-88000001' };
/** Made with the form. */
const FIRST = {
  name: '张建国',
  post: '村党支部书记',
  phone: '13900001111',
  duties: '负责东岭村一组、二组的民情走访、政策宣传和矛盾调解',
  dutyDays: '每周一、周四在村委会',
  username: 'zhang.jg',
};
/** Made by the Excel import; takes over from the first. */
const SECOND = {
  name: '李秀英',
  post: '网格员',
  phone: '13900002222',
  duties: '负责东岭村三组、四组的民情走访和安全隐患巡查',
  dutyDays: '每周二、周五',
  username: 'li.xy',
};

/**
 * Where a card sits on a page of the A4 sheet, in points (server/src/modules/print/card-sheet.ts
 * `cardCell`, fronts only): 2 × 4 cards of 85.6 × 54 mm, 8 mm apart, centred on the page.
 */
function frontCell(slot: number) {
  const mm = 72 / 25.4;
  const page = { width: 595.28, height: 841.89 };
  const card = { width: 85.6 * mm, height: 54 * mm };
  const gap = 8 * mm;
  const left = (page.width - (2 * card.width + gap)) / 2;
  const top = (page.height - (4 * card.height + 3 * gap)) / 2;
  return {
    x: left + (slot % 2) * (card.width + gap),
    y: top + Math.floor(slot / 2) * (card.height + gap),
    ...card,
  };
}

/** The QR code printed in each of the first `count` cards of a PNG of a front page. */
function decodeCards(png: Buffer, dpi: number, count: number): (string | null)[] {
  const image = PNG.sync.read(png);
  const px = (pt: number) => Math.round((pt * dpi) / 72);
  return Array.from({ length: count }, (_, slot) => {
    const cell = frontCell(slot);
    const [left, top, width, height] = [px(cell.x), px(cell.y), px(cell.width), px(cell.height)];
    const crop = new Uint8ClampedArray(width * height * 4);
    for (let row = 0; row < height; row++) {
      const from = ((top + row) * image.width + left) * 4;
      crop.set(image.data.subarray(from, from + width * 4), row * width * 4);
    }
    return jsQR(crop, width, height)?.data ?? null;
  });
}

/** Clicks what starts a download and keeps the file under .artifacts/downloads. */
async function downloadBy(page: Page, click: () => Promise<void>, name: string) {
  const started = page.waitForEvent('download', { timeout: 30000 });
  await click();
  const download: Download = await started;
  fs.mkdirSync(DOWNLOAD_DIR, { recursive: true });
  const file = path.join(DOWNLOAD_DIR, name);
  await download.saveAs(file);
  return { file, suggested: download.suggestedFilename() };
}

/** The row of an unfolded UnitChooser's tree with this name, inside `scope`. */
const chooseUnit = async (scope: ReturnType<typeof shown>, name: string) => {
  await scope.locator('.office-units-chooser__current').first().click();
  await scope.locator('.office-units-chooser__option', { hasText: name }).first().click();
};

/**
 * The township office's acceptance flow, every step a person does in the pages: a county admin
 * on a fresh product changes the initial password, builds 石桥镇 / 东岭村, adds a cadre by hand and
 * one by Excel, issues and prints their cards (the QR codes read back from the PDF), a resident
 * reports through the printed card, the post passes to the second cadre (事随人转) so the old card
 * leads to the successor, and the 民情台账 names the successor.
 */
describe('the township office in a real browser', () => {
  let product: Product;
  let browser: Browser;
  let admin: Page;
  let resident: Page;
  let newPassword: string;
  const cadreIds: number[] = [];
  const cardCodes: string[] = [];
  let cardUrls: string[];
  let number: string;
  const residentPhone = randomPhone();

  beforeAll(async () => {
    product = await startProduct({}, 'empty');
    browser = await launchBrowser();
    admin = await newPage(browser, { viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    resident = await phonePage(browser);
  });
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  /** A section of the 管理后台 from the bar at the top of every office page. */
  const openSection = async (label: string, title: string) => {
    await shown(admin).locator('.office-nav__link', { hasText: label }).click();
    await see(shown(admin).locator('.office-page__title', { hasText: title })).toBeVisible();
  };

  it('the admin signs in with the initial password, must change it, and lands on 管理后台', async () => {
    const { username, initialPassword, county } = product.admin!;
    expect(county).toBe('青山县');
    await admin.goto(`${product.baseUrl}/work/sign-in`);
    await field(shown(admin), '请输入账号').fill(username);
    await field(shown(admin), '请输入密码').fill(initialPassword);
    await shown(admin).getByText('登录', { exact: true }).click();

    await admin.waitForURL(/\/work\/password/);
    const form = shown(admin);
    await see(form.getByText('您现在用的是单位发的初始密码', { exact: false })).toBeVisible();
    await shot(admin, 'o01-password-forced');
    newPassword = `Qs${Date.now().toString(36)}x9`;
    await field(form, '单位发给您的初始密码').fill(initialPassword);
    await field(form, '至少8位，字母和数字都要有').fill(newPassword);
    await field(form, '和上面的新密码一样').fill(newPassword);
    await form.getByText('确定修改').click();

    await admin.waitForURL(/\/office$/);
    const home = shown(admin);
    await see(home.locator('.office-page__title', { hasText: '管理后台' })).toBeVisible();
    await see(home.getByText('管辖范围：青山县', { exact: false })).toBeVisible();
    for (const tile of ['组织架构', '干部', '打印联系卡', '民情台账', '操作日志']) {
      await see(home.locator('.office-home__tile-title', { hasText: `${tile} ›` })).toBeVisible();
    }
    await shot(admin, 'o02-office-home');
  });

  it('组织架构: a township with its 服务热线, and a village under it', async () => {
    await shown(admin).locator('.office-home__tile', { hasText: '组织架构' }).click();
    const tree = shown(admin);
    const county = tree.locator('.units-tree__unit', { hasText: '青山县' }).first();
    await see(county).toBeVisible();

    await county.getByText('添加乡镇（街道）').click();
    await field(county, '例如：石桥镇').fill(TOWNSHIP);
    await county.getByText('添加', { exact: true }).click();
    await see(tree.getByText(`已在青山县下添加乡镇（街道）：${TOWNSHIP}`)).toBeVisible();

    const township = tree.locator('.units-tree__unit', { hasText: TOWNSHIP });
    await township.getByText('改名、服务热线').click();
    await township.getByText('＋ 添加一条热线').click();
    await field(township, '例如：镇卫生院').fill(HOTLINE.name);
    await field(township, '例如：0371-12345').fill(HOTLINE.phone);
    await township.getByText('保存', { exact: true }).click();
    await see(tree.getByText(`已保存：${TOWNSHIP}`)).toBeVisible();
    await see(township.getByText('服务热线1条', { exact: false })).toBeVisible();

    await township.getByText('添加村（社区）').click();
    await field(township, '例如：前进村').fill(VILLAGE);
    await township.getByText('添加', { exact: true }).click();
    await see(tree.getByText(`已在${TOWNSHIP}下添加村（社区）：${VILLAGE}`)).toBeVisible();
    const village = tree.locator('.units-tree__unit', { hasText: VILLAGE });
    await see(village.getByText('村（社区） · 在岗干部0人')).toBeVisible();
    await shot(admin, 'o03-units');
  });

  it('干部: one by the form (its initial password shown once), one by the Excel import', async () => {
    await openSection('干部', '干部');
    const list = shown(admin);
    await list.getByText('＋ 新增干部').first().click();
    const form = list.locator('.new-cadre');
    await chooseUnit(form, VILLAGE);
    await field(form, '例如：张建国').fill(FIRST.name);
    await field(form, '例如：网格员、包村干部、驻村第一书记').fill(FIRST.post);
    await field(form, '11位手机号，印在联系卡上').fill(FIRST.phone);
    await field(form, '例如：每周一、周四在村委会').fill(FIRST.dutyDays);
    await field(form, '例如：负责红星村三组、四组的民情走访和矛盾调解').fill(FIRST.duties);
    await field(form, '4到32位字母、数字或 _ . -，例如 zhang.jg').fill(FIRST.username);
    await form.getByText('保存，生成初始密码').click();

    const secret = list.locator('.office-secret');
    await see(
      secret.getByText(`已新增干部 ${FIRST.name}（${VILLAGE} · ${FIRST.post}）`, { exact: false }),
    ).toBeVisible();
    await see(secret.getByText(`登录账号 ${FIRST.username}`, { exact: false })).toBeVisible();
    const initial = (await secret.locator('.office-secret__password').innerText()).trim();
    expect(initial.length).toBeGreaterThanOrEqual(8);
    await shot(admin, 'o04-cadre-created');

    // The template from the page, filled in as a township would in Excel, uploaded on the page.
    await list.getByText('导入 Excel').click();
    const panel = list.locator('.import-panel');
    const template = await downloadBy(
      admin,
      () => panel.getByText('下载导入模板').click(),
      'cadre-template.xlsx',
    );
    expect(template.suggested).toBe('干部导入模板.xlsx');
    await see(panel.getByText('干部导入模板.xlsx', { exact: false })).toBeVisible();
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(template.file);
    const sheet = book.getWorksheet('干部名单')!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual([
      '所属单位',
      '姓名',
      '职务',
      '手机号',
      '职责',
      '一线工作日',
      '登录账号',
    ]);
    sheet.getRow(2).values = [
      `${TOWNSHIP}/${VILLAGE}`,
      SECOND.name,
      SECOND.post,
      SECOND.phone,
      SECOND.duties,
      SECOND.dutyDays,
      SECOND.username,
    ];
    const filled = path.join(DOWNLOAD_DIR, 'cadre-import-filled.xlsx');
    await book.xlsx.writeFile(filled);

    const chooser = admin.waitForEvent('filechooser');
    await panel.getByText('选择文件（.xlsx）').click();
    await (await chooser).setFiles(filled);
    await see(panel.getByText('已选：cadre-import-filled.xlsx', { exact: false })).toBeVisible();
    await panel.getByText('上传并导入').click();
    await see(panel.getByText('✓ 导入完成：新增1位，更新0位，没有变化0位。')).toBeVisible();
    await see(
      panel.getByText(`${SECOND.name} · 登录账号 ${SECOND.username}`, { exact: false }),
    ).toBeVisible();
    await see(list.getByText('共2位，点一行打开干部的页面')).toBeVisible();
    await shot(admin, 'o05-cadre-import-result');
  });

  it('签发新卡 on each cadre’s page', async () => {
    for (const [i, cadre] of [FIRST, SECOND].entries()) {
      await shown(admin).locator('.office-table__row', { hasText: cadre.name }).click();
      await admin.waitForURL(/\/office\/cadre\?id=\d+/);
      cadreIds.push(Number(new URL(admin.url()).searchParams.get('id')));
      const page = shown(admin);
      await see(page.locator('.cadre-page__name', { hasText: cadre.name })).toBeVisible();
      await see(page.getByText('还没有联系卡', { exact: false })).toBeVisible();
      if (i === 0) {
        // The portrait residents see on the card, chosen from the album as a phone would.
        await see(page.getByText('还没有照片')).toBeVisible();
        const chooser = admin.waitForEvent('filechooser');
        await page.getByText('上传照片', { exact: true }).click();
        await (
          await chooser
        ).setFiles({ name: 'zhang.png', mimeType: 'image/png', buffer: samplePng(120, 160) });
        await see(page.getByText('✓ 已上传照片，扫卡马上看到')).toBeVisible();
        await see(page.getByAltText(`${cadre.name}的照片`)).toBeVisible();
      }
      await page.getByText('签发新卡', { exact: true }).click();
      const done = page.getByText(/已签发新卡 \S+，可以打印了/);
      await done.waitFor();
      const code = /已签发新卡 (\S+)，/.exec(await done.innerText())![1]!;
      cardCodes.push(code);
      const row = page.locator('.office-table__row', { hasText: code });
      await see(row.getByText('● 在用')).toBeVisible();
      await shot(admin, `o0${6 + i}-cadre-card-${i + 1}`);
      await admin.goBack();
      await see(shown(admin).locator('.office-page__title', { hasText: '干部' })).toBeVisible();
    }
  });

  it('打印联系卡: the village’s PDF sheet, its QR codes read back as the cards’ links', async () => {
    await openSection('打印联系卡', '打印联系卡');
    const page = shown(admin);
    await chooseUnit(page, VILLAGE);
    const sheet = await downloadBy(
      admin,
      () => page.getByText(`下载${VILLAGE}的联系卡（PDF）`).click(),
      'card-sheet.pdf',
    );
    expect(sheet.suggested).toBe('民情联系卡.pdf');
    await see(page.getByText('✓ 民情联系卡.pdf', { exact: false })).toBeVisible();
    await shot(admin, 'o08-print');

    expect(fs.readFileSync(sheet.file).subarray(0, 5).toString()).toBe('%PDF-');
    execFileSync('pdftoppm', [
      '-r',
      '110',
      '-png',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      sheet.file,
      path.join(SCREENSHOT_DIR, 'o09-card-sheet'),
    ]);
    cardUrls = cardCodes.map((code) => `${product.baseUrl}/c/${code}`);
    // Cards are printed in the order the cadres were added: 张建国's first.
    expect(decodeCards(firstPage(sheet.file, 150), 150, 3)).toEqual([...cardUrls, null]);
    const text = execFileSync('pdftotext', [sheet.file, '-'], { encoding: 'utf8' });
    for (const word of [FIRST.name, SECOND.name, HOTLINE.phone, '民众服务卡']) {
      expect(text).toContain(word);
    }

    // The same cards with WeChat's 小程序码 (the local stand-in's plain QR of what it carries).
    await page.getByText('小程序码', { exact: true }).click();
    await see(page.getByText(/小程序码：用微信扫/)).toBeVisible();
    await shot(admin, 'o08b-print-wxacode');
    const coded = await downloadBy(
      admin,
      () => page.getByText(`下载${VILLAGE}的联系卡（PDF）`).click(),
      'card-sheet-wxacode.pdf',
    );
    const codedFront = firstPage(coded.file, 150);
    expect(decodeCards(codedFront, 150, 3)).toEqual([
      ...cardCodes.map((code) => `wxacode-local:pages/card/index?scene=${code}`),
      null,
    ]);
    fs.writeFileSync(path.join(SCREENSHOT_DIR, 'o09b-card-sheet-wxacode.png'), codedFront);
    expect(execFileSync('pdftotext', [coded.file, '-'], { encoding: 'utf8' })).toContain(
      '微信扫码找我反映',
    );
  });

  it('a resident scans the first card and submits a request on it', async () => {
    await resident.goto(cardUrls[0]!);
    const card = shown(resident);
    await see(card.locator('.card-page__name', { hasText: FIRST.name })).toBeVisible();
    await see(card.getByText(`${TOWNSHIP} · ${VILLAGE}`)).toBeVisible();
    await see(card.getByText(HOTLINE.name)).toBeVisible();
    const photo = card.getByAltText(`${FIRST.name}的照片`);
    await see(photo).toBeVisible();
    // The portrait as uploaded (120 × 160), served from the public route, not a broken image.
    await resident.waitForFunction(
      (img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth === 120,
      await photo.elementHandle(),
    );
    await shot(resident, 'o10-resident-card');

    await card.getByText('我要反映').first().click();
    const form = shown(resident);
    await form.getByText('实际困难', { exact: true }).click();
    await form.getByText('饮水', { exact: true }).click();
    await form
      .locator('textarea')
      .fill('东岭村二组的自来水管冻裂了，已经停水两天，请帮忙联系维修。');
    await form.getByText('请点这里表示同意', { exact: false }).click();
    await field(form, '请输入11位手机号').fill(residentPhone);
    await form.getByText('获取验证码').click();
    const hint = await form.getByText(/测试环境验证码/).textContent();
    await field(form, '6位数字').fill(/(\d{6})/.exec(hint ?? '')![1]!);
    await form.getByText('提交', { exact: true }).click();

    const done = shown(resident)
      .getByText(/MQ-\d{8}-\d{4}/)
      .first();
    await done.waitFor();
    number = /MQ-\d{8}-\d{4}/.exec((await done.textContent()) ?? '')![0];
    await shot(resident, 'o11-resident-submitted');
  });

  it('事随人转: the first cadre’s post passes to the second, with the open request', async () => {
    await openSection('干部', '干部');
    const first = shown(admin).locator('.office-table__row', { hasText: FIRST.name });
    await see(first.getByText('1张')).toBeVisible();
    await see(first.getByText('1件')).toBeVisible();
    await first.click();
    await admin.waitForURL(new RegExp(`/office/cadre\\?id=${cadreIds[0]}$`));
    const page = shown(admin);
    await see(page.locator('.cadre-page__name', { hasText: FIRST.name })).toBeVisible();

    await page.getByText('事随人转…').click();
    const fold = page.locator('.cadre-page__transfer');
    await fold.locator('.cadre-page__candidate', { hasText: SECOND.name }).click();
    await fold.getByText('下一步', { exact: true }).click();
    const confirm = fold.locator('.office-confirm');
    await see(confirm.getByText('确定事随人转吗？')).toBeVisible();
    await see(
      confirm.getByText(
        `${FIRST.name} 的联系卡、结对的联户和 1 条未办结诉求将转给 ${SECOND.name}，历史评价和走访记录仍归${FIRST.name}。`,
      ),
    ).toBeVisible();
    await shot(admin, 'o12-transfer-confirm');
    await confirm.getByText(`确定转给${SECOND.name}`).click();

    await see(
      page.getByText(
        `✓ 已事随人转：${FIRST.name}的1张联系卡、0户结对联户和1条未办结诉求已转给${SECOND.name}。`,
      ),
    ).toBeVisible();
    await see(page.locator('.cadre-page__head').getByText('✕ 已停用')).toBeVisible();
    await see(page.locator('.office-facts__line', { hasText: '接任' })).toContainText(SECOND.name);
    await shot(admin, 'o13-transfer-done');

    await page.getByText(`打开${SECOND.name}的页面`).click();
    await admin.waitForURL(new RegExp(`/office/cadre\\?id=${cadreIds[1]}$`));
    const successor = shown(admin);
    await see(successor.locator('.cadre-page__name', { hasText: SECOND.name })).toBeVisible();
    await see(successor.locator('.office-facts__line', { hasText: '未办结诉求' })).toContainText(
      '1件',
    );
    await shot(admin, 'o14-successor');
  });

  it('the old card now leads to the successor', async () => {
    await resident.goto(cardUrls[0]!);
    const card = shown(resident);
    await see(card.locator('.card-page__name', { hasText: SECOND.name })).toBeVisible();
    await see(
      card.getByText(`原联系人${FIRST.name}已调整，现由${SECOND.name}联系，您的事情照常办理。`),
    ).toBeVisible();
    expect(await pageText(resident)).not.toContain(FIRST.phone);
    await shot(resident, 'o15-old-card-successor');
  });

  it('民情台账: the export names the successor as the one handling the request', async () => {
    await openSection('民情台账', '民情台账');
    const page = shown(admin);
    const ledger = await downloadBy(
      admin,
      () => page.getByText('导出 Excel').click(),
      'ledger.xlsx',
    );
    expect(ledger.suggested).toMatch(/\.xlsx$/);
    await see(page.locator('.office-download--done')).toBeVisible();
    await shot(admin, 'o16-ledger-exported');

    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(ledger.file);
    const sheet = book.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
    const col = (header: string) => {
      const at = headers.indexOf(header);
      expect(at).toBeGreaterThan(0);
      return at;
    };
    const rows: ExcelJS.Row[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1 && row.getCell(col('编号')).text === number) rows.push(row);
    });
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    const cell = (header: string) => row.getCell(col(header)).text;
    expect({
      number: cell('编号'),
      phone: cell('联系电话'),
      first: cell('首接干部'),
      owner: cell('当前办理人'),
      status: cell('状态'),
    }).toEqual({
      number,
      phone: `${residentPhone.slice(0, 3)}****${residentPhone.slice(7)}`,
      first: FIRST.name,
      owner: SECOND.name,
      status: '待签收',
    });
  });

  it('操作日志 lists what the admin did', async () => {
    await openSection('操作日志', '操作日志');
    const page = shown(admin);
    for (const action of [
      '修改密码',
      '新增单位',
      '新增干部',
      '导入干部',
      '签发联系卡',
      '打印联系卡',
      '事随人转',
      '导出民情台账',
    ]) {
      await see(page.locator('.office-table__row', { hasText: action }).first()).toBeVisible();
    }
    await shot(admin, 'o17-audit');
  });
});

/** A PDF's first page as a PNG at `dpi` (poppler's pdftoppm, in a directory of its own). */
function firstPage(pdf: string, dpi: number): Buffer {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'office-sheet-'));
  try {
    const prefix = path.join(work, 'front');
    execFileSync('pdftoppm', [
      '-r',
      String(dpi),
      '-png',
      '-f',
      '1',
      '-l',
      '1',
      '-singlefile',
      pdf,
      prefix,
    ]);
    return fs.readFileSync(`${prefix}.png`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
