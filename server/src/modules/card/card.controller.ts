import { Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Endpoint } from '../../common/contract/endpoint';
import { CardService } from './card.service';

@ApiTags('cards')
@Controller()
export class CardController {
  constructor(private readonly cards: CardService) {}

  /** The card page: no sign-in needed to see whom a card reaches. */
  @Endpoint('viewCard')
  view(@Param('code') code: string) {
    return this.cards.view(code);
  }
}
