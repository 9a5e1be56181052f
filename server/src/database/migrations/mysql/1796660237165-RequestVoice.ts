import { MigrationInterface, QueryRunner } from 'typeorm';

export class RequestVoice1796660237165 implements MigrationInterface {
  name = 'RequestVoice1796660237165';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE \`request_voice\` (\`id\` int NOT NULL AUTO_INCREMENT, \`request_id\` int NULL, \`uploader_user_id\` int NOT NULL, \`storage_key\` varchar(255) NOT NULL, \`mime\` varchar(32) NOT NULL, \`size_bytes\` int NOT NULL, \`duration_ms\` int NOT NULL, \`transcript\` text NULL, \`created_at\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_request_voice_uploader_user_id\` (\`uploader_user_id\`), INDEX \`IDX_request_voice_request_id\` (\`request_id\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`,
    );
    await queryRunner.query(
      `ALTER TABLE \`request_voice\` ADD CONSTRAINT \`FK_request_voice_request_id\` FOREIGN KEY (\`request_id\`) REFERENCES \`request\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE \`request_voice\` ADD CONSTRAINT \`FK_request_voice_uploader_user_id\` FOREIGN KEY (\`uploader_user_id\`) REFERENCES \`user_account\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE \`request_voice\` DROP FOREIGN KEY \`FK_request_voice_uploader_user_id\``,
    );
    await queryRunner.query(
      `ALTER TABLE \`request_voice\` DROP FOREIGN KEY \`FK_request_voice_request_id\``,
    );
    await queryRunner.query(`DROP INDEX \`IDX_request_voice_request_id\` ON \`request_voice\``);
    await queryRunner.query(
      `DROP INDEX \`IDX_request_voice_uploader_user_id\` ON \`request_voice\``,
    );
    await queryRunner.query(`DROP TABLE \`request_voice\``);
  }
}
