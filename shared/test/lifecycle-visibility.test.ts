import {
  type Actor,
  isStatusMasked,
  REQUEST_STATUSES,
  type RequestStatus,
  seesRatings,
  statusSeenBy,
  timelineStepSeenBy,
  type TimelineFacts,
} from '../src/lifecycle';

const READERS = {
  requester: { role: 'resident', relations: ['requester'] },
  staffInScope: { role: 'staff', relations: ['staff_in_scope'] },
  ownerStaff: { role: 'staff', relations: ['owner', 'staff_in_scope'] },
  ownerCadre: { role: 'cadre', relations: ['owner'] },
  firstContact: { role: 'cadre', relations: ['first_contact'] },
  staffOutOfScope: { role: 'staff', relations: [] },
  // A cadre account cannot borrow a resident's view by holding the relation.
  cadreAsRequester: { role: 'cadre', relations: ['requester'] },
} satisfies Record<string, Actor>;

describe('who sees ratings', () => {
  it.each([
    ['requester', true],
    ['staffInScope', true],
    ['ownerStaff', true],
    ['ownerCadre', false],
    ['firstContact', false],
    ['staffOutOfScope', false],
    ['cadreAsRequester', false],
  ] as [keyof typeof READERS, boolean][])('%s → %s', (reader, expected) => {
    expect(seesRatings(READERS[reader])).toBe(expected);
  });
});

describe('statusSeenBy: resolved, under review and closed read the same to a cadre', () => {
  const masked: RequestStatus[] = ['resolved', 'under_review', 'closed'];
  it.each(REQUEST_STATUSES.map((s) => [s] as const))('%s', (status) => {
    const cadre = statusSeenBy(status, READERS.ownerCadre);
    expect(cadre).toBe(masked.includes(status) ? 'resolved' : status);
    expect(statusSeenBy(status, READERS.firstContact)).toBe(cadre);
    expect(statusSeenBy(status, READERS.requester)).toBe(status);
    expect(statusSeenBy(status, READERS.staffInScope)).toBe(status);
    expect(isStatusMasked(status, READERS.ownerCadre)).toBe(status !== cadre);
  });
  it('a rectification is not hidden: it is the cadre’s task', () => {
    expect(statusSeenBy('rectifying', READERS.ownerCadre)).toBe('rectifying');
  });
});

describe('timelineStepSeenBy', () => {
  const rate = (to: RequestStatus): TimelineFacts => ({
    action: 'rate',
    fromStatus: 'resolved',
    toStatus: to,
    note: '办事拖拉',
  });
  it('a good and a bad rating look the same to the cadre: given, with no result', () => {
    const good = timelineStepSeenBy(rate('closed'), READERS.ownerCadre);
    const bad = timelineStepSeenBy(rate('under_review'), READERS.ownerCadre);
    expect(good).toEqual({
      action: 'rate',
      fromStatus: 'resolved',
      toStatus: 'resolved',
      note: null,
    });
    expect(bad).toEqual(good);
  });
  it('the resident and staff see the rating as it was', () => {
    expect(timelineStepSeenBy(rate('under_review'), READERS.requester)).toEqual(
      rate('under_review'),
    );
    expect(timelineStepSeenBy(rate('under_review'), READERS.staffInScope)).toEqual(
      rate('under_review'),
    );
  });
  it('an unfounded verification is hidden from the cadre; a founded one is the 整改 task', () => {
    const unfounded: TimelineFacts = {
      action: 'verify',
      fromStatus: 'under_review',
      toStatus: 'closed',
      note: '恶意评价',
      founded: false,
    };
    const founded: TimelineFacts = {
      action: 'verify',
      fromStatus: 'under_review',
      toStatus: 'rectifying',
      note: '未按约定时间上门，请三日内整改',
      founded: true,
    };
    expect(timelineStepSeenBy(unfounded, READERS.ownerCadre)).toBeNull();
    expect(timelineStepSeenBy({ ...unfounded, founded: undefined }, READERS.ownerCadre)).toBeNull();
    expect(timelineStepSeenBy(founded, READERS.ownerCadre)).toEqual({
      ...founded,
      fromStatus: 'resolved',
    });
    expect(timelineStepSeenBy(unfounded, READERS.staffInScope)).toEqual(unfounded);
  });
  it('the window closing reads as 已办结 → 已办结 to the cadre', () => {
    expect(
      timelineStepSeenBy(
        { action: 'expire_rating', fromStatus: 'resolved', toStatus: 'closed', note: null },
        READERS.firstContact,
      ),
    ).toEqual({
      action: 'expire_rating',
      fromStatus: 'resolved',
      toStatus: 'resolved',
      note: null,
    });
  });
  it('other steps keep their notes', () => {
    const reply: TimelineFacts = {
      action: 'reply',
      fromStatus: 'in_progress',
      toStatus: 'in_progress',
      note: '明天上门',
    };
    expect(timelineStepSeenBy(reply, READERS.ownerCadre)).toEqual(reply);
  });
});
