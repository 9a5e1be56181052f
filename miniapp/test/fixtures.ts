import {
  generateCardCode,
  type CardView,
  type ClockView,
  type ConfirmationPreview,
  type ConfirmationTicket,
  type FailedDelivery,
  type HandledItem,
  type Notice,
  type RatingView,
  type RequestDetail,
  type RequestSummary,
  type SignInResult,
  type StaffQueueCounts,
  type TimelineEntry,
  type TransferTarget,
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
    replacedBy: null,
    helpCard: false,
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
    supervision: null,
    version: 1,
    ...overrides,
  };
}

export function timelineEntry(overrides: Partial<TimelineEntry> = {}): TimelineEntry {
  return {
    id: 1,
    action: 'submit',
    actorLabel: '群众',
    fromStatus: null,
    toStatus: 'submitted',
    note: null,
    handedTo: null,
    at: '2026-11-21T01:30:00.000Z',
    ...overrides,
  };
}

export function requestDetail(overrides: Partial<RequestDetail> = {}): RequestDetail {
  return {
    ...requestSummary(),
    text: '三组的自来水停了三天了，老人挑水很困难，希望尽快修好。',
    photos: [],
    voice: null,
    contactPhoneMasked: '138****5678',
    firstContactName: '李明',
    round: 1,
    resolvedAt: null,
    resolutionOutcome: null,
    resolutionNote: null,
    rateUntil: null,
    ratings: [],
    rectification: null,
    supervisionNote: null,
    flaggedToCounty: false,
    publicSummary: null,
    publicHidden: false,
    clocks: [],
    timeline: [timelineEntry()],
    household: null,
    contentHolds: [],
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
      mustChangePassword: false,
      ...user,
    },
  };
}

/** A 经手 item: first received by the reader, now with someone else. */
export function handledItem(overrides: Partial<HandledItem> = {}): HandledItem {
  return {
    ...requestSummary({ ownerName: '张伟', level: 'township', version: 0 }),
    ownerUnitName: '青山镇',
    ...overrides,
  };
}

export function ratingView(overrides: Partial<RatingView> = {}): RatingView {
  return {
    round: 1,
    level: 5,
    solved: 'solved',
    tags: [],
    comment: '',
    at: '2026-11-21T03:00:00.000Z',
    excluded: false,
    ...overrides,
  };
}

export function clockView(overrides: Partial<ClockView> = {}): ClockView {
  return {
    kind: 'accept',
    ownerName: '李明',
    level: 'village',
    startedAt: '2026-11-21T01:30:00.000Z',
    dueAt: '2026-11-23T10:00:00.000Z',
    stoppedAt: null,
    stoppedBy: null,
    standing: 'running',
    ...overrides,
  };
}

export function transferTarget(overrides: Partial<TransferTarget> = {}): TransferTarget {
  return {
    userId: 21,
    name: '张伟',
    post: '包村干部',
    unitName: '红星村',
    unitKind: 'village',
    level: 'village',
    ...overrides,
  };
}

/** A 24-character confirmation code, as the server puts in the link. */
export const CONFIRMATION_TOKEN = 'Ab3dEf6hJk9mNp2qRs5tUv8w';

export function confirmationTicket(
  overrides: Partial<ConfirmationTicket> = {},
): ConfirmationTicket {
  return {
    link: `https://mq.example.gov.cn/confirm/${CONFIRMATION_TOKEN}`,
    qrDataUrl: 'data:image/png;base64,iVBORw0KGgo=',
    expiresAt: '2026-11-22T02:00:00.000Z',
    smsSentTo: null,
    ...overrides,
  };
}

export function confirmationPreview(
  overrides: Partial<ConfirmationPreview> = {},
): ConfirmationPreview {
  return {
    state: 'pending',
    expiresAt: '2099-11-22T02:00:00.000Z',
    expired: false,
    cadreName: '李明',
    category: 'difficulty',
    text: '家门口的下水道堵了，污水漫到路上。',
    note: '已联系保洁队当场疏通，现在排水正常。',
    phoneMasked: '138****5678',
    requestId: 42,
    ...overrides,
  };
}

/** An unread notice about request 42, as the 消息 list receives it. */
export function notice(overrides: Partial<Notice> = {}): Notice {
  return {
    id: 1,
    kind: 'accepted',
    title: '诉求已签收',
    body: '您反映的饮水问题已由李明签收，正在办理。',
    requestId: 42,
    createdAt: '2026-11-21T02:00:00.000Z',
    readAt: null,
    ...overrides,
  };
}

/** A WeChat message to a cadre that ran out of attempts. */
export function failedDelivery(overrides: Partial<FailedDelivery> = {}): FailedDelivery {
  return {
    id: 31,
    noticeId: 1,
    kind: 'overdue',
    channel: 'wechat',
    status: 'failed',
    recipientName: '李明',
    title: '诉求已超期',
    body: '您有一件诉求已超期未办结：饮水问题（MQ-20261121-0042），请尽快办理。',
    requestId: 42,
    requestNumber: 'MQ-20261121-0042',
    attempts: 6,
    lastError: '对方没有订阅这类微信消息',
    createdAt: '2026-11-21T02:00:00.000Z',
    lastAttemptAt: '2026-11-21T06:00:00.000Z',
    ...overrides,
  };
}

export function staffQueueCounts(overrides: Partial<StaffQueueCounts> = {}): StaffQueueCounts {
  return {
    review: 2,
    conduct: 0,
    dueSoon: 3,
    overdue: 1,
    supervised: 4,
    flagged: 0,
    content: 0,
    failedNotices: 0,
    ...overrides,
  };
}
