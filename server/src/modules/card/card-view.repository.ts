import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';

/** One row of the public card view: the card, its printed cadre, and up to two units above. */
export interface CardViewRow {
  cardId: number;
  code: string;
  status: string;
  householdId: number | null;
  cadreId: number;
  cadreName: string;
  post: string;
  phoneEnc: string;
  duties: string;
  dutyDays: string;
  photoUrl: string | null;
  successorCadreId: number | null;
  cadreUserId: number;
  /** the cadre's own unit (a submission's holder), when it exists */
  unit: { id: number; path: string; kind: string } | null;
  /** the display name of the cadre's account: read for a submission only (`withAccount`) */
  accountName: string | null;
  /** the cadre's unit, its parent and grandparent: a grid's village and township at the most */
  units: { kind: string; name: string; hotlines: string }[];
}

type Raw = Record<string, string | number | null>;

/**
 * The scan's hot read (issue 11): a card with its printed cadre and that cadre's unit, parent and
 * grandparent in one raw query, no entity hydration. It is the one place outside the cadre and org
 * modules that reads their tables, read-only (architecture.spec.ts names it): going through both
 * modules costs four round trips and a hydration each on every scan of every card. Nothing is
 * cached, so every change to a card, a cadre or a unit's hotlines shows on the next scan, with
 * any number of server instances.
 */
@Injectable()
export class CardViewRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * `withAccount`: also the display name of the cadre's account, which a submission's answer
   * names as its holder (one join more, which the scan does not pay).
   */
  async byCode(code: string, withAccount = false): Promise<CardViewRow | null> {
    const rows: Raw[] = await this.db.query(
      `SELECT c.id AS card_id, c.code, c.status, c.household_id,
              d.id AS cadre_id, d.name AS cadre_name, d.post, d.phone_enc, d.duties, d.duty_days,
              d.photo_url, d.successor_cadre_id, d.user_id AS cadre_user_id,
              ${withAccount ? 'a.display_name AS account_name' : 'NULL AS account_name'},
              u.id AS u_id, u.path AS u_path,
              u.kind AS u_kind, u.name AS u_name, u.hotlines AS u_hotlines,
              p.kind AS p_kind, p.name AS p_name, p.hotlines AS p_hotlines,
              g.kind AS g_kind, g.name AS g_name, g.hotlines AS g_hotlines
         FROM card c
         JOIN cadre d ON d.id = c.cadre_id
         ${withAccount ? 'LEFT JOIN user_account a ON a.id = d.user_id' : ''}
         LEFT JOIN org_unit u ON u.id = d.org_unit_id
         LEFT JOIN org_unit p ON p.id = u.parent_id
         LEFT JOIN org_unit g ON g.id = p.parent_id
        WHERE c.code = ?`,
      [code],
    );
    // MySQL's default collation compares case-insensitively; codes are case-sensitive.
    const r = rows.find((row) => row.code === code);
    if (!r) return null;
    const id = (v: unknown) => (v === null || v === undefined ? null : Number(v));
    return {
      cardId: Number(r.card_id),
      code: String(r.code),
      status: String(r.status),
      householdId: id(r.household_id),
      cadreId: Number(r.cadre_id),
      cadreName: String(r.cadre_name),
      post: String(r.post),
      phoneEnc: String(r.phone_enc),
      duties: String(r.duties),
      dutyDays: String(r.duty_days),
      photoUrl: r.photo_url === null ? null : String(r.photo_url),
      successorCadreId: id(r.successor_cadre_id),
      cadreUserId: Number(r.cadre_user_id),
      unit:
        r.u_id === null || r.u_id === undefined
          ? null
          : { id: Number(r.u_id), path: String(r.u_path), kind: String(r.u_kind) },
      accountName: r.account_name === null ? null : String(r.account_name),
      units: (['u', 'p', 'g'] as const)
        .filter((a) => typeof r[`${a}_kind`] === 'string')
        .map((a) => ({
          kind: String(r[`${a}_kind`]),
          name: String(r[`${a}_name`]),
          hotlines: String(r[`${a}_hotlines`]),
        })),
    };
  }
}
