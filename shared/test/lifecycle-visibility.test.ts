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
    // The staff member who handled it is the one rated.
    ['ownerStaff', false],
    ['ownerCadre', false],
    ['firstContact', false],
    ['staffOutOfScope', false],
    ['cadreAsRequester', false],
  ] as [keyof typeof READERS, boolean][])('%s → %s', (reader, expected) => {
    expect(seesRatings(READERS[reader], 'village')).toBe(expected);
  });

  it('only staff read ratings through their scope: a cadre holding staff_in_scope does not', () => {
    const cadreInScope: Actor = { role: 'cadre', relations: ['staff_in_scope'] };
    expect(seesRatings(cadreInScope, 'village')).toBe(false);
    expect(seesRatings(cadreInScope, 'county')).toBe(false);
    expect(statusSeenBy('under_review', cadreInScope, 'village')).toBe('resolved');
  });
});

describe('at the county', () => {
  it('the county staff who handled a request read its rating: they are the ones to verify it', () => {
    expect(seesRatings(READERS.ownerStaff, 'county')).toBe(true);
    expect(statusSeenBy('under_review', READERS.ownerStaff, 'county')).toBe('under_review');
    expect(statusSeenBy('under_review', READERS.ownerStaff, 'township')).toBe('resolved');
    expect(seesRatings(READERS.ownerCadre, 'county')).toBe(false);
  });
});

describe('statusSeenBy: resolved, under review and closed read the same to a cadre', () => {
  const masked: RequestStatus[] = ['resolved', 'under_review', 'closed'];
  it.each(REQUEST_STATUSES.map((s) => [s] as const))('%s', (status) => {
    const cadre = statusSeenBy(status, READERS.ownerCadre, 'village');
    expect(cadre).toBe(masked.includes(status) ? 'resolved' : status);
    expect(statusSeenBy(status, READERS.firstContact, 'village')).toBe(cadre);
    expect(statusSeenBy(status, READERS.requester, 'village')).toBe(status);
    expect(statusSeenBy(status, READERS.staffInScope, 'village')).toBe(status);
    expect(statusSeenBy(status, READERS.ownerStaff, 'village')).toBe(cadre);
    expect(isStatusMasked(status, READERS.ownerCadre, 'village')).toBe(status !== cadre);
  });
  it('a rectification is not hidden: it is the cadre’s task', () => {
    expect(statusSeenBy('rectifying', READERS.ownerCadre, 'village')).toBe('rectifying');
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
    const good = timelineStepSeenBy(rate('closed'), READERS.ownerCadre, 'village');
    const bad = timelineStepSeenBy(rate('under_review'), READERS.ownerCadre, 'village');
    expect(good).toEqual({
      action: 'rate',
      fromStatus: 'resolved',
      toStatus: 'resolved',
      note: null,
    });
    expect(bad).toEqual(good);
  });
  it('the resident and staff see the rating as it was', () => {
    expect(timelineStepSeenBy(rate('under_review'), READERS.requester, 'village')).toEqual(
      rate('under_review'),
    );
    expect(timelineStepSeenBy(rate('under_review'), READERS.staffInScope, 'village')).toEqual(
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
    expect(timelineStepSeenBy(unfounded, READERS.ownerCadre, 'village')).toBeNull();
    expect(
      timelineStepSeenBy({ ...unfounded, founded: undefined }, READERS.ownerCadre, 'village'),
    ).toBeNull();
    expect(timelineStepSeenBy(founded, READERS.ownerCadre, 'village')).toEqual({
      ...founded,
      fromStatus: 'resolved',
    });
    expect(timelineStepSeenBy(unfounded, READERS.staffInScope, 'village')).toEqual(unfounded);
  });
  it('the window closing reads as 已办结 → 已办结 to the cadre', () => {
    expect(
      timelineStepSeenBy(
        { action: 'expire_rating', fromStatus: 'resolved', toStatus: 'closed', note: null },
        READERS.firstContact,
        'village',
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
    expect(timelineStepSeenBy(reply, READERS.ownerCadre, 'village')).toEqual(reply);
  });
});
