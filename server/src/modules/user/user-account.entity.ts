import type { ActorRole } from '@mqlk/shared';
import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { DATETIME, code } from '../../database/columns';
import { OrgUnitEntity } from '../org/org-unit.entity';

export type UserRole = Exclude<ActorRole, 'system'>;

/** Anyone who signs in: residents (WeChat or SMS), cadres and staff (username + password), admins. */
@Entity('user_account')
@Index('UQ_user_account_username', ['username'], { unique: true })
@Index('UQ_user_account_wechat_openid', ['wechatOpenid'], { unique: true })
@Index('UQ_user_account_work_wechat_openid', ['workWechatOpenid'], { unique: true })
// One account per phone: two sign-ins racing on a weak network must not make two residents.
@Index('UQ_user_account_phone_hash', ['phoneHash'], { unique: true })
export class UserAccountEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column(code())
  role!: UserRole;

  @Column({ name: 'display_name', type: 'varchar', length: 64 })
  displayName!: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  username!: string | null;

  @Column({ name: 'password_hash', type: 'varchar', length: 255, nullable: true })
  passwordHash!: string | null;

  /** The scope of a cadre or staff account: they see this unit and what is under it. */
  @Column({ name: 'org_unit_id', type: 'int', nullable: true })
  @ForeignKey(() => OrgUnitEntity, { name: 'FK_user_account_org_unit_id' })
  orgUnitId!: number | null;

  @Column({ name: 'wechat_openid', type: 'varchar', length: 64, nullable: true })
  wechatOpenid!: string | null;

  /**
   * A cadre's or staff member's WeChat, bound when they sign in with their password inside the
   * mini-program: where their reminders go. Never a way in: WeChat sign-in finds residents only
   * (`wechat_openid`), so the same WeChat can be a resident's and a cadre's without one opening
   * the other.
   */
  @Column({ name: 'work_wechat_openid', type: 'varchar', length: 64, nullable: true })
  workWechatOpenid!: string | null;

  /** HMAC of the normalised phone number: finds an account by phone without decrypting. */
  @Column({ name: 'phone_hash', type: 'varchar', length: 64, nullable: true })
  phoneHash!: string | null;

  @Column({ name: 'phone_enc', type: 'text', nullable: true })
  phoneEnc!: string | null;

  @Column({ name: 'phone_masked', type: 'varchar', length: 16, nullable: true })
  phoneMasked!: string | null;

  @Column({ name: 'failed_logins', type: 'int', default: 0 })
  failedLogins!: number;

  @Column({ ...DATETIME, name: 'locked_until', nullable: true })
  lockedUntil!: Date | null;

  /** an initial password (new account, or reset): nothing but changing it works until it is changed */
  @Column({ name: 'must_change_password', type: 'boolean', default: false })
  mustChangePassword!: boolean;

  /** tokens issued before this time no longer work (a reset or a password change ends sessions) */
  @Column({ ...DATETIME, name: 'sessions_since', nullable: true })
  sessionsSince!: Date | null;

  /** a stopped account cannot sign in, and its tokens stop working at once */
  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ ...DATETIME, name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ ...DATETIME, name: 'updated_at' })
  updatedAt!: Date;
}
