import { pdfkit } from '../../common/heavy-libraries';
import { boardUrl } from '@mqlk/shared';
import { drawQr, fitLine } from './card-faces';
import { type CardFont, fontBytes, resolveCardFont } from './card-font';

/**
 * The village board's poster (公示栏海报): one A4 page for the village's notice board, in large
 * print, with the QR code of the board's public link. Same pdfkit, font lookup and vector QR as
 * the card sheets (card-font.ts, card-faces.ts).
 */

export interface BoardPoster {
  unitId: number;
  villageName: string;
  townshipName: string | null;
}

export interface BoardPosterOptions {
  /** The public origin printed in the QR code, e.g. https://mqlk.example.cn */
  publicBaseUrl: string;
  font?: CardFont;
}

const MM = 72 / 25.4;

/** Every measure in PDF points, origin at the page's top-left. */
export const POSTER_LAYOUT = {
  page: { width: 595.28, height: 841.89 },
  margin: 18 * MM,
  band: 26 * MM,
  qr: 88 * MM,
  colors: { brand: '#b3261e', ink: '#1a1a1a', muted: '#5f5f5f', paper: '#ffffff' },
} as const;

export const POSTER_TITLE = '村务公示 · 民情办理';
export const POSTER_INSTRUCTION = '扫码查看本村诉求办理情况';

/** The poster as PDF bytes (one page, a few dozen KB with the font subset). */
export async function renderBoardPoster(
  poster: BoardPoster,
  options: BoardPosterOptions,
): Promise<Buffer> {
  // Fails on a bad origin before anything is drawn.
  const url = boardUrl(options.publicBaseUrl, poster.unitId);
  const font = options.font ?? resolveCardFont();
  const { page, margin, band, qr, colors } = POSTER_LAYOUT;
  const PDFDocument = await pdfkit();
  const doc = new PDFDocument({
    size: [page.width, page.height],
    margin: 0,
    info: { Title: `${poster.villageName} ${POSTER_TITLE}`, Creator: '民情联系卡' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.once('end', () => resolve(Buffer.concat(chunks)));
    doc.once('error', reject);
  });
  const regular = 'cjk';
  const sameFace = font.bold.path === font.regular.path && font.bold.face === font.regular.face;
  const bold = sameFace ? regular : 'cjk-bold';
  doc.registerFont(regular, fontBytes(font.regular), font.regular.face);
  if (!sameFace) doc.registerFont(bold, fontBytes(font.bold), font.bold.face);

  const width = page.width - 2 * margin;
  const centred = (text: string, f: string, max: number, min: number, y: number, color: string) => {
    const fitted = fitLine(doc, f, text, max, min, width);
    doc.font(f).fontSize(fitted.size).fillColor(color);
    doc.text(fitted.text, margin, y, { width, align: 'center', lineBreak: false });
    return fitted.size;
  };

  // The band: the township's name, white on the brand red.
  doc.rect(0, 0, page.width, band).fill(colors.brand);
  centred(poster.townshipName ?? '民情联系卡', bold, 26, 14, band / 2 - 17, colors.paper);

  let y = band + 14 * MM;
  y += centred(poster.villageName, bold, 60, 28, y, colors.ink) * 1.45 + 2 * MM;
  y += centred(POSTER_TITLE, bold, 40, 24, y, colors.brand) * 1.45 + 4 * MM;

  // The QR code on a framed white square, with the quiet zone scanners need.
  const quiet = 10 * MM;
  y += quiet;
  const x = (page.width - qr) / 2;
  doc
    .lineWidth(2)
    .rect(x - quiet, y - quiet, qr + 2 * quiet, qr + 2 * quiet)
    .strokeColor(colors.brand)
    .stroke();
  drawQr(doc, url, x, y, qr);
  y += qr + quiet + 10 * MM;

  y += centred(POSTER_INSTRUCTION, bold, 32, 20, y, colors.ink) * 1.45 + 3 * MM;
  y += centred('近三个月每件诉求的办理进度、结果，和每月满意率', regular, 17, 12, y, colors.ink);
  y += 17 * 1.45;
  centred('不显示群众姓名、电话和反映的具体内容', regular, 17, 12, y, colors.muted);

  // The link itself at the foot, for a phone without a scanner; the stripe closes the page.
  const footY = page.height - 18 * MM;
  centred(url, regular, 13, 9, footY, colors.muted);
  doc.rect(0, page.height - 6 * MM, page.width, 6 * MM).fill(colors.brand);

  doc.end();
  return done;
}
