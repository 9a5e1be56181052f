import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FieldIssue, ImportResult } from '@mqlk/shared';
import type { DataSource } from 'typeorm';
import { AppError } from '../../common/app-error';
import type { RequestActor } from '../../common/auth/actor';
import { CLOCK, type Clock } from '../../common/clock/clock';
import { hashPassword } from '../../common/crypto/password';
import { AuditRepository, auditActor } from '../audit/audit.repository';
import { CadreRepository } from '../cadre/cadre.repository';
import { OrgRepository } from '../org/org.repository';
import { UserRepository } from '../user/user.repository';
import { parseCadreSheet } from './cadre-sheet';
import { unitResolver } from './import-sheet';
import { OfficeCadres } from './office-cadres';
import { initialPassword, OfficeScope } from './office-scope';

/**
 * Cadres from a spreadsheet: every row checked first, and nothing written unless the whole file
 * is right (one transaction). A row whose login account exists already updates that cadre, so
 * importing the same file again changes nothing.
 */
@Injectable()
export class OfficeImport {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly org: OrgRepository,
    private readonly cadres: OfficeCadres,
    private readonly cadreRows: CadreRepository,
    private readonly users: UserRepository,
    private readonly scope: OfficeScope,
    private readonly audit: AuditRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async run(actor: RequestActor, file: Buffer): Promise<ImportResult> {
    const units = (await this.org.findSubtree(this.scope.path(actor))).filter((u) => !u.retiredAt);
    const parsed = await parseCadreSheet(file, unitResolver(units));
    if (!parsed.ok) throw new AppError('IMPORT_INVALID', parsed.issues);
    const usernames = parsed.rows.map((r) => r.username);
    const existing = new Map(
      (await this.users.findByUsernames(usernames)).map((a) => [a.username!, a]),
    );
    // Hashing is slow on purpose: done before the transaction, only for the new accounts.
    const passwords = new Map<string, { plain: string; hash: string }>();
    for (const row of parsed.rows) {
      if (existing.has(row.username)) continue;
      const plain = initialPassword();
      passwords.set(row.username, { plain, hash: await hashPassword(plain) });
    }
    const result: ImportResult = { created: 0, updated: 0, unchanged: 0, accounts: [] };
    await this.db.transaction(async (m) => {
      const issues: FieldIssue[] = [];
      for (const row of parsed.rows) {
        const account = existing.get(row.username);
        if (!account) {
          await this.cadres.insert(m, actor, row, passwords.get(row.username)!.hash);
          result.created++;
          result.accounts.push({
            name: row.name,
            username: row.username,
            initialPassword: passwords.get(row.username)!.plain,
          });
          continue;
        }
        const cadre = await this.cadreRows.findActiveByUserId(account.id, m);
        if (!cadre || !this.scope.covers(actor, (await this.org.pathOf(cadre.orgUnitId))!)) {
          issues.push({
            field: `rows.${row.row}.username`,
            message: `第${row.row}行「登录账号」：${row.username} 已被其他账号使用，请换一个`,
          });
          continue;
        }
        const changed = await this.cadres.apply(m, actor, cadre, row);
        if (changed.length === 0) result.unchanged++;
        else result.updated++;
      }
      if (issues.length > 0) throw new AppError('IMPORT_INVALID', issues);
      await this.audit.record(m, {
        ...auditActor(actor),
        action: 'cadre.import',
        targetType: 'org_unit',
        targetId: actor.orgUnitId,
        unitPath: this.scope.path(actor),
        detail: { rows: parsed.rows.length, created: result.created, updated: result.updated },
        at: this.clock.now(),
      });
    });
    return result;
  }
}
