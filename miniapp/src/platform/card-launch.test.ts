import { CARD_CODE, MISTYPED_CARD_CODE } from '../../test/fixtures';
import { cardCodeOfPage as inBrowser } from './card-launch.h5';
import { cardCodeOfPage as inWechat } from './card-launch.weapp';

describe('the card code a page was opened with', () => {
  it('in WeChat, from a scanned link (q), URL-encoded', () => {
    const q = encodeURIComponent(`https://mq.example.gov.cn/c/${CARD_CODE}`);

    expect(inWechat({ q })).toEqual({ ok: true, code: CARD_CODE });
  });

  it('in WeChat, from a mini-program code (scene)', () => {
    expect(inWechat({ scene: encodeURIComponent(`c=${CARD_CODE}`) })).toEqual({
      ok: true,
      code: CARD_CODE,
    });
  });

  it('in WeChat, from our own navigation (code)', () => {
    expect(inWechat({ code: MISTYPED_CARD_CODE })).toEqual({ ok: false, reason: 'checksum' });
  });

  it('in WeChat, with nothing to go on', () => {
    expect(inWechat({})).toEqual({ ok: false, reason: 'not_card_link' });
  });

  it('in a browser, from the path /c/<code>', () => {
    window.history.replaceState(null, '', `/c/${CARD_CODE}/`);

    expect(inBrowser({})).toEqual({ ok: true, code: CARD_CODE });
  });

  it('in a browser, a mistyped path is caught by its check character', () => {
    window.history.replaceState(null, '', `/c/${MISTYPED_CARD_CODE}`);

    expect(inBrowser({})).toEqual({ ok: false, reason: 'checksum' });
  });

  it('in a browser, elsewhere than a card link', () => {
    window.history.replaceState(null, '', '/home');

    expect(inBrowser({})).toEqual({ ok: false, reason: 'not_card_link' });
  });
});
