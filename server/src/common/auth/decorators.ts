import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { ActorRole } from '@mqlk/shared';
import { AppError } from '../app-error';
import type { RequestActor } from './actor';

export const IS_PUBLIC = 'mqlk:public';
export const ROLES = 'mqlk:roles';

/** Anyone may call it, signed in or not (a card page, sign-in itself, health). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only these roles may call it; everyone else gets FORBIDDEN. */
export const Roles = (...roles: Exclude<ActorRole, 'system'>[]) => SetMetadata(ROLES, roles);

/** The signed-in actor the guard attached to the request. */
export const CurrentActor = createParamDecorator((_data: unknown, ctx: ExecutionContext) => {
  const actor = ctx.switchToHttp().getRequest<{ actor?: RequestActor }>().actor;
  if (!actor) throw new AppError('UNAUTHENTICATED');
  return actor;
});
