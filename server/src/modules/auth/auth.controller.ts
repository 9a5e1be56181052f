import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  type SmsCodeRequestInput,
  smsCodeRequestSchema,
  type SmsSignInInput,
  smsSignInSchema,
  type StaffSignInInput,
  staffSignInSchema,
  type WechatSignInInput,
  wechatSignInSchema,
} from '@mqlk/shared';
import type { RequestActor } from '../../common/auth/actor';
import { CurrentActor, Public } from '../../common/auth/decorators';
import { ApiValibotBody, ValibotPipe } from '../../common/validation';
import { AuthService } from './auth.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('staff/sign-in')
  @HttpCode(200)
  @ApiValibotBody(staffSignInSchema)
  staffSignIn(@Body(new ValibotPipe(staffSignInSchema)) input: StaffSignInInput) {
    return this.auth.staffSignIn(input);
  }

  @Public()
  @Post('sms/send')
  @HttpCode(200)
  @ApiValibotBody(smsCodeRequestSchema)
  sendSms(@Body(new ValibotPipe(smsCodeRequestSchema)) input: SmsCodeRequestInput) {
    return this.auth.sendSmsCode(input.phone);
  }

  @Public()
  @Post('sms/sign-in')
  @HttpCode(200)
  @ApiValibotBody(smsSignInSchema)
  smsSignIn(@Body(new ValibotPipe(smsSignInSchema)) input: SmsSignInInput) {
    return this.auth.smsSignIn(input.phone, input.code);
  }

  @Public()
  @Post('wechat/sign-in')
  @HttpCode(200)
  @ApiValibotBody(wechatSignInSchema)
  wechatSignIn(@Body(new ValibotPipe(wechatSignInSchema)) input: WechatSignInInput) {
    return this.auth.wechatSignIn(input.code);
  }

  @Get('me')
  me(@CurrentActor() actor: RequestActor) {
    return this.auth.me(actor);
  }
}
