import { AppError } from '../app-error';
import type { RequestActor } from '../auth/actor';
import { AccessPolicy, type RequestFacts, stateOf, subtreePattern } from './access-policy';

/**
 * The one gate every module asks before it shows or moves a request or reads a unit (issue 13:
 * a rule that decides who sees a conduct complaint must fail a test when it is wrong).
 */
const policy = new AccessPolicy();

const TOWN = '/1/2/';
const VILLAGE = '/1/2/3/';

function actor(overrides: Partial<RequestActor>): RequestActor {
  return {
    userId: 100,
    role: 'resident',
    displayName: '某人',
    orgUnitId: null,
    orgUnitPath: null,
    cadreId: null,
    ...overrides,
  };
}

function request(overrides: Partial<RequestFacts> = {}): RequestFacts {
  return {
    status: 'submitted',
    round: 1,
    level: 'village',
    category: 'difficulty',
    requesterId: 100,
    ownerUserId: 200,
    ownerUnitPath: VILLAGE,
    firstContactCadreId: 20,
    subjectCadreId: null,
    ...overrides,
  };
}

const resident = actor({ userId: 100, role: 'resident' });
const otherResident = actor({ userId: 101, role: 'resident' });
const owner = actor({ userId: 200, role: 'cadre', cadreId: 20, orgUnitPath: VILLAGE });
const cadre = actor({ userId: 300, role: 'cadre', cadreId: 30, orgUnitPath: VILLAGE });
const townStaff = actor({ userId: 400, role: 'staff', orgUnitId: 2, orgUnitPath: TOWN });
const otherStaff = actor({ userId: 401, role: 'staff', orgUnitId: 9, orgUnitPath: '/1/9/' });
const admin = actor({ userId: 500, role: 'admin', orgUnitId: 1, orgUnitPath: '/1/' });

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return err instanceof AppError ? err.code : String(err);
  }
  return null;
};

describe('how an actor stands to a request', () => {
  it('names each relation from its own field, and only for the roles it belongs to', () => {
    expect(policy.actorFor(resident, request())).toEqual({
      role: 'resident',
      relations: ['requester'],
    });
    // Same id as the requester, but not a resident: never the requester.
    expect(policy.actorFor(actor({ userId: 100, role: 'cadre' }), request()).relations).toEqual([]);
    expect(policy.actorFor(owner, request())).toEqual({
      role: 'cadre',
      relations: ['owner', 'first_contact'],
    });
    // A resident never owns, whatever their id.
    expect(policy.actorFor(actor({ userId: 200 }), request()).relations).toEqual([]);
    expect(policy.actorFor(cadre, request({ subjectCadreId: 30 })).relations).toEqual(['subject']);
    expect(policy.actorFor(cadre, request({ firstContactCadreId: 30 })).relations).toEqual([
      'first_contact',
    ]);
    expect(policy.actorFor(townStaff, request()).relations).toEqual(['staff_in_scope']);
    expect(policy.actorFor(otherStaff, request()).relations).toEqual([]);
  });

  it('gives no cadre relations to an account without a cadre', () => {
    const noCadre = actor({ userId: 600, role: 'staff', cadreId: null, orgUnitPath: '/9/' });
    expect(
      policy.actorFor(noCadre, request({ firstContactCadreId: null, subjectCadreId: null }))
        .relations,
    ).toEqual([]);
  });
});

describe('who may see a request', () => {
  it('shows it to its requester, owner, first contact and staff in scope; 404 to anyone else', () => {
    for (const who of [resident, owner, townStaff]) {
      expect(refusal(() => policy.requireVisible(who, request()))).toBeNull();
    }
    for (const who of [otherResident, cadre, otherStaff]) {
      expect(refusal(() => policy.requireVisible(who, request()))).toBe('REQUEST_NOT_FOUND');
    }
    expect(refusal(() => policy.requireVisible(resident, null))).toBe('REQUEST_NOT_FOUND');
    expect(policy.requireVisible(resident, request())).toEqual({
      role: 'resident',
      relations: ['requester'],
    });
  });

  it('hides a conduct complaint from the cadre it is about, even as its first contact', () => {
    const complaint = request({
      category: 'conduct',
      subjectCadreId: 20,
      ownerUserId: 400,
      ownerUnitPath: TOWN,
    });
    expect(refusal(() => policy.requireVisible(owner, complaint))).toBe('REQUEST_NOT_FOUND');
    expect(refusal(() => policy.requireVisible(resident, complaint))).toBeNull();
    expect(refusal(() => policy.requireVisible(townStaff, complaint))).toBeNull();
  });
});

describe('moves', () => {
  it('gives the transition the state machine allows, and its refusal otherwise', () => {
    const accepted = policy.requireMove(owner, request(), { action: 'accept' });
    expect(accepted).toMatchObject({ ok: true, to: 'in_progress' });
    expect(refusal(() => policy.requireMove(resident, request(), { action: 'accept' }))).toBe(
      'NOT_OWNER',
    );
    expect(refusal(() => policy.requireMove(cadre, request(), { action: 'accept' }))).toBe(
      'REQUEST_NOT_FOUND',
    );
  });

  it('lists the reader’s buttons without the moves that create requests', () => {
    const who = policy.actorFor(owner, request());
    const actions = policy.allowedActions(who, request());
    expect(actions).toContain('accept');
    expect(actions).not.toContain('submit');
    expect(actions).not.toContain('record_on_spot');
    expect(policy.allowedActions(policy.actorFor(resident, request()), request())).toContain(
      'withdraw',
    );
    // Before a request exists the state machine would offer them; a page never does.
    const unmade = request({ status: null });
    for (const who of [resident, owner]) {
      expect(policy.allowedActions(policy.actorFor(who, unmade), unmade)).toEqual([]);
    }
  });

  it('reads round 2 as the second round and anything else as the first', () => {
    expect(stateOf(request({ round: 2 })).round).toBe(2);
    expect(stateOf(request({ round: 1 })).round).toBe(1);
    expect(stateOf(request({ round: 7 })).round).toBe(1);
    expect(
      stateOf(request({ status: 'in_progress', level: 'township', category: 'policy' })),
    ).toEqual({ status: 'in_progress', round: 1, level: 'township', category: 'policy' });
  });
});

describe('scopes', () => {
  it('lets staff read their subtree only', () => {
    expect(policy.staffCovers(townStaff, VILLAGE)).toBe(true);
    expect(policy.staffCovers(townStaff, TOWN)).toBe(true);
    expect(policy.staffCovers(townStaff, '/1/9/')).toBe(false);
    expect(policy.staffCovers(admin, VILLAGE)).toBe(false);
    expect(policy.staffCovers(actor({ role: 'staff', orgUnitPath: null }), VILLAGE)).toBe(false);
    expect(policy.requireStaffScope(townStaff)).toBe(TOWN);
    expect(refusal(() => policy.requireStaffScope(admin))).toBe('FORBIDDEN');
    expect(refusal(() => policy.requireStaffScope(actor({ role: 'staff' })))).toBe('FORBIDDEN');
    expect(refusal(() => policy.requireUnit(townStaff, VILLAGE))).toBeNull();
    expect(refusal(() => policy.requireUnit(townStaff, '/1/9/'))).toBe('OUT_OF_SCOPE');
    expect(refusal(() => policy.requireUnit(cadre, VILLAGE))).toBe('FORBIDDEN');
  });

  it('lets staff and admins manage their subtree in the office; nobody else', () => {
    expect(policy.requireOfficeScope(townStaff)).toBe(TOWN);
    expect(policy.requireOfficeScope(admin)).toBe('/1/');
    expect(refusal(() => policy.requireOfficeScope(cadre))).toBe('FORBIDDEN');
    expect(refusal(() => policy.requireOfficeScope(actor({ role: 'admin' })))).toBe('FORBIDDEN');
    expect(refusal(() => policy.requireOfficeUnit(admin, VILLAGE))).toBeNull();
    expect(refusal(() => policy.requireOfficeUnit(townStaff, '/1/9/'))).toBe('OUT_OF_SCOPE');
  });

  it('opens a household to its own cadre only, and hides it from the others', () => {
    expect(policy.requireCadre(cadre)).toBe(30);
    expect(refusal(() => policy.requireCadre(townStaff))).toBe('FORBIDDEN');
    // Only a cadre's account is a cadre, whatever else it carries.
    expect(refusal(() => policy.requireCadre(actor({ role: 'staff', cadreId: 30 })))).toBe(
      'FORBIDDEN',
    );
    expect(refusal(() => policy.requireCadre(actor({ role: 'cadre', cadreId: null })))).toBe(
      'FORBIDDEN',
    );
    expect(refusal(() => policy.requireOwnHousehold(cadre, { cadreId: 30 }))).toBeNull();
    expect(refusal(() => policy.requireOwnHousehold(cadre, { cadreId: 20 }))).toBe('NOT_FOUND');
    expect(refusal(() => policy.requireOwnHousehold(cadre, null))).toBe('NOT_FOUND');
    expect(refusal(() => policy.requireOwnHousehold(townStaff, { cadreId: 30 }))).toBe('FORBIDDEN');
  });

  it('matches a subtree by its path prefix', () => {
    expect(subtreePattern(TOWN)).toBe('/1/2/%');
  });
});
