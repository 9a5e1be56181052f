import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { CadreRepository } from '../../modules/cadre/cadre.repository';
import { OrgRepository } from '../../modules/org/org.repository';
import { UserRepository } from '../../modules/user/user.repository';
import { AppError } from '../app-error';
import { CLOCK, type Clock } from '../clock/clock';
import { ENDPOINT } from '../contract/endpoint';
import type { RequestActor } from './actor';
import { IS_PUBLIC, ROLES } from './decorators';
import { readToken } from './token';

/** What a person whose password must change may still call. */
const PASSWORD_ROUTES = new Set<string | undefined>(['me', 'changePassword']);

/**
 * Every route needs a valid token unless marked public. The account is read on each call, so a
 * removed account or a changed scope takes effect at once even though tokens are stateless.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly users: UserRepository,
    private readonly cadres: CadreRepository,
    private readonly org: OrgRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
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
    const payload = readToken(token, this.config.tokenSecret, this.clock.now());
    // A resident with an old session who scans a card is simply signed out there, not refused.
    if ((payload === 'expired' || payload === null) && isPublic) return true;
    if (payload === 'expired') throw new AppError('SESSION_EXPIRED');
    if (payload === null) throw new AppError('UNAUTHENTICATED');
    req.actor = await this.loadActor(payload.sub, payload.ms ?? payload.iat * 1000);
    // An initial password opens nothing but the page that changes it.
    if (req.actor.mustChangePassword && !PASSWORD_ROUTES.has(this.endpointOf(ctx))) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED');
    }
    const roles = this.reflector.getAllAndOverride<RequestActor['role'][] | undefined>(
      ROLES,
      targets,
    );
    if (roles && !roles.includes(req.actor.role)) throw new AppError('FORBIDDEN');
    return true;
  }

  /**
   * Residents: one read. Cadres and staff: one more, for a cadre profile (a township's staff
   * member may also be a cadre on a card). Unit paths never change and are cached.
   */
  private async loadActor(userId: number, issuedAtMs: number): Promise<RequestActor> {
    const user = await this.users.findById(userId);
    if (!user) throw new AppError('UNAUTHENTICATED');
    if (!user.active) throw new AppError('ACCOUNT_DISABLED');
    // A reset or a password change ends every session opened before it.
    if (user.sessionsSince && issuedAtMs < user.sessionsSince.getTime()) {
      throw new AppError('SESSION_EXPIRED');
    }
    const cadre = user.role === 'resident' ? null : await this.cadres.findActiveByUserId(user.id);
    return {
      userId: user.id,
      role: user.role,
      displayName: user.displayName,
      orgUnitId: user.orgUnitId,
      orgUnitPath: user.orgUnitId === null ? null : await this.org.pathOf(user.orgUnitId),
      cadreId: cadre?.id ?? null,
      mustChangePassword: user.mustChangePassword,
      phoneMasked: user.phoneMasked,
      wechatOpenid: user.wechatOpenid,
    };
  }

  private endpointOf(ctx: ExecutionContext): string | undefined {
    return Reflect.getMetadata(ENDPOINT, ctx.getHandler()) as string | undefined;
  }
}
