import { pdfkit } from '../../common/heavy-libraries';
import { PassThrough } from 'node:stream';
import { cardUrl } from '@mqlk/shared';
import { drawBack, drawFront, FACE, type Pen } from './card-faces';
import { type CardFont, fontBytes, resolveCardFont } from './card-font';

/**
 * Printable card sheets: A4, 2 × 4 cards of ID-1 size (85.6 × 54 mm) with cut marks; every page
 * of fronts is followed by a page of backs placed for long-edge duplex printing.
 * Font: system Noto CJK when present, else the Noto Sans Hans OTF of @embedpdf/fonts-sc, so any
 * machine with only Node prints real embedded (subsetted) text (card-font.ts).
 */

export interface PrintableCard {
  code: string;
  name: string;
  post: string;
  /** The cadre's own unit, e.g. 东岭村 or 第一网格. */
  unitName: string;
  villageName: string | null;
  townshipName: string | null;
  /** Printed in full. */
  phone: string;
  /** Up to 500 characters: shrunk, then cut with … to the space on the card. */
  duties: string;
  dutyDays: string;
  /** The township's 民众服务卡 hotlines, on the back. */
  hotlines: { name: string; phone: string }[];
  /** A 民困帮扶卡's household, e.g. 周玉芬户 · 东岭村一组8号; null on a cadre's own card. */
  household?: string | null;
  /** The card's mini-program code (小程序码) image, printed instead of the link QR when given. */
  wxacode?: Buffer;
}

export interface CardSheetOptions {
  /** The public origin printed in the QR codes, e.g. https://mqlk.example.cn */
  publicBaseUrl: string;
  /** The PDF's document title. */
  title?: string;
  /** Overrides the font lookup (CARD_FONT_PATH, system Noto CJK, bundled Noto Sans Hans). */
  font?: CardFont;
}

export { cardUrl };

const MM = 72 / 25.4;

/** Every sheet measure in one place, in PDF points (1/72 in), origin at the page's top-left. */
export const CARD_SHEET_LAYOUT = {
  page: { width: 595.28, height: 841.89 },
  card: { width: FACE.width, height: FACE.height },
  /** What goes where inside a card (card-faces.ts). */
  face: FACE,
  columns: 2,
  rows: 4,
  perSheet: 8,
  gap: 8 * MM,
  cutMark: { offset: 2 * MM, length: 4 * MM, lineWidth: 0.3 },
} as const;

export type CardSide = 'front' | 'back';

/**
 * Where the card in `slot` (0–7, row by row) sits on its page. On the back page columns are mirrored
 * about the page's vertical centre: a sheet turned over its long edge puts each back behind its front.
 */
export function cardCell(
  slot: number,
  side: CardSide,
): { x: number; y: number; width: number; height: number } {
  const { page, card, columns, rows, gap } = CARD_SHEET_LAYOUT;
  const left = (page.width - (columns * card.width + (columns - 1) * gap)) / 2;
  const top = (page.height - (rows * card.height + (rows - 1) * gap)) / 2;
  const x = left + (slot % columns) * (card.width + gap);
  const y = top + Math.floor(slot / columns) * (card.height + gap);
  return {
    x: side === 'front' ? x : page.width - x - card.width,
    y,
    width: card.width,
    height: card.height,
  };
}

/** Streams the PDF into `out`; resolves once `out` has taken all of it. */
export async function renderCardSheet(
  cards: PrintableCard[],
  options: CardSheetOptions,
  out: NodeJS.WritableStream,
): Promise<void> {
  if (cards.length === 0) throw new Error('no cards');
  // Everything that can fail on bad input fails here, before the first byte is written.
  const urls = cards.map((card) => cardUrl(options.publicBaseUrl, card.code));
  const font = options.font ?? resolveCardFont();

  const PDFDocument = await pdfkit();
  const doc = new PDFDocument({
    size: [CARD_SHEET_LAYOUT.page.width, CARD_SHEET_LAYOUT.page.height],
    margin: 0,
    autoFirstPage: false,
    info: { Title: options.title ?? '民情联系卡', Creator: '民情联系卡' },
  });
  const sameFace = font.bold.path === font.regular.path && font.bold.face === font.regular.face;
  const pen: Pen = { doc, regular: 'cjk', bold: sameFace ? 'cjk' : 'cjk-bold' };
  doc.registerFont(pen.regular, fontBytes(font.regular), font.regular.face);
  if (!sameFace) doc.registerFont(pen.bold, fontBytes(font.bold), font.bold.face);
  doc.font(pen.bold).font(pen.regular); // a bad file or face name fails here, not mid-stream

  let stopped = false;
  const finished = new Promise<void>((resolve, reject) => {
    const fail = (err: Error) => {
      stopped = true;
      reject(err);
    };
    out.once('finish', () => {
      stopped = true;
      resolve();
    });
    out.once('error', fail);
    // A client that goes away closes the stream: stop drawing for nobody.
    out.once('close', () =>
      fail(new Error('card sheet output closed before the PDF was finished')),
    );
    doc.once('error', fail);
  });
  doc.pipe(out);

  const { perSheet } = CARD_SHEET_LAYOUT;
  for (let first = 0; first < cards.length && !stopped; first += perSheet) {
    const sheet = cards.slice(first, first + perSheet);
    drawPage(doc, sheet.length, 'front', (slot) =>
      drawFront(pen, sheet[slot]!, urls[first + slot]!),
    );
    drawPage(doc, sheet.length, 'back', (slot) => drawBack(pen, sheet[slot]!));
    // Long runs (a whole township) should not hold the event loop for their whole duration.
    await new Promise((resolve) => setImmediate(resolve));
  }
  doc.end();
  await finished;
}

export async function renderCardSheetToBuffer(
  cards: PrintableCard[],
  options: CardSheetOptions,
): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  await renderCardSheet(cards, options, out);
  return Buffer.concat(chunks);
}

function drawPage(
  doc: PDFKit.PDFDocument,
  count: number,
  side: CardSide,
  draw: (slot: number) => void,
) {
  doc.addPage();
  for (let slot = 0; slot < count; slot++) {
    const cell = cardCell(slot, side);
    doc.save().translate(cell.x, cell.y);
    draw(slot);
    doc.restore();
  }
  drawCutMarks(doc, count, side);
}

/** Short lines continuing each card edge outside its corners, clear of the bleed. */
function drawCutMarks(doc: PDFKit.PDFDocument, count: number, side: CardSide) {
  const { offset, length, lineWidth } = CARD_SHEET_LAYOUT.cutMark;
  for (let slot = 0; slot < count; slot++) {
    const { x, y, width, height } = cardCell(slot, side);
    for (const [cx, dx] of [
      [x, -1],
      [x + width, 1],
    ] as const) {
      for (const [cy, dy] of [
        [y, -1],
        [y + height, 1],
      ] as const) {
        doc.moveTo(cx + dx * offset, cy).lineTo(cx + dx * (offset + length), cy);
        doc.moveTo(cx, cy + dy * offset).lineTo(cx, cy + dy * (offset + length));
      }
    }
  }
  doc.lineWidth(lineWidth).strokeColor('#000000').stroke();
}
