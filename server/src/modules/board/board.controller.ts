import { Controller, Param, ParseIntPipe, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { type PublicSummaryEditInput, ROUTES } from '@mqlk/shared';
import type { FastifyReply } from 'fastify';
import type { RequestActor } from '../../common/auth/actor';
import { CurrentActor } from '../../common/auth/decorators';
import { attachment } from '../../common/attachment';
import { Endpoint, ValidBody } from '../../common/contract/endpoint';
import { BoardService } from './board.service';

/**
 * A public page changes when a request is resolved, not by the second: a minute in any cache
 * (the browser's, a CDN's) spares a weak connection the round trip, and stale for a minute is fine.
 */
export const BOARD_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=300';

/** The village board (公示栏): the public answer, the staff's edits, the poster. */
@ApiTags('board')
@Controller()
export class BoardController {
  constructor(private readonly board: BoardService) {}

  @Endpoint('villageBoard')
  async villageBoard(
    @Param('unitId', ParseIntPipe) unitId: number,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const answer = await this.board.villageBoard(unitId);
    void reply.header('cache-control', BOARD_CACHE_CONTROL);
    return answer;
  }

  @Endpoint('editPublicSummary')
  editPublicSummary(
    @CurrentActor() actor: RequestActor,
    @Param('id', ParseIntPipe) id: number,
    @ValidBody() input: PublicSummaryEditInput,
  ) {
    return this.board.editPublic(actor, id, input);
  }

  @Endpoint('boardPoster')
  async poster(
    @CurrentActor() actor: RequestActor,
    @Param('id', ParseIntPipe) id: number,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const pdf = await this.board.poster(actor, id);
    void reply.header('content-type', ROUTES.boardPoster.produces);
    void reply.header('content-disposition', attachment('公示栏海报.pdf', `board-${id}.pdf`));
    return pdf;
  }
}
