import { Controller, Param, ParseIntPipe } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type {
  AcceptInput,
  CancelInput,
  EscalateInput,
  MoveResult,
  RateInput,
  ReplyInput,
  ResolveInput,
  SuperviseInput,
  TransferInput,
  VerifyInput,
} from '@mqlk/shared';
import type { RequestActor } from '../../common/auth/actor';
import { CurrentActor } from '../../common/auth/decorators';
import { Endpoint, ValidBody } from '../../common/contract/endpoint';
import { RequestMoves } from './request-moves.service';
import { RequestQueries } from './request-query.service';

/**
 * One route per move of the state machine. Who may make it is decided per request by the access
 * policy, so no role is named here; each answers with the request as the mover now sees it.
 */
@ApiTags('moves')
@Controller()
export class RequestMovesController {
  constructor(
    private readonly moves: RequestMoves,
    private readonly queries: RequestQueries,
  ) {}

  private async answer(actor: RequestActor, id: number, move: Promise<void>): Promise<MoveResult> {
    await move;
    return this.queries.afterMove(actor, id);
  }

  @Endpoint('withdraw')
  withdraw(
    @CurrentActor() a: RequestActor,
    @Param('id', ParseIntPipe) id: number,
    @ValidBody() _: object,
  ) {
    return this.answer(a, id, this.moves.withdraw(a, id));
  }

  @Endpoint('accept')
  accept(
    @CurrentActor() a: RequestActor,
    @Param('id', ParseIntPipe) id: number,
    @ValidBody() i: AcceptInput,
  ) {
    return this.answer(a, id, this.moves.accept(a, id, i));
  }

  @Endpoint('reply')
  reply(
    @CurrentActor() a: RequestActor,
    @Param('id', ParseIntPipe) id: number,
    @ValidBody() i: ReplyInput,
  ) {
    return this.answer(a, id, this.moves.reply(a, id, i));
  }

  @Endpoint('resolve')
  resolve(
    @CurrentActor() a: RequestActor,
    @Param('id', ParseIntPipe) id: number,
    @ValidBody() i: ResolveInput,
  ) {
    return this.answer(a, id, this.moves.resolve(a, id, i));
  }

  @Endpoint('escalate')
  escalate(
    @CurrentActor() a: RequestActor,
    @Param('id', ParseIntPipe) id: number,
    @ValidBody() i: EscalateInput,
  ) {
    return this.answer(a, id, this.moves.escalate(a, id, i));
  }

  @Endpoint('transfer')
  transfer(
    @CurrentActor() a: RequestActor,
    @Param('id', ParseIntPipe) id: number,
    @ValidBody() i: TransferInput,
  ) {
    return this.answer(a, id, this.moves.transfer(a, id, i));
  }

  @Endpoint('rate')
  rate(
    @CurrentActor() a: RequestActor,
    @Param('id', ParseIntPipe) id: number,
    @ValidBody() i: RateInput,
  ) {
    return this.answer(a, id, this.moves.rate(a, id, i));
  }

  @Endpoint('verify')
  verify(
    @CurrentActor() a: RequestActor,
    @Param('id', ParseIntPipe) id: number,
    @ValidBody() i: VerifyInput,
  ) {
    return this.answer(a, id, this.moves.verify(a, id, i));
  }

  @Endpoint('supervise')
  supervise(
    @CurrentActor() a: RequestActor,
    @Param('id', ParseIntPipe) id: number,
    @ValidBody() i: SuperviseInput,
  ) {
    return this.answer(a, id, this.moves.supervise(a, id, i));
  }

  /** The resident confirms a 当场解决 record from their own list (signed in with its phone). */
  @Endpoint('confirmRequest')
  confirm(
    @CurrentActor() a: RequestActor,
    @Param('id', ParseIntPipe) id: number,
    @ValidBody() _: object,
  ) {
    return this.answer(a, id, this.moves.confirm(a, id));
  }

  @Endpoint('cancel')
  cancel(
    @CurrentActor() a: RequestActor,
    @Param('id', ParseIntPipe) id: number,
    @ValidBody() i: CancelInput,
  ) {
    return this.answer(a, id, this.moves.cancel(a, id, i));
  }
}
