import { Injectable } from '@nestjs/common';
import { householdAddress, type Visit } from '@mqlk/shared';
import { CadreRepository } from '../cadre/cadre.repository';
import { HouseholdRepository } from '../household/household.repository';
import type { VisitEntity } from '../household/visit.entity';
import { OrgRepository } from '../org/org.repository';
import { PhotoService } from '../photo/photo.service';
import { RequestRepository } from '../request/request.repository';

/** Visits as the diary shows them: each look-up (households, names, photos, requests) once per batch. */
@Injectable()
export class VisitPresenter {
  constructor(
    private readonly households: HouseholdRepository,
    private readonly org: OrgRepository,
    private readonly cadres: CadreRepository,
    private readonly photos: PhotoService,
    private readonly requests: RequestRepository,
  ) {}

  async present(rows: VisitEntity[]): Promise<Visit[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((v) => v.id);
    const homes = new Map(
      (await this.households.findByIds(rows.map((v) => v.householdId))).map((h) => [h.id, h]),
    );
    const unitNames = new Map(
      (await this.org.findByIds([...homes.values()].map((h) => h.orgUnitId))).map((u) => [
        u.id,
        u.name,
      ]),
    );
    const cadreNames = await this.cadres.namesByIds(rows.map((v) => v.cadreId));
    const photos = await this.photos.viewsFor('visitId', ids);
    const requests = await this.requests.byVisits(ids);
    return rows.map((v) => {
      const h = homes.get(v.householdId)!;
      return {
        id: v.id,
        householdId: v.householdId,
        address: householdAddress(unitNames.get(h.orgUnitId) ?? '', h.groupName, h.houseNumber),
        headName: h.headName,
        cadreId: v.cadreId,
        cadreName: cadreNames.get(v.cadreId) ?? '',
        visitedOn: v.visitedOn,
        onDutyDay: v.onDutyDay,
        met: v.met,
        found: v.found,
        photos: photos.get(v.id) ?? [],
        requests: requests.get(v.id) ?? [],
        recordedAt: v.recordedAt.toISOString(),
      };
    });
  }
}
