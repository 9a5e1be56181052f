import type { Writable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import {
  addDays,
  type LedgerQuery,
  localDateOf,
  seesRatings,
  startOfLocalDay,
  statusSeenBy,
} from '@mqlk/shared';
import type ExcelJS from 'exceljs';
import { exceljs } from '../../common/heavy-libraries';
import { AccessPolicy } from '../../common/access/access-policy';
import { AppError } from '../../common/app-error';
import type { RequestActor } from '../../common/auth/actor';
import { CLOCK, type Clock } from '../../common/clock/clock';
import { AuditRepository, auditActor } from '../audit/audit.repository';
import { CadreRepository } from '../cadre/cadre.repository';
import { OrgRepository } from '../org/org.repository';
import { RatingRepository } from '../rating/rating.repository';
import { UserRepository } from '../user/user.repository';
import { VoiceRepository } from '../voice/voice.repository';
import {
  LEDGER_COLUMNS,
  LEDGER_DATE_FORMAT,
  LEDGER_SHEET_NAME,
  fileNames,
  type LedgerEntry,
  type LedgerRating,
  ledgerRow,
} from './ledger-sheet';
import { CLOSED, drained, whileOpen } from './ledger-stream';
import {
  type LedgerFilter,
  LedgerRepository,
  type LedgerRequestRow,
} from '../request/ledger.repository';
import { NameCache } from './name-cache';

/** Requests read, looked up and written per round trip. */
export const LEDGER_BATCH = 1000;
/** A ledger past this is not read by anyone: it is a backup, and holds the database for minutes. */
export const LEDGER_MAX_ROWS = 500_000;

/**
 * One style object per kind of cell, shared by every row. exceljs looks a cell's style up by the
 * object's identity and otherwise rebuilds its XML for every cell, and the copy it makes for each
 * new cell never matches: sharing makes the whole export about twice as fast (bench/ledger.ts).
 */
const DATE_STYLE: Partial<ExcelJS.Style> = Object.freeze({ numFmt: LEDGER_DATE_FORMAT });
const TEXT_STYLE: Partial<ExcelJS.Style> = Object.freeze({});
const CELL_STYLES = LEDGER_COLUMNS.map((c) => ('date' in c ? DATE_STYLE : TEXT_STYLE));

/** Names that come back batch after batch in one export: a township's cadres and handlers. */
interface KnownNames {
  owners: NameCache;
  cadres: NameCache;
}

interface LoadedBatch {
  rows: LedgerRequestRow[];
  entries: LedgerEntry[];
}

/** An export that passed its checks and is on the audit log: ready to be written. */
export interface LedgerFile {
  /** 民情台账-2026-11-01-2026-11-30.xlsx */
  name: string;
  /** the same in ASCII, for clients that cannot read the UTF-8 name */
  asciiName: string;
  /** the requests counted when it was asked for */
  rows: number;
  filter: LedgerFilter;
  reader: RequestActor;
}

/**
 * 民情台账: every request of the reader's scope (or of one unit in it) as one Excel sheet, for the
 * office's records and the county's checks. It is checked, counted and put on the audit log
 * before the first byte goes out; then it is streamed in keyset batches, each row committed as it
 * is written, so memory stays flat however long the ledger is.
 */
@Injectable()
export class LedgerService {
  constructor(
    private readonly requests: LedgerRepository,
    private readonly org: OrgRepository,
    private readonly users: UserRepository,
    private readonly cadres: CadreRepository,
    private readonly ratings: RatingRepository,
    private readonly policy: AccessPolicy,
    private readonly audit: AuditRepository,
    private readonly voices: VoiceRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async prepare(actor: RequestActor, q: LedgerQuery): Promise<LedgerFile> {
    const scope = this.policy.requireOfficeScope(actor);
    const unitPath = q.unitId === undefined ? scope : await this.unitPath(actor, q.unitId);
    if (q.from && q.to && q.from > q.to) {
      throw new AppError('VALIDATION_FAILED', [
        { field: 'from', message: '开始日期不能晚于结束日期' },
      ]);
    }
    const now = this.clock.now();
    const filter: LedgerFilter = {
      unitPath,
      from: q.from ? startOfLocalDay(q.from) : null,
      until: q.to ? startOfLocalDay(addDays(q.to, 1)) : null,
      status: q.status ?? null,
      category: q.category ?? null,
      overdueAt: q.overdue ? now : null,
      reader: {
        userId: actor.userId,
        cadreId: actor.cadreId,
        role: actor.role === 'admin' ? 'admin' : 'staff',
      },
    };
    const rows = await this.requests.countLedger(filter);
    if (rows > LEDGER_MAX_ROWS) {
      throw new AppError('VALIDATION_FAILED', [
        {
          field: 'from',
          message: `符合条件的诉求有${rows}条，一次最多导出${LEDGER_MAX_ROWS}条，请缩小日期范围，或按村、类别分开导出`,
        },
      ]);
    }
    await this.audit.recordNow({
      ...auditActor(actor),
      action: 'ledger.export',
      targetType: 'ledger',
      targetId: null,
      unitPath,
      detail: {
        fromDate: q.from ?? null,
        toDate: q.to ?? null,
        status: q.status ?? null,
        category: q.category ?? null,
        unitId: q.unitId ?? null,
        overdue: q.overdue ?? null,
        rows,
      },
      at: now,
    });
    return { ...fileNames(q, localDateOf(now)), rows, filter, reader: actor };
  }

  /** Writes the workbook into `out` and ends it; resolves with the number of requests written. */
  async write(file: LedgerFile, out: Writable): Promise<number> {
    const wb = new (await exceljs()).stream.xlsx.WorkbookWriter({
      stream: out,
      useStyles: true,
      // Shared strings would keep every distinct text in memory until the end.
      useSharedStrings: false,
    });
    const sheet = wb.addWorksheet(LEDGER_SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = LEDGER_COLUMNS.map((c, i) => ({
      header: c.header,
      key: `c${i}`,
      width: c.width,
      style: CELL_STYLES[i],
    }));
    sheet.autoFilter = {
      from: { row: 1, column: 1 },
      to: { row: 1, column: LEDGER_COLUMNS.length },
    };
    const header = sheet.getRow(1);
    header.font = { bold: true };
    header.commit();
    const known: KnownNames = {
      owners: new NameCache((ids) => this.users.displayNames(ids)),
      cadres: new NameCache((ids) => this.cadres.namesByIds(ids)),
    };
    // The next batch is read while this one is written: the database's time hides behind
    // exceljs's, and no more than two batches are ever held.
    const load = async (afterId: number): Promise<LoadedBatch> => {
      const rows = await this.requests.ledgerBatch(file.filter, afterId, LEDGER_BATCH);
      return { rows, entries: await this.entries(rows, file.reader, known) };
    };
    let next: Promise<LoadedBatch> | null = load(0);
    let written = 0;
    try {
      while (next) {
        const { rows, entries }: LoadedBatch = await next;
        if (out.destroyed) throw new Error(CLOSED);
        next = rows.length === LEDGER_BATCH ? load(rows[rows.length - 1]!.id) : null;
        for (const entry of entries) {
          const row = sheet.addRow(ledgerRow(entry));
          CELL_STYLES.forEach((style, i) => (row.getCell(i + 1).style = style));
          row.commit();
        }
        written += rows.length;
        // A slow download holds the batches back instead of piling rows up in memory.
        await drained(out);
      }
    } catch (err) {
      next?.catch(() => undefined);
      throw err;
    }
    sheet.commit();
    // exceljs waits for `out` to finish: a download closed meanwhile would keep it waiting forever.
    await whileOpen(out, wb.commit());
    return written;
  }

  /** A unit the reader asked for by id: inside their scope, or refused. */
  private async unitPath(actor: RequestActor, unitId: number): Promise<string> {
    const unit = await this.org.findById(unitId);
    if (!unit) throw new AppError('NOT_FOUND');
    this.policy.requireOfficeUnit(actor, unit.path);
    return unit.path;
  }

  /**
   * One batch with its names and ratings: two lookups whatever the batch's size (residents,
   * ratings), and one more each for cadres and handlers this export has not met yet.
   */
  private async entries(
    batch: LedgerRequestRow[],
    reader: RequestActor,
    known: KnownNames,
  ): Promise<LedgerEntry[]> {
    if (batch.length === 0) return [];
    // Only a request said in a recording has no text: its transcript stands in for it.
    const voiceOnly = batch.filter((r) => r.text === '').map((r) => r.id);
    const [residents, owners, cadreNames, ratings, transcripts] = await Promise.all([
      this.users.displayNames(batch.map((r) => r.requesterId)),
      known.owners.get(batch.map((r) => r.ownerUserId)),
      known.cadres.get(
        batch.flatMap((r) => (r.firstContactCadreId === null ? [] : [r.firstContactCadreId])),
      ),
      this.ratings.forRequests(batch.map((r) => r.id)),
      this.voices.transcriptsFor(voiceOnly),
    ]);
    const latest = new Map<number, { round: number; level: number; excluded: boolean }>();
    for (const rating of ratings) {
      const seen = latest.get(rating.requestId);
      if (!seen || Number(rating.round) > seen.round) {
        latest.set(rating.requestId, {
          round: Number(rating.round),
          level: Number(rating.level),
          excluded: Boolean(rating.excluded),
        });
      }
    }
    return batch.map((r) => {
      const who = this.policy.actorFor(reader, r);
      const sees = seesRatings(who, r.level);
      const rating = latest.get(r.id);
      const rated: LedgerRating = !rating
        ? { kind: 'none' }
        : !sees
          ? { kind: 'hidden' }
          : rating.excluded
            ? { kind: 'excluded' }
            : { kind: 'level', level: rating.level };
      return {
        number: r.number,
        submittedAt: r.submittedAt,
        channel: r.channel,
        category: r.category,
        subTopic: r.subTopic,
        text: r.text === '' ? voiceOnlyText(transcripts.get(r.id) ?? null) : r.text,
        requesterName: residents.get(r.requesterId) ?? '',
        contactPhoneMasked: r.contactPhoneMasked,
        firstContactName:
          r.firstContactCadreId === null ? null : (cadreNames.get(r.firstContactCadreId) ?? null),
        ownerName: owners.get(r.ownerUserId) ?? '',
        level: r.level,
        dueAt: r.dueAt,
        status: statusSeenBy(r.status, who, r.level),
        resolvedAt: r.resolvedAt,
        resolutionOutcome: r.resolutionOutcome,
        resolutionNote: r.resolutionNote,
        rating: rated,
      };
    });
  }
}

/** What the ledger's 内容 column says of a request made by voice alone. */
export function voiceOnlyText(transcript: string | null): string {
  return transcript
    ? `（语音诉求）语音转文字：${transcript}`
    : '（语音诉求，没有转出文字，请在系统里听录音）';
}
