import { CONFIRMATION_TOKEN } from '../../test/fixtures';
import { confirmTokenOfPage as inBrowser } from './confirm-launch.h5';
import { confirmTokenOfPage as inWechat } from './confirm-launch.weapp';

describe('the confirmation code a page was opened with', () => {
  it('in a browser, from the path /confirm/<token>', () => {
    window.history.replaceState(null, '', `/confirm/${CONFIRMATION_TOKEN}`);

    expect(inBrowser({})).toBe(CONFIRMATION_TOKEN);
  });

  it('in a browser, from ?token= and never from a malformed path', () => {
    expect(inBrowser({ token: CONFIRMATION_TOKEN })).toBe(CONFIRMATION_TOKEN);
    window.history.replaceState(null, '', '/confirm/short');
    expect(inBrowser({})).toBeNull();
    window.history.replaceState(null, '', '/confirm');
    expect(inBrowser({})).toBeNull();
  });

  it('in WeChat, from the token param or a scanned link (q)', () => {
    const q = encodeURIComponent(`https://mq.example.gov.cn/confirm/${CONFIRMATION_TOKEN}`);

    expect(inWechat({ token: CONFIRMATION_TOKEN })).toBe(CONFIRMATION_TOKEN);
    expect(inWechat({ q })).toBe(CONFIRMATION_TOKEN);
    expect(inWechat({ q: encodeURIComponent('https://mq.example.gov.cn/c/ABC') })).toBeNull();
    expect(inWechat({})).toBeNull();
  });
});
