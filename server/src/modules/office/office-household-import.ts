import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type FieldIssue, type ImportCounts, messageOf } from '@mqlk/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { AppError } from '../../common/app-error';
import type { RequestActor } from '../../common/auth/actor';
import { CLOCK, type Clock } from '../../common/clock/clock';
import { AuditRepository, auditActor } from '../audit/audit.repository';
import type { CadreEntity } from '../cadre/cadre.entity';
import { CadreRepository } from '../cadre/cadre.repository';
import type { HouseholdEntity } from '../household/household.entity';
import { HouseholdRepository, type HouseholdTags } from '../household/household.repository';
import type { OrgUnitEntity } from '../org/org-unit.entity';
import { OrgRepository } from '../org/org.repository';
import { UserRepository } from '../user/user.repository';
import { holdsHouseholds, HouseholdPlacement, NOT_A_HOUSEHOLD_UNIT } from './household-placement';
import {
  addressKey,
  householdIssue,
  type ParsedHouseholdRow,
  parseHouseholdSheet,
  sortHouseholdIssues,
} from './household-sheet';
import { unitResolver, type UnitResolver } from './import-sheet';
import { OfficeHouseholds } from './office-households';
import { OfficeScope } from './office-scope';

/** A row checked against the database: where it goes and who it is linked to. */
interface PlacedRow {
  row: ParsedHouseholdRow;
  unit: OrgUnitEntity;
  cadre: CadreEntity | null;
}

type Settled<T> = { value: T } | { error: AppError };

/**
 * Households from a spreadsheet (联户名单): every row checked first, then one transaction that
 * writes nothing unless the whole file is right. A row whose address (unit, group, house number)
 * is registered already updates that household — its fields, tags and link — so importing the
 * same file again changes nothing. The import is one audit row, with its counts.
 */
@Injectable()
export class OfficeHouseholdImport {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly org: OrgRepository,
    private readonly users: UserRepository,
    private readonly cadres: CadreRepository,
    private readonly households: HouseholdRepository,
    private readonly office: OfficeHouseholds,
    private readonly placement: HouseholdPlacement,
    private readonly scope: OfficeScope,
    private readonly audit: AuditRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async run(actor: RequestActor, file: Buffer): Promise<ImportCounts> {
    const scopePath = this.scope.path(actor);
    const units = (await this.org.findSubtree(scopePath)).filter((u) => !u.retiredAt);
    const parsed = await parseHouseholdSheet(file, householdUnits(units));
    if (!parsed.ok && parsed.rows.length === 0) throw new AppError('IMPORT_INVALID', parsed.issues);
    const byUsername = await this.cadresByUsername(parsed.rows);
    const result: ImportCounts = { created: 0, updated: 0, unchanged: 0 };
    await this.db.transaction(async (m) => {
      const placed = await this.place(m, actor, parsed.rows, byUsername);
      const refused = [...(parsed.ok ? [] : parsed.issues), ...placed.issues];
      if (refused.length > 0) {
        throw new AppError('IMPORT_INVALID', sortHouseholdIssues(refused));
      }
      const known = new Map(
        (
          await this.households.findByAddresses(
            m,
            parsed.rows.map((r) => ({ ...r, orgUnitId: r.unitId })),
          )
        ).map((h) => [addressKey({ ...h, unitId: h.orgUnitId }), h]),
      );
      const tags = await this.households.tagsOf(
        [...known.values()].map((h) => h.id),
        m,
      );
      const issues: FieldIssue[] = [];
      for (const p of placed.rows) {
        const h = known.get(addressKey(p.row));
        const outcome = await this.write(m, p, h && { household: h, tags: tags.get(h.id)! });
        if (outcome === 'taken') {
          issues.push(
            householdIssue(p.row.row, 'houseNumber', '这个门牌刚刚被别人登记了，请重新上传'),
          );
        } else result[outcome]++;
      }
      if (issues.length > 0) throw new AppError('IMPORT_INVALID', issues);
      await this.audit.record(m, {
        ...auditActor(actor),
        action: 'household.import',
        targetType: 'org_unit',
        targetId: actor.orgUnitId,
        unitPath: scopePath,
        detail: { rows: parsed.rows.length, ...result },
        at: this.clock.now(),
      });
    });
    return result;
  }

  /**
   * Every row's unit and cadre through the same checks as the form (HouseholdPlacement), each
   * refusal turned into the row's problem; each unit and each unit–cadre pair checked once.
   */
  private async place(
    m: EntityManager,
    actor: RequestActor,
    rows: readonly ParsedHouseholdRow[],
    byUsername: ReadonlyMap<string, CadreEntity>,
  ): Promise<{ rows: PlacedRow[]; issues: FieldIssue[] }> {
    const units = new Map<number, Promise<Settled<OrgUnitEntity>>>();
    const pairs = new Map<string, Promise<Settled<CadreEntity>>>();
    const issues: FieldIssue[] = [];
    const placed: PlacedRow[] = [];
    for (const row of rows) {
      if (!units.has(row.unitId)) {
        units.set(row.unitId, settle(this.placement.placeable(actor, row.unitId, m)));
      }
      const unit = await units.get(row.unitId)!;
      if ('error' in unit) {
        issues.push(householdIssue(row.row, 'unitId', refusalText(unit.error)));
        continue;
      }
      let cadre: CadreEntity | null = null;
      if (row.cadreUsername !== null) {
        const found = byUsername.get(row.cadreUsername);
        if (!found) {
          issues.push(
            householdIssue(
              row.row,
              'cadreUsername',
              `没有登录账号是“${row.cadreUsername}”的干部，请核对`,
            ),
          );
          continue;
        }
        const key = `${unit.value.id}:${found.id}`;
        if (!pairs.has(key)) {
          pairs.set(key, settle(this.placement.pairable(actor, unit.value, found.id, m)));
        }
        const pair = await pairs.get(key)!;
        if ('error' in pair) {
          const who = `${found.name}（${row.cadreUsername}）`;
          issues.push(
            householdIssue(
              row.row,
              'cadreUsername',
              pair.error.code === 'OUT_OF_SCOPE'
                ? `${who}不在您的管辖范围内，不能结对`
                : `${who}不能结对：${refusalText(pair.error)}`,
            ),
          );
          continue;
        }
        cadre = pair.value;
      }
      placed.push({ row, unit: unit.value, cadre });
    }
    return { rows: placed, issues };
  }

  /** One row written: a new household, or the known one brought up to the row. */
  private async write(
    m: EntityManager,
    { row, unit, cadre }: PlacedRow,
    known: { household: HouseholdEntity; tags: HouseholdTags } | undefined,
  ): Promise<keyof ImportCounts | 'taken'> {
    if (!known) {
      try {
        await this.office.insert(m, unit, row, cadre, row.pairing);
      } catch (err) {
        // Registered between the read and the write (another import at the same moment).
        if (err instanceof AppError && err.code === 'HOUSEHOLD_EXISTS') return 'taken';
        throw err;
      }
      return 'created';
    }
    const changed = await this.office.applyFields(m, known.household, row, known.tags);
    const relinked = await this.office.relink(m, known.household, cadre, row.pairing);
    return changed.length > 0 || relinked ? 'updated' : 'unchanged';
  }

  /** The cadres the rows name, by login account: the one in post, else the account's last. */
  private async cadresByUsername(
    rows: readonly ParsedHouseholdRow[],
  ): Promise<Map<string, CadreEntity>> {
    const usernames = [...new Set(rows.flatMap((r) => r.cadreUsername ?? []))];
    // Exactly as typed: MariaDB's collation would also match other cases, SQLite would not.
    const accounts = (await this.users.findByUsernames(usernames)).filter(
      (a) => a.role === 'cadre' && usernames.includes(a.username!),
    );
    const profiles = await this.cadres.findByUserIds(accounts.map((a) => a.id));
    const out = new Map<string, CadreEntity>();
    for (const a of accounts) {
      const own = profiles.filter((c) => c.userId === a.id);
      const cadre = own.find((c) => c.active) ?? own.at(-1);
      if (cadre) out.set(a.username!, cadre);
    }
    return out;
  }
}

/** 所在村（社区）或网格: a unit of the scope, by name or path, that can hold households. */
function householdUnits(units: readonly OrgUnitEntity[]): UnitResolver {
  const resolve = unitResolver(units);
  const byId = new Map(units.map((u) => [u.id, u]));
  return (text) => {
    const found = resolve(text);
    if ('id' in found && !holdsHouseholds(byId.get(found.id)!)) {
      return { error: `“${text}”不是村（社区）或网格：${NOT_A_HOUSEHOLD_UNIT}` };
    }
    return found;
  };
}

function settle<T>(p: Promise<T>): Promise<Settled<T>> {
  return p.then(
    (value) => ({ value }),
    (err: unknown) => {
      if (err instanceof AppError) return { error: err };
      throw err;
    },
  );
}

/** A refusal in the words a row's problem uses: its own detail when it has one. */
function refusalText(err: AppError): string {
  return err.details?.[0]?.message ?? messageOf(err.code);
}
