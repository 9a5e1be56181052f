import { boardUnitOfPage as inBrowser } from './board-launch.h5';
import { boardUnitOfPage as inWechat } from './board-launch.weapp';

describe('the village a board page was opened for', () => {
  it('in WeChat, from the poster’s scanned link (q), URL-encoded', () => {
    const q = encodeURIComponent('https://mq.example.gov.cn/board/42');
    expect(inWechat({ q })).toBe(42);
  });

  it('in WeChat, from our own navigation, and nothing from anything else', () => {
    expect(inWechat({ id: '42' })).toBe(42);
    expect(inWechat({ id: '0' })).toBeNull();
    expect(inWechat({ q: encodeURIComponent('https://mq.example.gov.cn/c/AbC') })).toBeNull();
    expect(inWechat({})).toBeNull();
  });

  it('in a browser, from the path /board/<id>', () => {
    window.history.replaceState(null, '', '/board/42/');
    expect(inBrowser({})).toBe(42);
    window.history.replaceState(null, '', '/board/4x2');
    expect(inBrowser({})).toBeNull();
    window.history.replaceState(null, '', '/home');
    expect(inBrowser({ id: '7' })).toBe(7);
    expect(inBrowser({})).toBeNull();
  });
});
