import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { isWithinPath } from '@mqlk/shared';
import type { EntityManager } from 'typeorm';
import { AccessPolicy } from '../../common/access/access-policy';
import { AppError } from '../../common/app-error';
import type { RequestActor } from '../../common/auth/actor';
import type { OrgUnitEntity } from '../org/org-unit.entity';
import { OrgRepository } from '../org/org.repository';

/**
 * The office's one answer to "may this person touch this unit": a unit is theirs when it is in
 * their scope's subtree; anything else is refused with OUT_OF_SCOPE (an office user may know a
 * neighbouring township exists, never touch it).
 */
@Injectable()
export class OfficeScope {
  constructor(
    private readonly policy: AccessPolicy,
    private readonly org: OrgRepository,
  ) {}

  path(actor: RequestActor): string {
    return this.policy.requireOfficeScope(actor);
  }

  /** A unit in the actor's scope, or the refusal. */
  async unit(actor: RequestActor, unitId: number, m?: EntityManager): Promise<OrgUnitEntity> {
    const scope = this.path(actor);
    const unit = await this.org.findById(unitId, m);
    if (!unit) throw new AppError('NOT_FOUND');
    if (!isWithinPath(unit.path, scope)) throw new AppError('OUT_OF_SCOPE');
    return unit;
  }

  /** A unit that can take new cadres or units: in scope and not retired. */
  async openUnit(actor: RequestActor, unitId: number, m?: EntityManager): Promise<OrgUnitEntity> {
    const unit = await this.unit(actor, unitId, m);
    if (unit.retiredAt) throw new AppError('UNIT_RETIRED');
    return unit;
  }

  /** The township (乡镇、街道) a unit belongs to: itself when it is one, else its ancestor. */
  async townshipOf(unit: OrgUnitEntity): Promise<number> {
    if (unit.kind === 'township') return unit.id;
    return (await this.org.findAncestorOfKind(unit, 'township'))?.id ?? unit.id;
  }

  /** Whether a path lies in the actor's scope. */
  covers(actor: RequestActor, unitPath: string): boolean {
    return isWithinPath(unitPath, this.path(actor));
  }

  require(actor: RequestActor, unitPath: string): void {
    this.policy.requireOfficeUnit(actor, unitPath);
  }
}

// No 0/O, 1/l/I: the password is read off a screen and typed by someone else.
const LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz';
const DIGITS = '23456789';

/** An initial password: 10 characters, letters and digits, to be changed at first sign-in. */
export function initialPassword(): string {
  const all = LETTERS + DIGITS;
  const chars = [LETTERS[randomInt(LETTERS.length)]!, DIGITS[randomInt(DIGITS.length)]!];
  while (chars.length < 10) chars.push(all[randomInt(all.length)]!);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}
