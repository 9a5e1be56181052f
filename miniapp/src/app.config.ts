import { MAIN_PAGES, SUB_PACKAGES } from './constants/routes';

const subPackages = Object.values(SUB_PACKAGES).map((pkg) => ({
  root: pkg.root,
  pages: Object.values(pkg.pages) as string[],
}));

export default defineAppConfig({
  pages: Object.values(MAIN_PAGES),
  subPackages,
  // A resident who opens 我要反映 usually goes on to submit: fetch that package while they read.
  preloadRule: {
    [MAIN_PAGES.card]: { network: 'all', packages: [SUB_PACKAGES.resident.root] },
  },
  // Each page loads only the components it uses (WeChat's 按需注入; its code-quality review asks).
  lazyCodeLoading: 'requiredComponents',
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '民情联系卡',
    navigationBarTextStyle: 'black',
  },
});
