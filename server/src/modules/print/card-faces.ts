import QRCode from 'qrcode';
import type { PrintableCard } from './card-sheet';

type Doc = PDFKit.PDFDocument;

const MM = 72 / 25.4;

/**
 * A document and the names its two faces are registered under. With a single font file both names
 * are the same: pdfkit re-opens and re-parses the whole font on every switch between two names
 * registered for one face (its font cache misses), which made 40 cards take 14 s instead of 0.5 s.
 */
export interface Pen {
  doc: Doc;
  regular: string;
  bold: string;
}

/** Everything inside one card, in points from the card's top-left corner. */
export const FACE = {
  width: 85.6 * MM,
  height: 54 * MM,
  pad: 3.5 * MM,
  band: 7 * MM,
  stripe: 1.2 * MM,
  bleed: 1 * MM,
  qr: 24 * MM,
  qrTop: 9.5 * MM,
  columnGap: 3 * MM,
  colors: { brand: '#b3261e', ink: '#1a1a1a', muted: '#5f5f5f', paper: '#ffffff' },
} as const;

const ELLIPSIS = '…';
/** A line's height in ems: Noto CJK's ascent + descent (1.16 + 0.288), what pdfkit advances by. */
const LINE = 1.45;

interface Fitted {
  text: string;
  size: number;
}

/** The largest size from `max` down to `min` at which `text` fits one line; else cut with … at `min`. */
export function fitLine(
  doc: Doc,
  font: string,
  text: string,
  max: number,
  min: number,
  width: number,
): Fitted {
  doc.font(font);
  const clean = squash(text);
  for (let size = max; size >= min; size -= 0.5) {
    if (doc.fontSize(size).widthOfString(clean) <= width) return { text: clean, size };
  }
  doc.fontSize(min);
  return { text: cut(clean, (t) => doc.widthOfString(t) <= width), size: min };
}

/** As fitLine, for a wrapped block of `width` × `height` (line gap as a fraction of the size). */
function fitBlock(
  doc: Doc,
  font: string,
  text: string,
  box: { max: number; min: number; width: number; height: number; gap: number },
): Fitted {
  doc.font(font);
  const clean = squash(text);
  // heightOfString counts the line gap after the last line too; pdfkit's wrapper, which drops what
  // does not fit `height`, does not. Measured the wrapper's way, or a negative gap loses a line.
  const fits = (t: string, size: number) => {
    const gap = size * box.gap;
    return (
      doc.fontSize(size).heightOfString(t, { width: box.width, lineGap: gap }) - gap <= box.height
    );
  };
  for (let size = box.max; size >= box.min; size -= 0.5) {
    if (fits(clean, size)) return { text: clean, size };
  }
  return { text: cut(clean, (t) => fits(t, box.min)), size: box.min };
}

/** The longest prefix (whole code points) that still fits once … is added. */
function cut(text: string, fits: (candidate: string) => boolean): string {
  const chars = Array.from(text);
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(chars.slice(0, mid).join('') + ELLIPSIS)) lo = mid;
    else hi = mid - 1;
  }
  return chars.slice(0, lo).join('').trimEnd() + ELLIPSIS;
}

function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Mobile numbers in the 3-4-4 groups people read them in; anything else as entered. */
function formatPhone(phone: string): string {
  const digits = phone.trim();
  return /^1\d{10}$/.test(digits)
    ? `${digits.slice(0, 3)} ${digits.slice(3, 7)} ${digits.slice(7)}`
    : digits;
}

function line(
  doc: Doc,
  fitted: Fitted,
  font: string,
  color: string,
  x: number,
  y: number,
  opts: PDFKit.Mixins.TextOptions,
) {
  doc
    .font(font)
    .fontSize(fitted.size)
    .fillColor(color)
    .text(fitted.text, x, y, { lineBreak: false, ...opts });
}

/** The red heading band (bled past the cut line) and the thin stripe at the bottom edge. */
function frame(pen: Pen, title: string, right: string | null) {
  const { doc, regular, bold } = pen;
  const { width: w, height: h, bleed, band, stripe, pad, colors } = FACE;
  doc.rect(-bleed, -bleed, w + 2 * bleed, band + bleed).fill(colors.brand);
  doc.rect(-bleed, h - stripe, w + 2 * bleed, stripe + bleed).fill(colors.brand);
  const titleSize = 11;
  line(
    doc,
    { text: title, size: titleSize },
    bold,
    colors.paper,
    pad,
    (band - titleSize * LINE) / 2,
    {},
  );
  if (right) {
    const fitted = fitLine(doc, regular, right, 7.5, 6, w / 2 - pad);
    line(doc, fitted, regular, colors.paper, w / 2, (band - fitted.size * LINE) / 2, {
      width: w / 2 - pad,
      align: 'right',
    });
  }
}

/** QR modules as vector rectangles, runs of dark modules merged: crisp at any DPI and a few KB. */
export function drawQr(doc: Doc, url: string, x: number, y: number, size: number) {
  const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  const m = size / n;
  for (let r = 0; r < n; r++) {
    let c = 0;
    while (c < n) {
      if (modules.data[r * n + c] !== 1) {
        c++;
        continue;
      }
      const start = c;
      while (c < n && modules.data[r * n + c] === 1) c++;
      doc.rect(x + start * m, y + r * m, (c - start) * m, m);
    }
  }
  doc.fill('#000000');
}

export function drawFront(pen: Pen, card: PrintableCard, url: string) {
  const { doc, regular, bold } = pen;
  const { width: w, height: h, pad, qr, qrTop, columnGap, stripe, colors } = FACE;
  // A 民困帮扶卡 says so, and whose it is, where the duties would begin.
  frame(pen, card.household ? '民困帮扶卡' : '民情联系卡', card.townshipName ?? card.villageName);

  const qrX = w - pad - qr;
  // The mini-program code when the sheet asked for it (WeChat's own scan opens the mini-program);
  // else the link QR, which any phone's camera opens.
  if (card.wxacode) doc.image(card.wxacode, qrX, qrTop, { width: qr, height: qr });
  else drawQr(doc, url, qrX, qrTop, qr);
  line(
    doc,
    { text: card.wxacode ? '微信扫码找我反映' : '扫码找我反映', size: 6.5 },
    regular,
    colors.ink,
    qrX - 2 * MM,
    qrTop + qr + 0.6 * MM,
    {
      width: qr + 4 * MM,
      align: 'center',
    },
  );

  const textW = qrX - columnGap - pad;
  let y = qrTop - 1 * MM;
  const name = fitLine(doc, bold, card.name, 17, 10, textW);
  line(doc, name, bold, colors.ink, pad, y, {});
  y += 17 * LINE;
  const post = fitLine(doc, regular, card.post, 8.5, 6.5, textW);
  line(doc, post, regular, colors.ink, pad, y, {});
  y += 8.5 * 1.4;
  const place =
    card.villageName && card.villageName !== card.unitName
      ? `${card.villageName} ${card.unitName}`
      : card.unitName;
  const unit = fitLine(doc, regular, place, 7.5, 6, textW);
  line(doc, unit, regular, colors.muted, pad, y, {});
  y += 7.5 * LINE;
  const phone = fitLine(doc, bold, `电话 ${formatPhone(card.phone)}`, 9.5, 7, textW);
  line(doc, phone, bold, colors.ink, pad, y, {});
  y += 9.5 * LINE + 0.5 * MM;

  if (card.household) {
    const whose = fitLine(doc, bold, `帮扶对象：${card.household}`, 7.5, 6, textW);
    line(doc, whose, bold, colors.brand, pad, y, {});
    y += 7.5 * LINE + 0.3 * MM;
  }

  const daysSize = 7;
  const daysY = h - stripe - 1.6 * MM - daysSize * LINE;
  const box = { max: 7, min: 6, width: textW, height: daysY - 1 * MM - y, gap: -0.2 };
  const duties = fitBlock(doc, regular, `职责：${card.duties}`, box);
  doc.font(regular).fontSize(duties.size).fillColor(colors.muted);
  // The height is the guard that nothing spills: a hair over the fitted height, against rounding.
  doc.text(duties.text, pad, y, {
    width: textW,
    height: box.height + 0.01,
    lineGap: duties.size * box.gap,
  });

  const days = fitLine(doc, regular, `一线工作日：${card.dutyDays}`, daysSize, 5.5, w - 2 * pad);
  line(doc, days, regular, colors.ink, pad, daysY, {});
}

export function drawBack(pen: Pen, card: PrintableCard) {
  const { doc, regular, bold } = pen;
  const { width: w, height: h, pad, band, stripe, colors } = FACE;
  frame(pen, '民众服务卡', null);

  let y = band + 2 * MM;
  const township = fitLine(doc, bold, card.townshipName ?? '服务热线', 12, 8, w - 2 * pad);
  line(doc, township, bold, colors.ink, pad, y, {});
  y += 12 * LINE + 1 * MM;

  const footSize = 7.5;
  const footY = h - stripe - 1.6 * MM - footSize * LINE;
  drawHotlines(pen, card.hotlines, pad, y, w - 2 * pad, footY - 1 * MM - y);

  line(
    doc,
    { text: '有事找我，扫码反映 · 服务监督', size: footSize },
    regular,
    colors.brand,
    pad,
    footY,
    {
      width: w - 2 * pad,
      align: 'center',
    },
  );
}

/** Name left, number right; two smaller columns when one does not hold them all; the rest as 另有 N 条. */
function drawHotlines(
  pen: Pen,
  hotlines: PrintableCard['hotlines'],
  x: number,
  y: number,
  width: number,
  height: number,
) {
  const { doc, regular, bold } = pen;
  const { colors } = FACE;
  const single = hotlines.length <= Math.floor(height / 13);
  const [rowH, phoneMax, nameMax, columns] = single ? [13, 9.5, 8.5, 1] : [11.5, 8.5, 7.5, 2];
  const rowsFit = Math.max(1, Math.floor(height / rowH));
  const colGap = 4 * MM;
  const colW = (width - (columns - 1) * colGap) / columns;
  const slots = rowsFit * columns;
  const shown = hotlines.length > slots ? hotlines.slice(0, slots - 1) : hotlines;
  const at = (i: number) => ({
    cx: x + Math.floor(i / rowsFit) * (colW + colGap),
    cy: y + (i % rowsFit) * rowH,
  });
  shown.forEach((hotline, i) => {
    const { cx, cy } = at(i);
    const phone = fitLine(doc, bold, hotline.phone, phoneMax, 6.5, colW * 0.6);
    const phoneW = doc.widthOfString(phone.text);
    line(doc, phone, bold, colors.ink, cx + colW - phoneW, cy, {});
    const name = fitLine(doc, regular, hotline.name, nameMax, 6, colW - phoneW - 2 * MM);
    // Same baseline as the number (the font's ascent is 0.88 em).
    line(doc, name, regular, colors.muted, cx, cy + (phone.size - name.size) * 0.88, {});
  });
  if (shown.length < hotlines.length) {
    const { cx, cy } = at(shown.length);
    line(
      doc,
      { text: `${ELLIPSIS}另有 ${hotlines.length - shown.length} 条`, size: 7 },
      regular,
      colors.muted,
      cx,
      cy,
      {},
    );
  }
}
