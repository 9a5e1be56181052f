import {
  generateCardCode,
  type CardView,
  type RequestDetail,
  type RequestSummary,
  type SignInResult,
} from '@mqlk/shared';

/** A valid card code (its check character is right), and the same code with one character off. */
export const CARD_CODE = generateCardCode((n) => new Uint8Array(n).fill(7));
export const MISTYPED_CARD_CODE = `${CARD_CODE.slice(0, 3)}8${CARD_CODE.slice(4)}`;

export function cardView(overrides: Partial<CardView> = {}): CardView {
  return {
    code: CARD_CODE,
    cadre: {
      id: 11,
      name: '李明',
      post: '网格员',
      phone: '13812345678',
      duties: '负责红星村三组、四组的民情走访和矛盾调解',
      dutyDays: '每周二、周四在村委会',
      photoUrl: null,
      unitName: '红星村',
    },
    villageName: '红星村',
    townshipName: '青山镇',
    hotlines: [
      { name: '镇卫生院', phone: '0571-88880001' },
      { name: '供电所', phone: '95598' },
    ],
    handedOverFrom: null,
    ...overrides,
  };
}

export function requestSummary(overrides: Partial<RequestSummary> = {}): RequestSummary {
  return {
    id: 42,
    number: 'MQ-20261121-0042',
    category: 'difficulty',
    subTopic: 'water',
    preview: '三组的自来水停了三天了',
    status: 'submitted',
    level: 'village',
    channel: 'card_scan',
    submittedAt: '2026-11-21T01:30:00.000Z',
    acceptDueAt: '2026-11-23T10:00:00.000Z',
    dueAt: '2026-11-26T10:00:00.000Z',
    deadline: 'on_time',
    deadlineText: '还剩3个工作日',
    ownerName: '李明',
    version: 1,
    ...overrides,
  };
}

export function requestDetail(overrides: Partial<RequestDetail> = {}): RequestDetail {
  return {
    ...requestSummary(),
    text: '三组的自来水停了三天了，老人挑水很困难，希望尽快修好。',
    photos: [],
    contactPhoneMasked: '138****5678',
    firstContactName: '李明',
    round: 1,
    resolvedAt: null,
    resolutionOutcome: null,
    resolutionNote: null,
    rateUntil: null,
    ratings: [],
    timeline: [
      {
        id: 1,
        action: 'submit',
        actorLabel: '群众',
        fromStatus: null,
        toStatus: 'submitted',
        note: null,
        at: '2026-11-21T01:30:00.000Z',
      },
    ],
    allowedActions: [],
    ...overrides,
  };
}

/** A signed-in resident, as the session store keeps it. */
export function residentSession(user: Partial<SignInResult['user']> = {}): SignInResult {
  return {
    token: 'tok-resident',
    expiresAt: '2099-01-01T00:00:00.000Z',
    user: {
      id: 5,
      role: 'resident',
      displayName: '群众',
      phoneMasked: null,
      orgUnitId: null,
      orgUnitName: null,
      cadreId: null,
      ...user,
    },
  };
}
