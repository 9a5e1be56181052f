import { MigrationInterface, QueryRunner } from 'typeorm';
import { backfillClocks } from '../../migration-helpers/backfill-clocks';

export class ClocksVerificationConfirmation1796112835758 implements MigrationInterface {
  name = 'ClocksVerificationConfirmation1796112835758';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`request_confirmation\` (\`id\` int NOT NULL AUTO_INCREMENT, \`request_id\` int NOT NULL, \`token_hash\` varchar(64) NOT NULL, \`expires_at\` datetime(6) NOT NULL, \`spent_at\` datetime(6) NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_request_confirmation_request_id\` (\`request_id\`), UNIQUE INDEX \`UQ_request_confirmation_token_hash\` (\`token_hash\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `CREATE TABLE \`request_clock\` (\`id\` int NOT NULL AUTO_INCREMENT, \`request_id\` int NOT NULL, \`kind\` varchar(16) NOT NULL, \`round\` tinyint NOT NULL, \`owner_user_id\` int NOT NULL, \`owner_unit_id\` int NOT NULL, \`owner_unit_path\` varchar(255) NOT NULL, \`level\` varchar(16) NOT NULL, \`started_at\` datetime(6) NOT NULL, \`due_at\` datetime(6) NOT NULL, \`stopped_at\` datetime(6) NULL, \`stop\` varchar(16) NULL, \`result\` varchar(16) NULL, INDEX \`IDX_request_clock_owner_user_due\` (\`owner_user_id\`, \`due_at\`), INDEX \`IDX_request_clock_owner_unit_path_due\` (\`owner_unit_path\`, \`due_at\`), INDEX \`IDX_request_clock_request_id\` (\`request_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    // Existing requests get the clocks their row held, before accepted_at goes.
    await backfillClocks(queryRunner);
    await queryRunner.query(`ALTER TABLE \`request\` DROP COLUMN \`accepted_at\``);
    await queryRunner.query(
      `ALTER TABLE \`request\` ADD \`supervision_count\` int NOT NULL DEFAULT '0'`,
    );
    await queryRunner.query(`ALTER TABLE \`request\` ADD \`supervised_at\` datetime(6) NULL`);
    await queryRunner.query(
      `ALTER TABLE \`request\` ADD \`flagged_to_county_at\` datetime(6) NULL`,
    );
    await queryRunner.query(`ALTER TABLE \`rating\` ADD \`solved\` varchar(16) NULL`);
    await queryRunner.query(`ALTER TABLE \`rating\` ADD \`exclusion_note\` text NULL`);
    await queryRunner.query(
      `ALTER TABLE \`request\` CHANGE \`accept_due_at\` \`accept_due_at\` datetime(6) NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE \`request\` CHANGE \`due_at\` \`due_at\` datetime(6) NULL`,
    );
    await queryRunner.query(`ALTER TABLE \`rating\` DROP COLUMN \`exclusion_reason\``);
    await queryRunner.query(`ALTER TABLE \`rating\` ADD \`exclusion_reason\` varchar(16) NULL`);
    await queryRunner.query(
      `CREATE INDEX \`IDX_request_flagged_to_county_at\` ON \`request\` (\`flagged_to_county_at\`)`,
    );
    await queryRunner.query(
      `ALTER TABLE \`request_confirmation\` ADD CONSTRAINT \`FK_request_confirmation_request_id\` FOREIGN KEY (\`request_id\`) REFERENCES \`request\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`request_clock\` ADD CONSTRAINT \`FK_request_clock_request_id\` FOREIGN KEY (\`request_id\`) REFERENCES \`request\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`request_clock\` ADD CONSTRAINT \`FK_request_clock_owner_user_id\` FOREIGN KEY (\`owner_user_id\`) REFERENCES \`user_account\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`request_clock\` ADD CONSTRAINT \`FK_request_clock_owner_unit_id\` FOREIGN KEY (\`owner_unit_id\`) REFERENCES \`org_unit\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE \`request_clock\` DROP FOREIGN KEY \`FK_request_clock_owner_unit_id\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`request_clock\` DROP FOREIGN KEY \`FK_request_clock_owner_user_id\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`request_clock\` DROP FOREIGN KEY \`FK_request_clock_request_id\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`request_confirmation\` DROP FOREIGN KEY \`FK_request_confirmation_request_id\``,
    );
    await queryRunner.query(`DROP INDEX \`IDX_request_flagged_to_county_at\` ON \`request\``);
    await queryRunner.query(`ALTER TABLE \`rating\` DROP COLUMN \`exclusion_reason\``);
    await queryRunner.query(`ALTER TABLE \`rating\` ADD \`exclusion_reason\` text NULL`);
    await queryRunner.query(
      `ALTER TABLE \`request\` CHANGE \`due_at\` \`due_at\` datetime(6) NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE \`request\` CHANGE \`accept_due_at\` \`accept_due_at\` datetime(6) NOT NULL`,
    );
    await queryRunner.query(`ALTER TABLE \`rating\` DROP COLUMN \`exclusion_note\``);
    await queryRunner.query(`ALTER TABLE \`rating\` DROP COLUMN \`solved\``);
    await queryRunner.query(`ALTER TABLE \`request\` DROP COLUMN \`flagged_to_county_at\``);
    await queryRunner.query(`ALTER TABLE \`request\` DROP COLUMN \`supervised_at\``);
    await queryRunner.query(`ALTER TABLE \`request\` DROP COLUMN \`supervision_count\``);
    await queryRunner.query(`ALTER TABLE \`request\` ADD \`accepted_at\` datetime(6) NULL`);
    await queryRunner.query(`DROP INDEX \`IDX_request_clock_request_id\` ON \`request_clock\``);
    await queryRunner.query(
      `DROP INDEX \`IDX_request_clock_owner_unit_path_due\` ON \`request_clock\``,
    );
    await queryRunner.query(`DROP INDEX \`IDX_request_clock_owner_user_due\` ON \`request_clock\``);
    await queryRunner.query(`DROP TABLE \`request_clock\``);
    await queryRunner.query(
      `DROP INDEX \`UQ_request_confirmation_token_hash\` ON \`request_confirmation\``,
    );
    await queryRunner.query(
      `DROP INDEX \`IDX_request_confirmation_request_id\` ON \`request_confirmation\``,
    );
    await queryRunner.query(`DROP TABLE \`request_confirmation\``);
  }
}
