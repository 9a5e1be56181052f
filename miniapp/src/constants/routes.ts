/**
 * Every page path of the app, in one place. app.config.ts builds `pages` and `subPackages` from
 * here, the H5 router's short paths are declared here, and navigation calls use `routeOf`.
 */

/** The main package holds only what the first scan needs; the card page opens first. */
export const MAIN_PAGES = {
  card: 'pages/card/index',
  home: 'pages/home/index',
} as const;

/** Role flows download on demand, keeping the main package small for weak village signal. */
export const SUB_PACKAGES = {
  resident: {
    root: 'packages/resident',
    pages: {
      submit: 'submit/index',
      mine: 'mine/index',
      myRequest: 'request/index',
      confirm: 'confirm/index',
    },
  },
  work: {
    root: 'packages/work',
    pages: {
      signIn: 'sign-in/index',
      inbox: 'inbox/index',
      workRequest: 'request/index',
      record: 'record/index',
      password: 'password/index',
      myFigures: 'figures/index',
      figureRequests: 'figure-requests/index',
      households: 'households/index',
      household: 'household/index',
    },
  },
  township: {
    root: 'packages/township',
    pages: {
      figures: 'figures/index',
      anomalies: 'anomalies/index',
      queue: 'queue/index',
      failedNotices: 'failed/index',
    },
  },
  /**
   * 管理后台: the org tree, cadres and their cards, accounts, the calendar, exports and the audit
   * log; township staff and county admins, mostly on a desktop browser.
   */
  office: {
    root: 'packages/office',
    pages: {
      officeHome: 'home/index',
      officeUnits: 'units/index',
      officeCadres: 'cadres/index',
      officeCadre: 'cadre/index',
      officeCard: 'card/index',
      officePrint: 'print/index',
      officeLedger: 'ledger/index',
      officeAccounts: 'accounts/index',
      officeCalendar: 'calendar/index',
      officeAudit: 'audit/index',
      officeHouseholds: 'households/index',
    },
  },
  /** 村务公示栏: public, no sign-in; what a QR code on the village's notice board opens. */
  board: {
    root: 'packages/board',
    pages: { villageBoard: 'village/index' },
  },
  /** Everyone's 消息 list: its own package, since residents and workers both open it. */
  notice: {
    root: 'packages/notice',
    pages: { messages: 'list/index' },
  },
} as const;

type SubPackages = typeof SUB_PACKAGES;
export type MainPage = keyof typeof MAIN_PAGES;
export type SubPage = {
  [K in keyof SubPackages]: keyof SubPackages[K]['pages'];
}[keyof SubPackages];
export type PageName = MainPage | SubPage;

/** Path of every page without the leading slash, as app.config.ts and WeChat spell it. */
export const PAGE_PATHS = {
  ...MAIN_PAGES,
  ...Object.fromEntries(
    Object.values(SUB_PACKAGES).flatMap((pkg) =>
      Object.entries(pkg.pages).map(([name, page]) => [name, `${pkg.root}/${page}`]),
    ),
  ),
} as Record<PageName, string>;

/**
 * Short H5 paths, first one canonical. A card's QR code opened in a phone browser lands on
 * `/c/<code>`, a 当场解决 confirmation link on `/confirm/<token>`, a village board's poster on
 * `/board/<unit id>`; Taro passes only the query
 * string to the page, so those pages read the code from the path itself. Staff bookmark `/work`,
 * `/township` and `/office` on their desktops.
 */
export const H5_PATHS: Record<PageName, readonly string[]> = {
  card: ['/c', '/c/:code'],
  home: ['/home'],
  submit: ['/submit'],
  mine: ['/mine'],
  myRequest: ['/mine/request'],
  confirm: ['/confirm', '/confirm/:token'],
  signIn: ['/work/sign-in'],
  inbox: ['/work'],
  workRequest: ['/work/request'],
  record: ['/work/record'],
  password: ['/work/password'],
  myFigures: ['/work/figures'],
  figureRequests: ['/work/figure-requests'],
  households: ['/work/households'],
  household: ['/work/household'],
  figures: ['/township'],
  anomalies: ['/township/anomalies'],
  queue: ['/township/queue'],
  failedNotices: ['/township/failed-notices'],
  messages: ['/messages'],
  villageBoard: ['/board', '/board/:id'],
  officeHome: ['/office'],
  officeUnits: ['/office/units'],
  officeCadres: ['/office/cadres'],
  officeCadre: ['/office/cadre'],
  officeCard: ['/office/card'],
  officePrint: ['/office/print'],
  officeLedger: ['/office/ledger'],
  officeAccounts: ['/office/accounts'],
  officeCalendar: ['/office/calendar'],
  officeAudit: ['/office/audit'],
  officeHouseholds: ['/office/households'],
};

export type RouteParams = Record<string, string | number | undefined>;

export function routeOf(page: PageName, params: RouteParams = {}): string {
  const query = Object.entries(params)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
    .join('&');
  return `/${PAGE_PATHS[page]}${query ? `?${query}` : ''}`;
}
