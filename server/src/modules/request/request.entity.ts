import type {
  CategoryCode,
  HandlingLevel,
  RequestChannel,
  RequestStatus,
  ResolutionOutcome,
  SubTopicCode,
} from '@mqlk/shared';
import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { DATETIME, code } from '../../database/columns';
import { CadreEntity } from '../cadre/cadre.entity';
import { CardEntity } from '../card/card.entity';
import { HouseholdEntity } from '../household/household.entity';
import { VisitEntity } from '../household/visit.entity';
import { OrgUnitEntity } from '../org/org-unit.entity';
import { UserAccountEntity } from '../user/user-account.entity';

/**
 * A request (诉求). Its current owner, unit and level change on escalation or transfer; what happened
 * is in `request_event`. `version` guards every state change (two cadres cannot both accept).
 */
@Entity('request')
@Index('UQ_request_number', ['number'], { unique: true })
@Index('IDX_request_owner_status_due', ['ownerUserId', 'status', 'dueAt'])
@Index('IDX_request_requester_submitted', ['requesterId', 'submittedAt'])
@Index('IDX_request_owner_unit_path_status', ['ownerUnitPath', 'status'])
@Index('IDX_request_first_contact_status', ['firstContactCadreId', 'status'])
@Index('IDX_request_flagged_to_county_at', ['flaggedToCountyAt'])
// The sweeps' claims: resolved requests whose rating window ran out; 督办 reminders that are due.
@Index('IDX_request_status_resolved_at', ['status', 'resolvedAt'])
@Index('IDX_request_supervision_remind_at', ['supervisionRemindAt'])
// A household's open requests (联户台账); set by the visits and 民困帮扶卡 slices.
@Index('IDX_request_household_status', ['householdId', 'status'])
export class RequestEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  /** Public number, e.g. MQ-20261121-0042. */
  @Column({ type: 'varchar', length: 24 })
  number!: string;

  @Column(code())
  channel!: RequestChannel;

  @Column(code())
  category!: CategoryCode;

  @Column({ ...code(32), name: 'sub_topic', nullable: true })
  subTopic!: SubTopicCode | null;

  @Column({ type: 'text' })
  text!: string;

  @Column({ name: 'contact_phone_enc', type: 'text', nullable: true })
  contactPhoneEnc!: string | null;

  @Column({ name: 'contact_phone_masked', type: 'varchar', length: 16, nullable: true })
  contactPhoneMasked!: string | null;

  /** JSON of the shared location schema (coordinates and an address of up to 200 characters). */
  @Column({ type: 'text', nullable: true })
  location!: string | null;

  @Column({ name: 'requester_id', type: 'int' })
  @ForeignKey(() => UserAccountEntity, { name: 'FK_request_requester_id' })
  requesterId!: number;

  @Column({ name: 'card_id', type: 'int', nullable: true })
  @ForeignKey(() => CardEntity, { name: 'FK_request_card_id' })
  cardId!: number | null;

  /** 首访负责: the cadre first contacted stays responsible for following it. */
  @Column({ name: 'first_contact_cadre_id', type: 'int', nullable: true })
  @ForeignKey(() => CadreEntity, { name: 'FK_request_first_contact_cadre_id' })
  firstContactCadreId!: number | null;

  /** For conduct complaints: the cadre it is about, who must never see it. */
  @Column({ name: 'subject_cadre_id', type: 'int', nullable: true })
  @ForeignKey(() => CadreEntity, { name: 'FK_request_subject_cadre_id' })
  subjectCadreId!: number | null;

  /** The household (联户) it came from, when known: a visit, a 民困帮扶卡 scan. */
  @Column({ name: 'household_id', type: 'int', nullable: true })
  @ForeignKey(() => HouseholdEntity, { name: 'FK_request_household_id' })
  householdId!: number | null;

  /** The visit (走访日记) it was written down on, when a cadre turned one into a request. */
  @Column({ name: 'visit_id', type: 'int', nullable: true })
  @ForeignKey(() => VisitEntity, { name: 'FK_request_visit_id' })
  @Index('IDX_request_visit_id')
  visitId!: number | null;

  @Column({ name: 'owner_user_id', type: 'int' })
  @ForeignKey(() => UserAccountEntity, { name: 'FK_request_owner_user_id' })
  ownerUserId!: number;

  @Column({ name: 'owner_unit_id', type: 'int' })
  @ForeignKey(() => OrgUnitEntity, { name: 'FK_request_owner_unit_id' })
  ownerUnitId!: number;

  /** Copy of the owner unit's path: scope queries are one prefix match on an index. */
  @Column({ name: 'owner_unit_path', type: 'varchar', length: 255 })
  ownerUnitPath!: string;

  @Column(code())
  level!: HandlingLevel;

  @Column(code(24))
  status!: RequestStatus;

  /** 1, or 2 after a founded bad review (rectification round). */
  @Column({ type: 'tinyint', default: 1 })
  round!: number;

  /**
   * Copies of the running clocks' due times (accept, and resolve or rectify), or of the last ones
   * once they stopped: lists sort by them. The clocks themselves are `request_clock` rows, kept.
   * Null for a 当场解决 record, which has no clocks.
   */
  @Column({ ...DATETIME, name: 'accept_due_at', nullable: true })
  acceptDueAt!: Date | null;

  @Column({ ...DATETIME, name: 'due_at', nullable: true })
  dueAt!: Date | null;

  @Column({ ...DATETIME, name: 'submitted_at' })
  submittedAt!: Date;

  @Column({ ...DATETIME, name: 'resolved_at', nullable: true })
  resolvedAt!: Date | null;

  @Column({ ...code(), name: 'resolution_outcome', nullable: true })
  resolutionOutcome!: ResolutionOutcome | null;

  @Column({ name: 'resolution_note', type: 'text', nullable: true })
  resolutionNote!: string | null;

  /**
   * 公示摘要: the one line the village board shows, written by the owner when resolving (or by
   * staff since). Null: the request never appears on the board.
   */
  @Column({ name: 'public_summary', type: 'varchar', length: 64, nullable: true })
  publicSummary!: string | null;

  /** Staff took it off the board (the summary is kept). */
  @Column({ name: 'public_hidden', type: 'boolean', default: false })
  publicHidden!: boolean;

  /** 督办: how often staff pressed for it, and when last (the notes are timeline events). */
  @Column({ name: 'supervision_count', type: 'int', default: 0 })
  supervisionCount!: number;

  @Column({ ...DATETIME, name: 'supervised_at', nullable: true })
  supervisedAt!: Date | null;

  /** When the owner is reminded of the last 督办 if the request is still open; cleared once sent. */
  @Column({ ...DATETIME, name: 'supervision_remind_at', nullable: true })
  supervisionRemindAt!: Date | null;

  /** Set when the second round was rated 1–2 again: the county's queue (二次差评). */
  @Column({ ...DATETIME, name: 'flagged_to_county_at', nullable: true })
  flaggedToCountyAt!: Date | null;

  @VersionColumn({ type: 'int' })
  version!: number;

  @CreateDateColumn({ ...DATETIME, name: 'created_at' })
  createdAt!: Date;

  @UpdateDateColumn({ ...DATETIME, name: 'updated_at' })
  updatedAt!: Date;
}
