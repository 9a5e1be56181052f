import { H5_PATHS, PAGE_PATHS, SUB_PACKAGES, routeOf } from './routes';

describe('routes', () => {
  it('spells every page path as WeChat expects', () => {
    expect(PAGE_PATHS).toEqual({
      card: 'pages/card/index',
      home: 'pages/home/index',
      submit: 'packages/resident/submit/index',
      mine: 'packages/resident/mine/index',
      myRequest: 'packages/resident/request/index',
      confirm: 'packages/resident/confirm/index',
      signIn: 'packages/work/sign-in/index',
      inbox: 'packages/work/inbox/index',
      workRequest: 'packages/work/request/index',
      record: 'packages/work/record/index',
      password: 'packages/work/password/index',
      myFigures: 'packages/work/figures/index',
      figureRequests: 'packages/work/figure-requests/index',
      households: 'packages/work/households/index',
      household: 'packages/work/household/index',
      figures: 'packages/township/figures/index',
      anomalies: 'packages/township/anomalies/index',
      queue: 'packages/township/queue/index',
      failedNotices: 'packages/township/failed/index',
      messages: 'packages/notice/list/index',
      officeHome: 'packages/office/home/index',
      officeUnits: 'packages/office/units/index',
      officeCadres: 'packages/office/cadres/index',
      officeCadre: 'packages/office/cadre/index',
      officeCard: 'packages/office/card/index',
      officePrint: 'packages/office/print/index',
      officeLedger: 'packages/office/ledger/index',
      officeAccounts: 'packages/office/accounts/index',
      officeCalendar: 'packages/office/calendar/index',
      officeAudit: 'packages/office/audit/index',
      officeHouseholds: 'packages/office/households/index',
      villageBoard: 'packages/board/village/index',
    });
    expect(Object.keys(H5_PATHS).sort()).toEqual(Object.keys(PAGE_PATHS).sort());
    expect(Object.keys(SUB_PACKAGES)).toEqual([
      'resident',
      'work',
      'township',
      'office',
      'board',
      'notice',
    ]);
  });

  it('builds navigation URLs with an encoded query', () => {
    expect(routeOf('home')).toBe('/pages/home/index');
    expect(routeOf('myRequest', { id: 42, from: undefined })).toBe(
      '/packages/resident/request/index?id=42',
    );
    expect(routeOf('card', { code: 'a b&c' })).toBe('/pages/card/index?code=a%20b%26c');
  });
});
