import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { AppError } from '../app-error';
import type { RequestActor } from './actor';
import { IS_PUBLIC, ROLES } from './decorators';
import { readToken } from './token';

interface ActorRow {
  id: number;
  role: RequestActor['role'];
  display_name: string;
  org_unit_id: number | null;
  path: string | null;
  cadre_id: number | null;
}

/**
 * Every route needs a valid token unless marked @Public(). The account is read on each call, so a
 * removed account or a changed scope takes effect at once even though tokens are stateless.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets);
    const req = ctx
      .switchToHttp()
      .getRequest<{ headers: Record<string, string | undefined>; actor?: RequestActor }>();
    const header = req.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    if (!token) {
      if (isPublic) return true;
      throw new AppError('UNAUTHENTICATED');
    }
    const payload = readToken(token, this.config.tokenSecret);
    // A resident with an old session who scans a card is simply signed out there, not refused.
    if ((payload === 'expired' || payload === null) && isPublic) return true;
    if (payload === 'expired') throw new AppError('SESSION_EXPIRED');
    if (payload === null) throw new AppError('UNAUTHENTICATED');
    req.actor = await this.loadActor(payload.sub);
    const roles = this.reflector.getAllAndOverride<RequestActor['role'][] | undefined>(
      ROLES,
      targets,
    );
    if (roles && !roles.includes(req.actor.role)) throw new AppError('FORBIDDEN');
    return true;
  }

  private async loadActor(userId: number): Promise<RequestActor> {
    const rows: ActorRow[] = await this.db.query(
      `SELECT u.id, u.role, u.display_name, u.org_unit_id, o.path, c.id AS cadre_id
         FROM user_account u
         LEFT JOIN org_unit o ON o.id = u.org_unit_id
         LEFT JOIN cadre c ON c.user_id = u.id AND c.active = 1
        WHERE u.id = ?`,
      [userId],
    );
    const row = rows[0];
    if (!row) throw new AppError('UNAUTHENTICATED');
    return {
      userId: row.id,
      role: row.role,
      displayName: row.display_name,
      orgUnitId: row.org_unit_id,
      orgUnitPath: row.path,
      cadreId: row.cadre_id,
    };
  }
}
