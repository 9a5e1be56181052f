import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { DATETIME } from '../../database/columns';
import { OrgUnitEntity } from '../org/org-unit.entity';
import { UserAccountEntity } from '../user/user-account.entity';

/** A cadre's public profile (what the card shows). When they move on, `successorCadreId` takes over. */
@Entity('cadre')
@Index('UQ_cadre_user_id', ['userId'], { unique: true })
@Index('IDX_cadre_org_unit_id', ['orgUnitId'])
// The public portrait route asks whether a path is some cadre's current photo.
@Index('IDX_cadre_photo_url', ['photoUrl'])
export class CadreEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'user_id', type: 'int' })
  @ForeignKey(() => UserAccountEntity, { name: 'FK_cadre_user_id' })
  userId!: number;

  @Column({ name: 'org_unit_id', type: 'int' })
  @ForeignKey(() => OrgUnitEntity, { name: 'FK_cadre_org_unit_id' })
  orgUnitId!: number;

  @Column({ type: 'varchar', length: 64 })
  name!: string;

  /** 职务, e.g. 网格员, 包村干部. */
  @Column({ type: 'varchar', length: 64 })
  post!: string;

  @Column({ name: 'phone_enc', type: 'text' })
  phoneEnc!: string;

  @Column({ name: 'phone_masked', type: 'varchar', length: 16 })
  phoneMasked!: string;

  /** 职责, shown on the card. */
  @Column({ type: 'text' })
  duties!: string;

  /** 一线工作日, e.g. 每周一、周四. */
  @Column({ name: 'duty_days', type: 'varchar', length: 64 })
  dutyDays!: string;

  @Column({ name: 'photo_url', type: 'varchar', length: 255, nullable: true })
  photoUrl!: string | null;

  @Column({ name: 'successor_cadre_id', type: 'int', nullable: true })
  @ForeignKey(() => CadreEntity, { name: 'FK_cadre_successor_cadre_id' })
  successorCadreId!: number | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  /** when the cadre left the post (handed over or stopped), and why */
  @Column({ ...DATETIME, name: 'ended_at', nullable: true })
  endedAt!: Date | null;

  @Column({ name: 'end_reason', type: 'varchar', length: 200, nullable: true })
  endReason!: string | null;

  @CreateDateColumn({ ...DATETIME, name: 'created_at' })
  createdAt!: Date;
}
