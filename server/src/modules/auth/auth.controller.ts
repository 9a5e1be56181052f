import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type {
  ChangePasswordInput,
  SmsCodeRequestInput,
  SmsSignInInput,
  StaffSignInInput,
  WechatSignInInput,
} from '@mqlk/shared';
import type { RequestActor } from '../../common/auth/actor';
import { CurrentActor } from '../../common/auth/decorators';
import { Endpoint, ValidBody } from '../../common/contract/endpoint';
import { AuthService } from './auth.service';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Endpoint('staffSignIn')
  staffSignIn(@ValidBody() input: StaffSignInInput) {
    return this.auth.staffSignIn(input);
  }

  @Endpoint('sendSmsCode')
  sendSms(@ValidBody() input: SmsCodeRequestInput) {
    return this.auth.sendSmsCode(input.phone);
  }

  @Endpoint('smsSignIn')
  smsSignIn(@ValidBody() input: SmsSignInInput) {
    return this.auth.smsSignIn(input.phone, input.code);
  }

  @Endpoint('wechatSignIn')
  wechatSignIn(@ValidBody() input: WechatSignInInput) {
    return this.auth.wechatSignIn(input.code);
  }

  @Endpoint('changePassword')
  changePassword(@CurrentActor() actor: RequestActor, @ValidBody() input: ChangePasswordInput) {
    return this.auth.changePassword(actor, input);
  }

  @Endpoint('me')
  me(@CurrentActor() actor: RequestActor) {
    return this.auth.me(actor);
  }
}
