import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import jsQR from 'jsqr';
import sharp from 'sharp';
import { POSTER_INSTRUCTION, POSTER_TITLE, renderBoardPoster } from './board-poster';

// Checked with poppler-utils, as the card sheets are: what a printer would print.
jest.setTimeout(60_000);

const BASE = 'https://mqlk.example.cn';
/** Where the rendered poster is kept for a person to look at (gitignored). */
const ARTIFACTS = path.resolve(__dirname, '../../../../.artifacts');

const tool = (cmd: string, args: string[]) =>
  execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

describe('the board poster (公示栏海报)', () => {
  let dir: string;
  let pdf: string;
  let bytes: Buffer;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'board-poster-'));
    bytes = await renderBoardPoster(
      { unitId: 42, villageName: '东岭村', townshipName: '石桥镇' },
      { publicBaseUrl: BASE },
    );
    pdf = path.join(dir, 'poster.pdf');
    writeFileSync(pdf, bytes);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is one A4 page with its text embedded, not drawn as pictures', () => {
    const info = tool('pdfinfo', [pdf]);
    expect(info).toMatch(/Pages:\s+1\n/);
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    const text = tool('pdftotext', [pdf, '-']);
    for (const line of ['石桥镇', '东岭村', POSTER_TITLE, POSTER_INSTRUCTION, `${BASE}/board/42`]) {
      expect(text).toContain(line);
    }
    expect(tool('pdffonts', [pdf])).toMatch(/yes\s+yes/); // embedded, subset
    expect(bytes.length).toBeLessThan(200 * 1024);
  });

  it('carries a QR code that a phone decodes to the board’s link', async () => {
    tool('pdftoppm', ['-png', '-r', '100', '-singlefile', pdf, path.join(dir, 'poster')]);
    const { data, info } = await sharp(path.join(dir, 'poster.png'))
      .ensureAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const found = jsQR(
      new Uint8ClampedArray(data.buffer, data.byteOffset, data.length),
      info.width,
      info.height,
    );
    expect(found?.data).toBe(`${BASE}/board/42`);
  });

  it('leaves a PNG at 60 dpi for a person to look at', async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const out = path.join(ARTIFACTS, 'board-poster');
    tool('pdftoppm', ['-png', '-r', '60', '-singlefile', pdf, out]);
    // A4 at 60 dpi: 8.27 × 11.69 in.
    const { width, height } = await sharp(`${out}.png`).metadata();
    expect([width, height]).toEqual([497, 702]);
  });

  it('refuses an origin with a path before drawing anything', async () => {
    await expect(
      renderBoardPoster(
        { unitId: 42, villageName: '东岭村', townshipName: null },
        { publicBaseUrl: 'https://mqlk.example.cn/app' },
      ),
    ).rejects.toThrow(RangeError);
  });
});
