import { Inject, Injectable } from '@nestjs/common';
import { WECHAT_CLIENT, type WechatClient } from '../auth/external-services';
import type { PhotoStorage } from '../photo/photo-storage';

export const CARD_CODE_STORAGE = Symbol('CARD_CODE_STORAGE');

/** The card page of the mini-program, which reads the card's code from `scene`. */
export const CARD_PAGE = 'pages/card/index';

/**
 * A card's mini-program code (小程序码, `scene=<card code>`), the alternative to the link QR on a
 * printed sheet: asked of WeChat once per card and kept with the photos, since a code never
 * changes and a township prints hundreds at a time.
 */
@Injectable()
export class CardCodes {
  constructor(
    @Inject(WECHAT_CLIENT) private readonly wechat: WechatClient,
    @Inject(CARD_CODE_STORAGE) private readonly storage: PhotoStorage,
  ) {}

  async of(cardCode: string): Promise<Buffer> {
    const key = `wxacode/${cardCode}.img`;
    const kept = await this.storage.get(key);
    if (kept) return kept;
    const image = await this.wechat.miniProgramCode(cardCode, CARD_PAGE);
    const png = image[0] === 0x89 && image[1] === 0x50;
    await this.storage.put(key, image, png ? 'image/png' : 'image/jpeg');
    return image;
  }
}
