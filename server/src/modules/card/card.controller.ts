import { Controller, Get, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../../common/auth/decorators';
import { CardService } from './card.service';

@ApiTags('cards')
@Controller('cards')
export class CardController {
  constructor(private readonly cards: CardService) {}

  /** The card page: no sign-in needed to see whom a card reaches. */
  @Public()
  @Get(':code')
  view(@Param('code') code: string) {
    return this.cards.view(code);
  }
}
