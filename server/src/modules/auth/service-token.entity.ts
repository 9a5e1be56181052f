import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DATETIME } from '../../database/columns';

/**
 * Credentials an external service hands out for a while (WeChat's access_token), kept in the
 * database so every instance uses the same one instead of each fetching its own.
 */
@Entity('service_token')
export class ServiceTokenEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  name!: string;

  @Column({ type: 'text' })
  value!: string;

  @Column({ ...DATETIME, name: 'expires_at' })
  expiresAt!: Date;
}
