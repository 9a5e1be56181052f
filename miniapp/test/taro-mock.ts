// Only what the code under test and @tarojs/components-react touch; extend as pages need more.
// React's own act, not Testing Library's: importing that would register its hooks again in
// tests that re-import this mock after jest.resetModules().
import { act, useEffect, useRef } from 'react';

const eventCenter = { on: jest.fn(), off: jest.fn(), trigger: jest.fn() };

/** WeChat/browser storage, in memory. */
export const storage = new Map<string, unknown>();

let routerParams: Record<string, string> = {};

/** The query the page under test was opened with. */
export function setRouterParams(params: Record<string, string>): void {
  routerParams = params;
}

/** What the mounted components registered with useDidShow; as in Taro, a page may hold several. */
const shownCallbacks = new Set<() => void>();

/** The page is shown again (back from another page): every useDidShow callback runs. */
export function showAgain(): void {
  act(() => shownCallbacks.forEach((callback) => callback()));
}

/**
 * Like Taro's own: registered while mounted, always calling the latest callback, and called once
 * when the page first shows (Taro runs onShow after the page has mounted).
 */
function useDidShowMock(callback: () => void): void {
  const latest = useRef(callback);
  latest.current = callback;
  useEffect(() => {
    const registered = () => latest.current();
    shownCallbacks.add(registered);
    registered();
    return () => {
      shownCallbacks.delete(registered);
    };
  }, []);
}

const navigation = () => jest.fn(() => Promise.resolve({ errMsg: 'ok' }));

const Taro = {
  request: jest.fn(),
  uploadFile: jest.fn(),
  eventCenter,
  getEnv: () => 'WEB',
  ENV_TYPE: { WEAPP: 'WEAPP', WEB: 'WEB' },
  getStorageSync: jest.fn((key: string) => (storage.has(key) ? storage.get(key) : '')),
  setStorageSync: jest.fn((key: string, value: unknown) => {
    storage.set(key, JSON.parse(JSON.stringify(value)) as unknown);
  }),
  removeStorageSync: jest.fn((key: string) => {
    storage.delete(key);
  }),
  getSystemInfoSync: jest.fn(() => ({ fontSizeSetting: 17 })),
  navigateTo: navigation(),
  redirectTo: navigation(),
  reLaunch: navigation(),
  navigateBack: navigation(),
  makePhoneCall: jest.fn(() => Promise.resolve()),
  pageScrollTo: jest.fn(() => Promise.resolve({ errMsg: 'pageScrollTo:ok' })),
  setNavigationBarTitle: jest.fn(() => Promise.resolve({ errMsg: 'ok' })),
  login: jest.fn(() => Promise.resolve({ code: 'wx-code', errMsg: 'login:ok' })),
  chooseImage: jest.fn(),
  compressImage: jest.fn(),
  scanCode: jest.fn(),
  requestSubscribeMessage: jest.fn(() => Promise.resolve({ errMsg: 'requestSubscribeMessage:ok' })),
  useRouter: () => ({ params: routerParams, path: '' }),
  useDidShow: useDidShowMock,
  /** The share hooks keep their builder, so a test can ask what a share would say. */
  useShareAppMessage: jest.fn(),
  useShareTimeline: jest.fn(),
};

export const {
  request,
  uploadFile,
  getStorageSync,
  setStorageSync,
  removeStorageSync,
  useRouter,
  useDidShow,
  useShareAppMessage,
  useShareTimeline,
} = Taro;
export { eventCenter };
export default Taro;
