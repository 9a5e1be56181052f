import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import jsQR from 'jsqr';
import sharp from 'sharp';
import { generateCardCode } from '@mqlk/shared';
import { LocalWechatClient } from '../auth/external-services';
import { resolveCardFont } from './card-font';
import {
  CARD_SHEET_LAYOUT,
  cardCell,
  type CardSide,
  cardUrl,
  type PrintableCard,
  renderCardSheet,
  renderCardSheetToBuffer,
} from './card-sheet';

// Rendered PDFs are checked with poppler-utils (pdfinfo, pdftoppm, pdftotext, pdffonts), which
// scripts/test.mjs installs: what a printer or a phone would see, not what pdfkit was asked to do.
jest.setTimeout(60_000);

const BASE = 'https://mqlk.example.cn';
/** Where a sheet worth looking at is kept, beside the browser flows' screenshots. */
const ARTIFACTS = path.resolve(__dirname, '../../../../.artifacts/screenshots');
const DPI = 150;
const SURNAMES = ['张', '李', '王', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙'];
const GIVEN = [
  '建国',
  '秀英',
  '志强',
  '丽娟',
  '海燕',
  '国栋',
  '晓明',
  '玉兰',
  '德华',
  '春梅',
  '堃',
  '喆',
];
const TOWNS = [
  '东岭',
  '西溪',
  '南山',
  '北塘',
  '青石',
  '白沙',
  '红旗',
  '金桥',
  '新安',
  '长乐',
  '永兴',
  '安福',
];

function makeCards(n: number): PrintableCard[] {
  return Array.from({ length: n }, (_, i) => ({
    code: generateCardCode(),
    name: SURNAMES[i % 12]! + GIVEN[(i * 5) % 12]!,
    post: i % 3 === 0 ? '村党支部书记兼村委会主任' : '网格员',
    unitName: i % 2 ? `第${i + 1}网格` : `${TOWNS[i % 12]}村`,
    villageName: i % 2 ? `${TOWNS[i % 12]}村` : null,
    townshipName: `${TOWNS[i % 12]}镇`,
    phone: `139${String(10_000_000 + i * 7_919).padStart(8, '0')}`,
    // The first card has the longest duties allowed: they must be cut, not spill.
    duties:
      i === 0
        ? '负责网格内群众诉求收集和矛盾纠纷排查化解。'.repeat(24).slice(0, 500)
        : '负责本网格群众诉求收集、政策宣传和安全隐患巡查。',
    dutyDays: i % 2 ? '每周一、周四' : '每周二、周五',
    hotlines: [
      { name: '党政办', phone: `0571-8800${String(i).padStart(4, '0')}` },
      { name: '便民服务中心', phone: '0571-88001234' },
      ...(i === 1
        ? Array.from({ length: 20 }, (_, k) => ({ name: `热线${k}`, phone: `1234${k}` }))
        : []),
    ],
  }));
}

function tool(cmd: string, args: string[]): string {
  return execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

interface Word {
  text: string;
  x: number;
  y: number;
}

/** Word centres from `pdftotext -bbox` (points, origin top-left, like the layout). */
function words(pdf: string, page: number): Word[] {
  const html = tool('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), pdf, '-']);
  const found: Word[] = [];
  const re =
    /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
  for (const m of html.matchAll(re)) {
    found.push({
      text: m[5]!,
      x: (Number(m[1]) + Number(m[3])) / 2,
      y: (Number(m[2]) + Number(m[4])) / 2,
    });
  }
  return found;
}

function inside(w: Word, slot: number, side: CardSide): boolean {
  const c = cardCell(slot, side);
  return w.x > c.x && w.x < c.x + c.width && w.y > c.y && w.y < c.y + c.height;
}

async function decodeQr(png: string, slot: number): Promise<string | null> {
  const cell = cardCell(slot, 'front');
  const px = (pt: number) => Math.round((pt * DPI) / 72);
  const { data, info } = await sharp(png)
    .extract({ left: px(cell.x), top: px(cell.y), width: px(cell.width), height: px(cell.height) })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return (
    jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height)
      ?.data ?? null
  );
}

describe('card sheet PDF', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'card-sheet-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function render(name: string, cards: PrintableCard[], font = resolveCardFont()) {
    const pdf = path.join(dir, `${name}.pdf`);
    const bytes = await renderCardSheetToBuffer(cards, { publicBaseUrl: BASE, font });
    writeFileSync(pdf, bytes);
    tool('pdftoppm', ['-r', String(DPI), '-png', pdf, path.join(dir, name)]);
    const pages = Number(/Pages:\s+(\d+)/.exec(tool('pdfinfo', [pdf]))?.[1]);
    return { pdf, bytes, pages, png: (page: number) => path.join(dir, `${name}-${page}.png`) };
  }

  it('prints a card’s mini-program code instead of the link QR when it has one', async () => {
    const [plain, withCode] = makeCards(2);
    const image = await new LocalWechatClient().miniProgramCode(withCode!.code, 'pages/card/index');
    const sheet = await render('wxacode', [plain!, { ...withCode!, wxacode: image }]);
    expect(await decodeQr(sheet.png(1), 0)).toBe(`${BASE}/c/${plain!.code}`);
    expect(await decodeQr(sheet.png(1), 1)).toBe(
      `wxacode-local:pages/card/index?scene=${withCode!.code}`,
    );
    expect(tool('pdftotext', [sheet.pdf, '-'])).toContain('微信扫码找我反映');
  });

  describe('10 cards', () => {
    const cards = makeCards(10);
    let sheet: Awaited<ReturnType<typeof render>>;
    beforeAll(async () => {
      sheet = await render('ten', cards);
    });

    it('makes two A4 sheets, each a page of fronts and a page of backs', () => {
      expect(sheet.pages).toBe(4);
      expect(tool('pdfinfo', [sheet.pdf])).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
      expect(sheet.bytes.length).toBeLessThan(400 * 1024);
    });

    it("decodes each position's QR to the URL of the card printed there", async () => {
      for (const [i, card] of cards.entries()) {
        const frontPage = Math.floor(i / 8) * 2 + 1;
        expect(await decodeQr(sheet.png(frontPage), i % 8)).toBe(`${BASE}/c/${card.code}`);
      }
      // Backs carry no QR.
      expect(await decodeQr(sheet.png(2), 0)).toBeNull();
    });

    it('holds the Chinese as real text: names, heading, duty days, hotlines', () => {
      const text = tool('pdftotext', [sheet.pdf, '-']);
      for (const card of cards) expect(text).toContain(card.name);
      expect(text).toContain('民情联系卡');
      expect(text).toContain('民众服务卡');
      expect(text).toContain('扫码找我反映');
      expect(text).toContain('一线工作日：每周一、周四');
      expect(text).toContain('0571-88000003');
      expect(text).toContain('139 1000 7919');
    });

    it('embeds the Chinese font as a subset with a Unicode map', () => {
      const rows = tool('pdffonts', [sheet.pdf]).trim().split('\n').slice(2);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row).toMatch(/\byes\s+yes\s+yes\b/);
    });

    it('keeps every word of a front inside its card and cuts long duties with …', () => {
      for (const page of [1, 3]) {
        const slots = page === 1 ? 8 : 2;
        const outside = words(sheet.pdf, page).filter(
          (w) => !Array.from({ length: slots }, (_, s) => inside(w, s, 'front')).some(Boolean),
        );
        expect(outside).toEqual([]);
      }
      const first = words(sheet.pdf, 1).filter((w) => inside(w, 0, 'front'));
      expect(first.some((w) => w.text.endsWith('…'))).toBe(true);
    });

    it('puts each back behind its front for long-edge duplex (columns mirrored)', () => {
      for (const [i, card] of cards.entries()) {
        const backPage = Math.floor(i / 8) * 2 + 2;
        const town = words(sheet.pdf, backPage).filter((w) => w.text === card.townshipName);
        expect(town).toHaveLength(1);
        expect(inside(town[0]!, i % 8, 'back')).toBe(true);
      }
      expect(cardCell(0, 'back').x).toBeCloseTo(cardCell(1, 'front').x, 6);
    });

    it('keeps many hotlines on the card: the rest counted as 另有 N 条', () => {
      const back = words(sheet.pdf, 2).filter((w) => inside(w, 1, 'back'));
      expect(back.map((w) => w.text)).toEqual(expect.arrayContaining(['0571-88000001', '热线0']));
      expect(back.some((w) => w.text.includes('另有'))).toBe(true);
    });
  });

  it('prints one card as one front page and one back page, at the first position', async () => {
    const [card] = makeCards(1);
    const sheet = await render('one', [card!]);
    expect(sheet.pages).toBe(2);
    expect(await decodeQr(sheet.png(1), 0)).toBe(cardUrl(BASE, card!.code));
    const back = words(sheet.pdf, 2).filter((w) => w.text === card!.townshipName);
    expect(back.map((w) => inside(w, 0, 'back'))).toEqual([true]);
    // Slot 0's back is in the right-hand column.
    expect(back[0]!.x).toBeGreaterThan(CARD_SHEET_LAYOUT.page.width / 2);
  });

  it('prints a 民困帮扶卡 beside a cadre card: its title and whose it is, inside the card', async () => {
    const [own, help] = makeCards(2);
    const helpCard = { ...help!, household: '周玉芬户 · 东岭村一组8号' };
    const sheet = await render('help', [own!, helpCard]);
    const text = tool('pdftotext', [sheet.pdf, '-']);
    expect(text).toContain('民困帮扶卡');
    expect(text).toContain('帮扶对象：周玉芬户 · 东岭村一组8号');
    expect(text.match(/民情联系卡/g)).toHaveLength(1);
    const front = words(sheet.pdf, 1);
    const title = front.filter((w) => w.text.includes('民困帮扶卡'));
    expect(title.map((w) => inside(w, 1, 'front'))).toEqual([true]);
    expect(
      front.filter((w) => w.text.includes('帮扶对象')).every((w) => inside(w, 1, 'front')),
    ).toBe(true);
    expect(await decodeQr(sheet.png(1), 1)).toBe(cardUrl(BASE, helpCard.code));
    mkdirSync(ARTIFACTS, { recursive: true });
    copyFileSync(sheet.png(1), path.join(ARTIFACTS, 'help-card-sheet-front.png'));
  });

  it('works with the bundled font alone (a machine with only Node)', async () => {
    const font = resolveCardFont({}, (file) => !file.startsWith('/usr/share/fonts'));
    expect(font.source).toBe('bundled');
    const cards = makeCards(2);
    const sheet = await render('bundled', cards, font);
    expect(tool('pdffonts', [sheet.pdf])).toMatch(
      /\+NotoSansHans-Regular\s+CID\s.*yes\s+yes\s+yes/,
    );
    expect(tool('pdftotext', [sheet.pdf, '-'])).toContain(cards[1]!.name);
    expect(await decodeQr(sheet.png(1), 1)).toBe(cardUrl(BASE, cards[1]!.code));
  });

  it('serves both weights from one font file (CARD_FONT_PATH) with one embedded font', async () => {
    const bundled = resolveCardFont({}, (file) => !file.startsWith('/usr/share/fonts')).regular
      .path;
    const font = resolveCardFont({ CARD_FONT_PATH: bundled });
    expect(font.source).toBe('env');
    const cards = makeCards(8);
    const sheet = await render('single-face', cards, font);
    const fonts = tool('pdffonts', [sheet.pdf]).trim().split('\n').slice(2);
    expect(fonts).toHaveLength(1);
    expect(tool('pdftotext', [sheet.pdf, '-'])).toContain(cards[7]!.name);
  });

  it('refuses an empty list before writing anything', async () => {
    const out = { write: jest.fn(), end: jest.fn(), on: jest.fn(), once: jest.fn() };
    await expect(
      renderCardSheet([], { publicBaseUrl: BASE }, out as unknown as NodeJS.WritableStream),
    ).rejects.toThrow('no cards');
    expect(out.write).not.toHaveBeenCalled();
  });

  it('refuses a card whose code is not a card code', async () => {
    const [card] = makeCards(1);
    await expect(
      renderCardSheetToBuffer([{ ...card!, code: 'nope' }], { publicBaseUrl: BASE }),
    ).rejects.toThrow(/card code/);
  });
});

describe('resolveCardFont', () => {
  const system = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
  const all = () => true;

  it('takes CARD_FONT_PATH first', () => {
    expect(resolveCardFont({ CARD_FONT_PATH: '/fonts/a.otf' }, all)).toEqual({
      regular: { path: '/fonts/a.otf' },
      bold: { path: '/fonts/a.otf' },
      source: 'env',
    });
  });

  it('fails clearly on a missing CARD_FONT_PATH or a collection without a face', () => {
    expect(() => resolveCardFont({ CARD_FONT_PATH: '/nope.otf' }, () => false)).toThrow(
      /missing file: \/nope\.otf/,
    );
    expect(() => resolveCardFont({ CARD_FONT_PATH: '/f.ttc' }, all)).toThrow(/CARD_FONT_FACE/);
    expect(
      resolveCardFont({ CARD_FONT_PATH: '/f.ttc', CARD_FONT_FACE: 'X-Regular' }, all).regular,
    ).toEqual({
      path: '/f.ttc',
      face: 'X-Regular',
    });
  });

  it("then Debian's Noto CJK, picking the Simplified Chinese faces", () => {
    const font = resolveCardFont({}, all);
    expect(font.source).toBe('system');
    expect(font.regular).toEqual({ path: system, face: 'NotoSansCJKsc-Regular' });
    expect(font.bold.face).toBe('NotoSansCJKsc-Bold');
  });

  it('then the bundled Noto Sans Hans, and names what to install when nothing is there', () => {
    const bundled = resolveCardFont({}, (file) => !file.startsWith('/usr/share'));
    expect(bundled.regular.path).toMatch(
      /@embedpdf[/\\]fonts-sc[/\\]fonts[/\\]NotoSansHans-Regular\.otf$/,
    );
    expect(bundled.bold.path).toMatch(/NotoSansHans-Bold\.otf$/);
    expect(() => resolveCardFont({}, () => false)).toThrow(
      /apt-get install fonts-noto-cjk.*CARD_FONT_PATH/,
    );
  });
});
