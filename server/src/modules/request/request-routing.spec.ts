import type { RequestActor } from '../../common/auth/actor';
import { AppError } from '../../common/app-error';
import type { CadreEntity } from '../cadre/cadre.entity';
import type { CadreRepository } from '../cadre/cadre.repository';
import type { OrgUnitEntity } from '../org/org-unit.entity';
import type { OrgRepository } from '../org/org.repository';
import type { UserRepository } from '../user/user.repository';
import { RequestRouting } from './request-routing';
import type { RequestEntity } from './request.entity';

/**
 * Who a request goes to and may be handed to (issue 13: the routing rules under mutation
 * testing). The repositories are in-memory stand-ins that answer as the real ones do; the
 * e2e suites run the same rules on MariaDB and SQLite.
 */
type Unit = Pick<OrgUnitEntity, 'id' | 'path' | 'kind' | 'name'>;
type Account = { id: number; role: 'staff' | 'cadre'; orgUnitId: number; displayName: string };
type Cadre = Pick<
  CadreEntity,
  'id' | 'userId' | 'orgUnitId' | 'name' | 'post' | 'active' | 'successorCadreId'
>;

const COUNTY: Unit = { id: 1, path: '/1/', kind: 'county', name: '青山县' };
const TOWN: Unit = { id: 2, path: '/1/2/', kind: 'township', name: '石桥镇' };
const TOWN_B: Unit = { id: 5, path: '/1/5/', kind: 'township', name: '溪口镇' };
const VILLAGE: Unit = { id: 3, path: '/1/2/3/', kind: 'village', name: '东岭村' };
const GRID: Unit = { id: 4, path: '/1/2/3/4/', kind: 'grid', name: '第一网格' };
const VILLAGE_B: Unit = { id: 6, path: '/1/5/6/', kind: 'village', name: '西溪村' };

function world(o: { accounts?: Account[]; cadres?: Cadre[]; units?: Unit[] } = {}) {
  const units = o.units ?? [COUNTY, TOWN, TOWN_B, VILLAGE, GRID, VILLAGE_B];
  const accounts = o.accounts ?? [
    { id: 900, role: 'staff', orgUnitId: 1, displayName: '县里' },
    { id: 400, role: 'staff', orgUnitId: 2, displayName: '镇甲' },
    { id: 401, role: 'staff', orgUnitId: 2, displayName: '镇乙' },
    { id: 500, role: 'staff', orgUnitId: 5, displayName: '溪口镇' },
    { id: 200, role: 'cadre', orgUnitId: 3, displayName: '张建国账号' },
    { id: 201, role: 'cadre', orgUnitId: 4, displayName: '李网格账号' },
    { id: 202, role: 'cadre', orgUnitId: 3, displayName: '没有干部档案' },
    { id: 600, role: 'cadre', orgUnitId: 6, displayName: '西溪村干部' },
  ];
  const cadres = o.cadres ?? [
    cadre(20, 200, 3, '张建国'),
    cadre(21, 201, 4, '李网格'),
    cadre(60, 600, 6, '王西溪'),
  ];
  const lineage = (path: string) =>
    path
      .split('/')
      .filter(Boolean)
      .map(Number)
      .flatMap((id) => units.filter((u) => u.id === id));
  const org = {
    findById: async (id: number) => units.find((u) => u.id === id) ?? null,
    findAncestorOfKind: async (unit: { path: string }, kind: string) =>
      lineage(unit.path).find((u) => u.kind === kind) ?? null,
    findSubtree: async (path: string) => units.filter((u) => u.path.startsWith(path)),
  };
  const users = {
    firstStaffOf: async (unitId: number, except?: number) =>
      accounts.find((a) => a.role === 'staff' && a.orgUnitId === unitId && a.id !== except)?.id ??
      null,
    findWorkAccountsIn: async (unitIds: readonly number[], roles: readonly string[]) =>
      accounts.filter((a) => unitIds.includes(a.orgUnitId) && roles.includes(a.role)),
  };
  const byId = (id: number) => cadres.find((c) => c.id === id);
  const cadreRepo = {
    findHandedOverByUserId: async (userId: number) =>
      cadres.some((c) => c.userId === userId && c.active)
        ? null
        : (cadres.find((c) => c.userId === userId && !c.active && c.successorCadreId !== null) ??
          null),
    currentHolder: async (c: Cadre) => {
      let holder = c;
      while (holder.successorCadreId !== null) holder = byId(holder.successorCadreId)!;
      return holder;
    },
    activeByUserIds: async (ids: readonly number[]) =>
      new Map(cadres.filter((c) => c.active && ids.includes(c.userId)).map((c) => [c.userId, c])),
    userIdsByCadreIds: async (ids: readonly number[]) =>
      new Map(cadres.filter((c) => ids.includes(c.id)).map((c) => [c.id, c.userId])),
  };
  return new RequestRouting(
    org as unknown as OrgRepository,
    users as unknown as UserRepository,
    cadreRepo as unknown as CadreRepository,
  );
}

function cadre(id: number, userId: number, orgUnitId: number, name: string): Cadre {
  return { id, userId, orgUnitId, name, post: '网格员', active: true, successorCadreId: null };
}

function actor(o: Partial<RequestActor>): RequestActor {
  return {
    userId: 1,
    role: 'cadre',
    displayName: '',
    orgUnitId: null,
    orgUnitPath: null,
    cadreId: null,
    ...o,
  };
}

function request(o: Partial<RequestEntity>): RequestEntity {
  return {
    id: 1,
    category: 'difficulty',
    level: 'village',
    ownerUserId: 200,
    ownerUnitPath: VILLAGE.path,
    subjectCadreId: null,
    ...o,
  } as RequestEntity;
}

const zhang = cadre(20, 200, 3, '张建国');
const gridCadre = cadre(21, 201, 4, '李网格');

const code = async (p: Promise<unknown>) =>
  p.then(
    () => null,
    (err: unknown) => (err instanceof AppError ? err.code : String(err)),
  );

describe('who a new request goes to', () => {
  it('an ordinary request: the cadre reached, at the level of their unit', async () => {
    expect(await world().forCadre(zhang, 'difficulty', 'card')).toEqual({
      firstContactCadreId: 20,
      subjectCadreId: null,
      subjectUserId: null,
      ownerUserId: 200,
      ownerUnitId: 3,
      ownerUnitPath: VILLAGE.path,
      level: 'village',
    });
    // A grid is handled at the village level; the unit read with the card is used as it is.
    expect(await world().forCadre(gridCadre, 'difficulty', 'card', GRID)).toMatchObject({
      ownerUserId: 201,
      ownerUnitId: 4,
      level: 'village',
    });
  });

  it('a conduct complaint through a card: the township’s staff, naming the cadre as its subject', async () => {
    expect(await world().forCadre(zhang, 'conduct', 'card')).toEqual({
      firstContactCadreId: 20,
      subjectCadreId: 20,
      subjectUserId: 200,
      ownerUserId: 400,
      ownerUnitId: 2,
      ownerUnitPath: TOWN.path,
      level: 'township',
    });
  });

  it('a conduct complaint a cadre files for a resident names nobody', async () => {
    expect(await world().forCadre(zhang, 'conduct', 'cadre')).toMatchObject({
      subjectCadreId: null,
      subjectUserId: null,
      ownerUserId: 400,
      level: 'township',
    });
  });

  it('never gives a conduct complaint to the staff member it is about; the county takes it when nobody else is there', async () => {
    const staffCadre = cadre(40, 400, 2, '镇里兼任');
    const only = world({
      accounts: [
        { id: 900, role: 'staff', orgUnitId: 1, displayName: '县里' },
        { id: 400, role: 'staff', orgUnitId: 2, displayName: '镇甲' },
      ],
      cadres: [staffCadre],
    });
    expect(await only.forCadre(staffCadre, 'conduct', 'card')).toMatchObject({
      ownerUserId: 900,
      ownerUnitId: 1,
      level: 'county',
      subjectCadreId: 40,
    });
    const nobody = world({ accounts: [], cadres: [zhang] });
    expect(await code(nobody.forCadre(zhang, 'conduct', 'card'))).toBe('SERVICE_UNAVAILABLE');
  });

  it('fails loudly for a cadre without a unit', async () => {
    expect(await code(world().forCadre({ ...zhang, orgUnitId: 99 }, 'difficulty', 'card'))).toMatch(
      /has no org unit/,
    );
  });
});

describe('escalation (上报)', () => {
  it('goes to the first staff of the township above a village, and of the county above a township', async () => {
    expect(await world().escalationTarget(request({}))).toEqual({
      ownerUserId: 400,
      ownerUnitId: 2,
      ownerUnitPath: TOWN.path,
      level: 'township',
    });
    expect(
      await world().escalationTarget(request({ level: 'township', ownerUnitPath: TOWN.path })),
    ).toEqual({ ownerUserId: 900, ownerUnitId: 1, ownerUnitPath: COUNTY.path, level: 'county' });
  });

  it('refuses at the top, and where nobody is there to take it', async () => {
    const noCounty = world({ units: [TOWN, VILLAGE] });
    expect(
      await code(
        noCounty.escalationTarget(request({ level: 'township', ownerUnitPath: TOWN.path })),
      ),
    ).toBe('ESCALATION_TOP_LEVEL');
    const noStaff = world({ accounts: [] });
    expect(await code(noStaff.escalationTarget(request({})))).toBe('ESCALATION_NO_STAFF');
  });
});

describe('事随人转: who answers for an owner who left', () => {
  it('the successor in post, or nobody', async () => {
    const left: Cadre = { ...zhang, active: false, successorCadreId: 21 };
    const moved = world({ cadres: [left, gridCadre] });
    expect(await moved.successorOf(200)).toEqual({
      ownerUserId: 201,
      ownerUnitId: 4,
      ownerUnitPath: GRID.path,
      level: 'village',
    });
    expect(await world().successorOf(200)).toBeNull();
    const gone = world({ cadres: [left, { ...gridCadre, active: false }] });
    expect(await gone.successorOf(200)).toBeNull();
    const nowhere = world({ cadres: [left, { ...gridCadre, orgUnitId: 99 }] });
    expect(await nowhere.successorOf(200)).toBeNull();
  });
});

describe('转办: whom a request may be transferred to', () => {
  const township = actor({ userId: 400, role: 'staff', orgUnitId: 2, orgUnitPath: TOWN.path });
  const county = actor({ userId: 900, role: 'staff', orgUnitId: 1, orgUnitPath: COUNTY.path });

  it('inside the township, at the same level, never the owner nor a cadre without a profile', async () => {
    const { acrossLevels, items } = await world().transferTargets(township, request({}));
    expect(acrossLevels).toBe(false);
    expect(items.map((t) => [t.userId, t.name, t.post, t.unitName, t.level])).toEqual([
      [201, '李网格', '网格员', '第一网格', 'village'],
    ]);
  });

  it('county staff: anywhere in the county, at any level', async () => {
    const { acrossLevels, items } = await world().transferTargets(county, request({}));
    expect(acrossLevels).toBe(true);
    expect(items.map((t) => t.userId)).toEqual([900, 400, 401, 500, 201, 600]);
    expect(items.find((t) => t.userId === 400)).toMatchObject({
      name: '镇甲',
      post: '工作人员',
      unitKind: 'township',
      level: 'township',
    });
  });

  it('a village request may go to a cadre of another village of the same township', async () => {
    const other: Unit = { id: 7, path: '/1/2/7/', kind: 'village', name: '南山村' };
    const w = world({
      units: [COUNTY, TOWN, VILLAGE, GRID, other],
      accounts: [
        { id: 400, role: 'staff', orgUnitId: 2, displayName: '镇甲' },
        { id: 201, role: 'cadre', orgUnitId: 4, displayName: '李网格账号' },
        { id: 700, role: 'cadre', orgUnitId: 7, displayName: '南山村干部' },
      ],
      cadres: [zhang, gridCadre, cadre(70, 700, 7, '赵南山')],
    });
    expect((await w.transferTargets(township, request({}))).items.map((t) => t.userId)).toEqual([
      201, 700,
    ]);
    // With no township above it on record, the request's own unit is the area.
    const noTown = world({
      units: [COUNTY, VILLAGE, GRID, other],
      accounts: [
        { id: 201, role: 'cadre', orgUnitId: 4, displayName: '李网格账号' },
        { id: 700, role: 'cadre', orgUnitId: 7, displayName: '南山村干部' },
      ],
      cadres: [zhang, gridCadre, cadre(70, 700, 7, '赵南山')],
    });
    expect(
      (await noTown.transferTargets(township, request({}))).items.map((t) => t.userId),
    ).toEqual([201]);
  });

  it('a staff account shows as staff even with a cadre’s profile of its own', async () => {
    const w = world({ cadres: [zhang, gridCadre, cadre(41, 401, 2, '镇乙兼任')] });
    const r = request({ level: 'township', ownerUserId: 400, ownerUnitPath: TOWN.path });
    expect((await w.transferTargets(township, r)).items).toEqual([
      expect.objectContaining({ userId: 401, name: '镇乙', post: '工作人员' }),
    ]);
  });

  it('a staff account whose unit is gone is not county staff', async () => {
    const lost = actor({ userId: 400, role: 'staff', orgUnitId: 99, orgUnitPath: TOWN.path });
    expect((await world().transferTargets(lost, request({}))).acrossLevels).toBe(false);
  });

  it('township staff are not county staff, even with a county-wide path', async () => {
    const odd = actor({ userId: 400, role: 'staff', orgUnitId: 2, orgUnitPath: COUNTY.path });
    expect((await world().transferTargets(odd, request({}))).acrossLevels).toBe(false);
    const cadreActor = actor({ userId: 200, role: 'cadre', orgUnitId: 1, cadreId: 20 });
    expect((await world().transferTargets(cadreActor, request({}))).acrossLevels).toBe(false);
  });

  it('a township-level request stays among the township’s staff', async () => {
    const r = request({ level: 'township', ownerUserId: 400, ownerUnitPath: TOWN.path });
    expect((await world().transferTargets(township, r)).items.map((t) => t.userId)).toEqual([401]);
  });

  it('a county-level request is handed around the county', async () => {
    const r = request({ level: 'county', ownerUserId: 900, ownerUnitPath: COUNTY.path });
    expect((await world().transferTargets(township, r)).items).toEqual([]);
    expect((await world().transferTargets(county, r)).items.map((t) => t.userId)).toEqual([
      400, 401, 500, 200, 201, 600,
    ]);
  });

  it('a conduct complaint goes to staff only, never to the cadre it is about', async () => {
    const r = request({
      category: 'conduct',
      level: 'township',
      ownerUserId: 400,
      ownerUnitPath: TOWN.path,
      subjectCadreId: 40,
    });
    const staffCadre = cadre(40, 401, 2, '镇乙兼任');
    const w = world({ cadres: [zhang, gridCadre, staffCadre] });
    expect((await w.transferTargets(county, r)).items.map((t) => t.userId)).toEqual([900, 500]);
  });

  it('transferTarget: a listed target’s holder, and a refusal for anyone else', async () => {
    expect(await world().transferTarget(township, request({}), 201)).toEqual({
      ownerUserId: 201,
      ownerUnitId: 4,
      ownerUnitPath: GRID.path,
      level: 'village',
    });
    expect(await code(world().transferTarget(township, request({}), 600))).toBe(
      'TRANSFER_TARGET_INVALID',
    );
  });
});
