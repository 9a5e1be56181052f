import { Controller, Param, ParseIntPipe, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  AUDIT_ACTION_LABELS,
  auditSummary,
  type AccountListQuery,
  type AuditQuery,
  type CadreListQuery,
  type CardSheetQuery,
  type CreateAccountInput,
  type CreateCadreInput,
  type CreateUnitInput,
  type DeactivateCadreInput,
  type RevokeCardInput,
  type SetAccountActiveInput,
  startOfLocalDay,
  addDays,
  type TransferPostInput,
  type UpdateCadreInput,
  type UpdateUnitInput,
} from '@mqlk/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PassThrough } from 'node:stream';
import type { RequestActor } from '../../common/auth/actor';
import { CurrentActor } from '../../common/auth/decorators';
import { attachment } from '../../common/attachment';
import { Endpoint, ValidBody, ValidQuery } from '../../common/contract/endpoint';
import { pageOf, sliceOf } from '../../common/paging';
import { AuditRepository } from '../audit/audit.repository';
import { readPhotoUpload } from '../photo/photo-upload';
import { renderCardSheet } from '../print/card-sheet';
import { buildCadreTemplate } from './cadre-sheet';
import { OfficeAccounts } from './office-accounts';
import { OfficeCadres } from './office-cadres';
import { OfficeCards } from './office-cards';
import { OfficeImport } from './office-import';
import { OfficeScope } from './office-scope';
import { OfficeUnits } from './office-units';
import { readSpreadsheetUpload, xlsxDownload } from './spreadsheet-upload';

/** The township office: staff and county admins, each inside their scope; every change audited. */
@ApiTags('office')
@Controller()
export class OfficeController {
  constructor(
    private readonly units: OfficeUnits,
    private readonly cadres: OfficeCadres,
    private readonly cards: OfficeCards,
    private readonly accounts: OfficeAccounts,
    private readonly importer: OfficeImport,
    private readonly audit: AuditRepository,
    private readonly scope: OfficeScope,
  ) {}

  @Endpoint('officeUnits')
  officeUnits(@CurrentActor() actor: RequestActor) {
    return this.units.tree(actor);
  }

  @Endpoint('createUnit')
  createUnit(@CurrentActor() actor: RequestActor, @ValidBody() input: CreateUnitInput) {
    return this.units.create(actor, input);
  }

  @Endpoint('updateUnit')
  updateUnit(
    @CurrentActor() actor: RequestActor,
    @Param('id', ParseIntPipe) id: number,
    @ValidBody() input: UpdateUnitInput,
  ) {
    return this.units.update(actor, id, input);
  }

  @Endpoint('retireUnit')
  retireUnit(@CurrentActor() actor: RequestActor, @Param('id', ParseIntPipe) id: number) {
    return this.units.retire(actor, id);
  }

  @Endpoint('officeCadres')
  officeCadres(@CurrentActor() actor: RequestActor, @ValidQuery() query: CadreListQuery) {
    return this.cadres.list(actor, query);
  }

  @Endpoint('createCadre')
  createCadre(@CurrentActor() actor: RequestActor, @ValidBody() input: CreateCadreInput) {
    return this.cadres.create(actor, input);
  }

  @Endpoint('cadreDetail')
  cadreDetail(@CurrentActor() actor: RequestActor, @Param('id', ParseIntPipe) id: number) {
    return this.cadres.detail(actor, id);
  }

  @Endpoint('updateCadre')
  updateCadre(
    @CurrentActor() actor: RequestActor,
    @Param('id', ParseIntPipe) id: number,
    @ValidBody() input: UpdateCadreInput,
  ) {
    return this.cadres.update(actor, id, input);
  }

  @Endpoint('uploadCadrePhoto')
  async uploadCadrePhoto(
    @CurrentActor() actor: RequestActor,
    @Param('id', ParseIntPipe) id: number,
    @Req() request: FastifyRequest,
  ) {
    return this.cadres.setPhoto(actor, id, await readPhotoUpload(request));
  }

  @Endpoint('removeCadrePhoto')
  removeCadrePhoto(@CurrentActor() actor: RequestActor, @Param('id', ParseIntPipe) id: number) {
    return this.cadres.setPhoto(actor, id, null);
  }

  @Endpoint('deactivateCadre')
  deactivateCadre(
    @CurrentActor() actor: RequestActor,
    @Param('id', ParseIntPipe) id: number,
    @ValidBody() input: DeactivateCadreInput,
  ) {
    return this.cadres.deactivate(actor, id, input);
  }

  @Endpoint('transferPost')
  transferPost(
    @CurrentActor() actor: RequestActor,
    @Param('id', ParseIntPipe) id: number,
    @ValidBody() input: TransferPostInput,
  ) {
    return this.cadres.transfer(actor, id, input);
  }

  @Endpoint('cadreImportTemplate')
  async cadreImportTemplate(
    @CurrentActor() actor: RequestActor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    this.scope.path(actor);
    xlsxDownload(reply, '干部导入模板.xlsx', 'cadre-template.xlsx');
    return buildCadreTemplate();
  }

  @Endpoint('importCadres')
  async importCadres(@CurrentActor() actor: RequestActor, @Req() request: FastifyRequest) {
    this.scope.path(actor);
    return this.importer.run(actor, await readSpreadsheetUpload(request));
  }

  @Endpoint('issueCard')
  issueCard(@CurrentActor() actor: RequestActor, @Param('id', ParseIntPipe) id: number) {
    return this.cards.issue(actor, id);
  }

  @Endpoint('cardDetail')
  cardDetail(@CurrentActor() actor: RequestActor, @Param('id', ParseIntPipe) id: number) {
    return this.cards.detail(actor, id);
  }

  @Endpoint('revokeCard')
  revokeCard(
    @CurrentActor() actor: RequestActor,
    @Param('id', ParseIntPipe) id: number,
    @ValidBody() input: RevokeCardInput,
  ) {
    return this.cards.revoke(actor, id, input);
  }

  /** The PDF is streamed as pdfkit writes it. */
  @Endpoint('cardSheet')
  async cardSheet(
    @CurrentActor() actor: RequestActor,
    @ValidQuery() query: CardSheetQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const cards = await this.cards.printable(actor, query);
    const out = new PassThrough();
    void reply.header('content-type', 'application/pdf');
    void reply.header('content-disposition', attachment('民情联系卡.pdf', 'cards.pdf'));
    renderCardSheet(cards, this.cards.sheetOptions(), out).catch((err: Error) => out.destroy(err));
    return out;
  }

  @Endpoint('officeAccounts')
  officeAccounts(@CurrentActor() actor: RequestActor, @ValidQuery() query: AccountListQuery) {
    return this.accounts.list(actor, query);
  }

  @Endpoint('createAccount')
  createAccount(@CurrentActor() actor: RequestActor, @ValidBody() input: CreateAccountInput) {
    return this.accounts.create(actor, input);
  }

  @Endpoint('resetPassword')
  resetPassword(@CurrentActor() actor: RequestActor, @Param('id', ParseIntPipe) id: number) {
    return this.accounts.resetPassword(actor, id);
  }

  @Endpoint('setAccountActive')
  setAccountActive(
    @CurrentActor() actor: RequestActor,
    @Param('id', ParseIntPipe) id: number,
    @ValidBody() input: SetAccountActiveInput,
  ) {
    return this.accounts.setActive(actor, id, input);
  }

  /** The audit log within the admin's scope, newest first; dates are local and inclusive. */
  @Endpoint('auditLog')
  async auditLog(@CurrentActor() actor: RequestActor, @ValidQuery() query: AuditQuery) {
    const slice = sliceOf(query);
    const { items, total } = await this.audit.page(
      {
        scopePath: this.scope.path(actor),
        actorUserId: query.actorId,
        action: query.action,
        from: query.from ? startOfLocalDay(query.from) : undefined,
        to: query.to ? startOfLocalDay(addDays(query.to, 1)) : undefined,
      },
      slice.offset / slice.limit + 1,
      slice.limit,
    );
    return pageOf(
      slice,
      items.map((a) => ({
        id: a.id,
        at: a.createdAt.toISOString(),
        actorUserId: a.actorUserId,
        actorName: a.actorName,
        action: a.action,
        actionLabel: AUDIT_ACTION_LABELS[a.action as keyof typeof AUDIT_ACTION_LABELS] ?? a.action,
        targetType: a.targetType,
        targetId: a.targetId,
        summary: auditSummary(a.detail),
      })),
      total,
    );
  }
}
