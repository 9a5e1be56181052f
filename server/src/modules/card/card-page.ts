import { type CardView, INLINED_CARD_ID, type InlinedCard, SERVER_CARD_ID } from '@mqlk/shared';

/**
 * The card page's own styles, inline so that the card paints with the HTML alone, before the H5
 * app's scripts and styles arrive over a weak signal (issue 11). Sizes and colours are those of
 * the app's card page (miniapp/src/pages/card, styles/_theme.scss), so the app takes over
 * without the page moving.
 */
const CRITICAL_CSS = `
body{margin:0}
#${SERVER_CARD_ID}{box-sizing:border-box;min-height:100vh;padding:16px;font-size:17px;line-height:1.5;color:#1a1a1a;background:#f5f5f5;font-family:-apple-system-font,Helvetica Neue,sans-serif}
#${SERVER_CARD_ID} .s{margin-bottom:16px;padding:16px;border-radius:12px;background:#fff}
#${SERVER_CARD_ID} .n{display:block;font-size:30px;font-weight:bold;line-height:1.2}
#${SERVER_CARD_ID} .p{display:block;margin-top:4px;font-size:20px;font-weight:bold}
#${SERVER_CARD_ID} .m{display:block;margin-top:4px;color:#595959}
#${SERVER_CARD_ID} .t{display:block;margin-bottom:8px;font-size:20px;font-weight:bold}
#${SERVER_CARD_ID} .x{display:block;white-space:pre-wrap}
#${SERVER_CARD_ID} .h{display:block;margin-top:12px;padding:10px 12px;border-left:4px solid #0b57d0;background:#e8f0fe}
#${SERVER_CARD_ID} .b{display:flex;box-sizing:border-box;flex-direction:column;align-items:center;justify-content:center;width:100%;min-height:56px;padding:8px 16px;border:2px solid transparent;border-radius:10px;font-size:20px;font-weight:bold;text-align:center;text-decoration:none;color:#fff;background:#0b57d0}
#${SERVER_CARD_ID} .c{padding:10px 16px;background:#146c2e}
#${SERVER_CARD_ID} .r{margin-top:12px}
#${SERVER_CARD_ID} .k{min-height:44px;margin-bottom:10px;padding:10px 16px;font-size:17px;color:#146c2e;background:#fff;border-color:#146c2e}
#${SERVER_CARD_ID} .l{line-height:1.3}
#${SERVER_CARD_ID} .u{font-size:17px;font-weight:normal;letter-spacing:1px;line-height:1.3}
#${SERVER_CARD_ID} .q{display:block;margin-top:8px;color:#595959;text-align:center;font-size:15px}
#${SERVER_CARD_ID} .a{margin-bottom:16px}
#${SERVER_CARD_ID} .v{display:block;height:74px;margin-top:12px}
`
  .trim()
  .replace(/\n/g, '');

/** The H5 paths the card page's links lead to (miniapp/src/constants/routes.ts H5_PATHS). */
const SUBMIT_PATH = '/submit';

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

/** JSON inside a <script> data block: nothing in it can close the block or open a comment. */
function inlineJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** What the card says, drawn as plain HTML: the links work before (and without) the app. */
function cardMarkup(card: CardView): string {
  const { cadre } = card;
  const e = escapeHtml;
  const place = [card.townshipName, card.villageName ?? cadre.unitName].filter(Boolean).join(' · ');
  const submit = `${SUBMIT_PATH}?cardCode=${encodeURIComponent(card.code)}`;
  const notes = [
    card.helpCard
      ? `<span class="h">民困帮扶卡：${e(cadre.name)}是您家的结亲干部，有事直接反映，不用再写地址。</span>`
      : '',
    card.handedOverFrom
      ? `<span class="h">原联系人${e(card.handedOverFrom)}已调整，现由${e(cadre.name)}联系，您的事情照常办理。</span>`
      : '',
  ].join('');
  const hotlines =
    card.hotlines.length === 0
      ? ''
      : `<section class="s"><span class="t">民众服务卡 · 常用电话</span>${card.hotlines
          .map(
            (line) =>
              `<a class="b k" href="tel:${e(line.phone)}"><span class="l">${e(line.name)}</span><span class="u">${e(line.phone)}</span></a>`,
          )
          .join('')}</section>`;
  return (
    `<main id="${SERVER_CARD_ID}" aria-busy="true">` +
    `<section class="s"><span class="n">${e(cadre.name)}</span><span class="p">${e(cadre.post)}</span>` +
    `<span class="m">${e(place)}</span>${notes}` +
    // where the app's 读给我听 goes: kept empty, as it needs the app to speak
    `<span class="v"></span></section>` +
    `<div class="a"><a class="b c" href="tel:${e(cadre.phone)}"><span class="l">打电话给${e(cadre.name)}</span><span class="u">${e(cadre.phone)}</span></a>` +
    `<a class="b r" href="${e(submit)}">我要反映</a>` +
    `<span class="q">有困难、有问题、有建议，都可以写下来交给我</span></div>` +
    `<section class="s"><span class="t">我负责的工作</span><span class="x">${e(cadre.duties)}</span>` +
    `<span class="t" style="margin-top:12px">一线工作日</span><span class="x">${e(cadre.dutyDays)}</span></section>` +
    hotlines +
    `</main>`
  );
}

/**
 * The H5 app's index.html with one card's answer in it, as data (so the app shows it without
 * asking again: the opening is counted once) and, for a card that takes requests, drawn (so it
 * shows while the scripts load, or when they never do). A refusal or a re-issued card is drawn
 * by the app alone.
 */
export function cardPageHtml(index: string, answer: InlinedCard): string {
  const data = `<script type="application/json" id="${INLINED_CARD_ID}">${inlineJson(answer)}</script>`;
  const card = 'card' in answer && !answer.card.replacedBy ? answer.card : null;
  if (!card) return index.replace('<div id="app"></div>', `<div id="app"></div>${data}`);
  const title = `${escapeHtml(card.cadre.name)} · 民情联系卡`;
  return index
    .replace(/<title>[^<]*<\/title>/, `<title>${title}</title>`)
    .replace('</head>', `<style>${CRITICAL_CSS}</style></head>`)
    .replace('<div id="app"></div>', `<div id="app">${cardMarkup(card)}</div>${data}`);
}
