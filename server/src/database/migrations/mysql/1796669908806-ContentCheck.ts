import { MigrationInterface, QueryRunner } from 'typeorm';

export class ContentCheck1796669908806 implements MigrationInterface {
  name = 'ContentCheck1796669908806';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`content_check\` (\`id\` int NOT NULL AUTO_INCREMENT, \`request_id\` int NOT NULL, \`item\` varchar(8) NOT NULL, \`photo_id\` int NULL, \`voice_id\` int NULL, \`content\` text NULL, \`author_user_id\` int NOT NULL, \`state\` varchar(12) NOT NULL, \`trace_id\` varchar(64) NULL, \`suggest\` varchar(8) NULL, \`label\` int NULL, \`failure\` varchar(200) NULL, \`attempts\` int NOT NULL DEFAULT '0', \`next_attempt_at\` datetime(6) NOT NULL, \`lease_until\` datetime(6) NULL, \`checked_at\` datetime(6) NULL, \`reviewer_user_id\` int NULL, \`reviewed_at\` datetime(6) NULL, \`review_note\` varchar(400) NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`UQ_content_check_trace_id\` (\`trace_id\`), INDEX \`IDX_content_check_state\` (\`state\`), INDEX \`IDX_content_check_request_id\` (\`request_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `ALTER TABLE \`content_check\` ADD CONSTRAINT \`FK_content_check_request_id\` FOREIGN KEY (\`request_id\`) REFERENCES \`request\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`content_check\` ADD CONSTRAINT \`FK_content_check_photo_id\` FOREIGN KEY (\`photo_id\`) REFERENCES \`request_photo\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`content_check\` ADD CONSTRAINT \`FK_content_check_voice_id\` FOREIGN KEY (\`voice_id\`) REFERENCES \`request_voice\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`content_check\` ADD CONSTRAINT \`FK_content_check_author_user_id\` FOREIGN KEY (\`author_user_id\`) REFERENCES \`user_account\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`content_check\` ADD CONSTRAINT \`FK_content_check_reviewer_user_id\` FOREIGN KEY (\`reviewer_user_id\`) REFERENCES \`user_account\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE \`content_check\` DROP FOREIGN KEY \`FK_content_check_reviewer_user_id\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`content_check\` DROP FOREIGN KEY \`FK_content_check_author_user_id\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`content_check\` DROP FOREIGN KEY \`FK_content_check_voice_id\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`content_check\` DROP FOREIGN KEY \`FK_content_check_photo_id\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`content_check\` DROP FOREIGN KEY \`FK_content_check_request_id\``,
    );
    await queryRunner.query(`DROP INDEX \`IDX_content_check_request_id\` ON \`content_check\``);
    await queryRunner.query(`DROP INDEX \`IDX_content_check_state\` ON \`content_check\``);
    await queryRunner.query(`DROP INDEX \`UQ_content_check_trace_id\` ON \`content_check\``);
    await queryRunner.query(`DROP TABLE \`content_check\``);
  }
}
