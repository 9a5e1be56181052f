import type { OrgUnitKind } from '@mqlk/shared';
import {
  Column,
  CreateDateColumn,
  Entity,
  ForeignKey,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { DATETIME, code, jsonText } from '../../database/columns';

export interface Hotline {
  name: string;
  phone: string;
}

/** A county, township, village or grid; `path` makes "everything under this unit" one prefix query. */
@Entity('org_unit')
@Index('IDX_org_unit_path', ['path'])
export class OrgUnitEntity {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'parent_id', type: 'int', nullable: true })
  @ForeignKey(() => OrgUnitEntity, { name: 'FK_org_unit_parent_id' })
  parentId!: number | null;

  @Column(code())
  kind!: OrgUnitKind;

  @Column({ type: 'varchar', length: 64 })
  name!: string;

  /** Materialised path of ids, e.g. `/1/12/130/` (shared `childPath`). */
  @Column({ type: 'varchar', length: 255 })
  path!: string;

  /** The township's service hotlines (民众服务卡), printed on its cards. */
  @Column({ type: 'text', transformer: jsonText<Hotline[]>() })
  hotlines!: Hotline[];

  /** retired (撤销): kept for history and old requests, closed to new cadres and units */
  @Column({ ...DATETIME, name: 'retired_at', nullable: true })
  retiredAt!: Date | null;

  @CreateDateColumn({ ...DATETIME, name: 'created_at' })
  createdAt!: Date;
}
