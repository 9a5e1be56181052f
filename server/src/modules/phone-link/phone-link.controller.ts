import { Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { WechatPhoneSignInInput } from '@mqlk/shared';
import { Endpoint, ValidBody } from '../../common/contract/endpoint';
import { PhoneLinkService } from './phone-link.service';

@ApiTags('auth')
@Controller()
export class PhoneLinkController {
  constructor(private readonly links: PhoneLinkService) {}

  @Endpoint('wechatPhoneSignIn')
  signIn(@ValidBody() input: WechatPhoneSignInInput) {
    return this.links.signIn(input);
  }
}
