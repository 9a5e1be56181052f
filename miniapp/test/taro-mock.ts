// Only what the code under test and @tarojs/components-react touch; extend as pages need more.
const eventCenter = { on: jest.fn(), off: jest.fn(), trigger: jest.fn() };

/** WeChat/browser storage, in memory. */
export const storage = new Map<string, unknown>();

let routerParams: Record<string, string> = {};

/** The query the page under test was opened with. */
export function setRouterParams(params: Record<string, string>): void {
  routerParams = params;
}

/** The callback the page registered last with useDidShow: call it to simulate coming back. */
export const didShow: { current: (() => void) | null } = { current: null };

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
  makePhoneCall: jest.fn(() => Promise.resolve()),
  setNavigationBarTitle: jest.fn(() => Promise.resolve({ errMsg: 'ok' })),
  login: jest.fn(() => Promise.resolve({ code: 'wx-code', errMsg: 'login:ok' })),
  chooseImage: jest.fn(),
  compressImage: jest.fn(),
  scanCode: jest.fn(),
  useRouter: () => ({ params: routerParams, path: '' }),
  useDidShow: (callback: () => void) => {
    didShow.current = callback;
  },
};

export const {
  request,
  uploadFile,
  getStorageSync,
  setStorageSync,
  removeStorageSync,
  useRouter,
  useDidShow,
} = Taro;
export { eventCenter };
export default Taro;
