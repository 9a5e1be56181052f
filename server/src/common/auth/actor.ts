import type { ActorRole } from '@mqlk/shared';

/** The signed-in person behind an API call, as every service receives it. */
export interface RequestActor {
  userId: number;
  role: Exclude<ActorRole, 'system'>;
  displayName: string;
  /** the org unit a cadre belongs to, or a staff member's scope */
  orgUnitId: number | null;
  orgUnitPath: string | null;
  /** set when the account is a cadre's */
  cadreId: number | null;
  /** an initial password still in use: only changing it is allowed */
  mustChangePassword?: boolean;
  /** the account's own phone, masked, as read with the account on this call (absent: not read) */
  phoneMasked?: string | null;
  /** a resident's WeChat openid, as read with the account on this call (absent: not read) */
  wechatOpenid?: string | null;
}
