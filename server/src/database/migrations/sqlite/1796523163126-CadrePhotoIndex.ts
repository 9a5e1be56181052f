import { MigrationInterface, QueryRunner } from 'typeorm';

export class CadrePhotoIndex1796523163126 implements MigrationInterface {
  name = 'CadrePhotoIndex1796523163126';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_cadre_photo_url" ON "cadre" ("photo_url") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_cadre_photo_url"`);
  }
}
