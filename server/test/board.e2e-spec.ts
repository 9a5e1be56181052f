import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  BOARD_MONTHS,
  type FigureSeries,
  messageOf,
  type PublicSummaryState,
  type VillageBoard,
} from '@mqlk/shared';
import sharp from 'sharp';
import { DataSource, In } from 'typeorm';
import { AuditLogEntity } from '../src/modules/audit/audit-log.entity';
import { OrgUnitEntity } from '../src/modules/org/org-unit.entity';
import { RequestPhotoEntity } from '../src/modules/photo/request-photo.entity';
import { RequestEntity } from '../src/modules/request/request.entity';
import { UserAccountEntity } from '../src/modules/user/user-account.entity';
import { bearer, uniquePhone } from './factories';
import { jsonClient } from './json-client';
import { idemKey, Loop, SUBMISSION } from './loop';
import { startTestApp, type TestApp, testDialects } from './test-app';

/** Where the poster's PNG is kept for a person to look at (gitignored). */
const ARTIFACTS = path.resolve(__dirname, '../../.artifacts');
/** The H5 build, when it has been built: the board's deep link must serve it without leaking. */
const H5_BUILD = path.resolve(__dirname, '../../miniapp/h5/dist');

/**
 * The village board (公示栏) is public: it must show the village's work and nothing of the people
 * behind it. Requests are seeded through the real routes with distinctive private values (names,
 * phones, text, location, photos, notes, comments, conduct complaints and their summaries), then
 * the board's JSON and the HTML at /board/<id> are searched for every one of them.
 */
describe.each(testDialects())('the village board (公示栏) on %s', (dialect) => {
  let t: TestApp;
  let l: Loop;
  let db: DataSource;
  let h5Dir: string;
  let staffA: string;
  let staffB: string;
  let cadreA: string;
  let cadreB: string;
  let cadreGrid: string;

  beforeAll(async () => {
    h5Dir = fs.existsSync(path.join(H5_BUILD, 'index.html'))
      ? H5_BUILD
      : fs.mkdtempSync(path.join(os.tmpdir(), 'mqlk-board-h5-'));
    if (h5Dir !== H5_BUILD) {
      fs.writeFileSync(
        path.join(h5Dir, 'index.html'),
        '<!doctype html><title>民情联系卡</title><div id="app"></div>',
      );
    }
    t = await startTestApp({ dialect, env: { H5_DIST_DIR: h5Dir } });
    l = await Loop.start(t);
    db = t.app.get(DataSource);
    staffA = await l.as(l.w.staffA);
    staffB = await l.as(l.w.staffB);
    cadreA = await l.as(l.w.cadreA.user);
    cadreB = await l.as(l.w.cadreB.user);
  });
  afterAll(async () => {
    await t.close();
    if (h5Dir !== H5_BUILD) fs.rmSync(h5Dir, { recursive: true, force: true });
  });

  const { get, post } = jsonClient(() => t);
  const board = async (unitId: number) => {
    const res = await t.http().get(`/api/board/${unitId}`).expect(200);
    return { body: res.body as VillageBoard, text: res.text, headers: res.headers };
  };

  /** Every private value seeded, with what it is (the failure message names it). */
  const privateValues = new Map<string, string>();
  const keep = (what: string, value: string | null | undefined) => {
    if (value) privateValues.set(value, what);
  };

  /** A small real photo, uploaded by the resident: its stored key is private. */
  const uploadPhoto = async (token: string) => {
    const png = await sharp({
      create: { width: 16, height: 16, channels: 3, background: '#3a7' },
    })
      .png()
      .toBuffer();
    const res = await t
      .http()
      .post('/api/photos')
      .set(bearer(token))
      .attach('file', png, { filename: 'houyuan-loushui.png', contentType: 'image/png' })
      .expect(201);
    return res.body.id as number;
  };

  interface Seeded {
    id: number;
    version: number;
    resident: string;
  }

  /**
   * A resident with a name and a phone of their own reports through `card`, with text, a contact
   * phone, a location and a photo, all remembered as private values.
   */
  const seed = async (
    card: string,
    p: { name: string; text: string; address: string; category?: string; subTopic?: string },
  ): Promise<Seeded> => {
    const phone = uniquePhone();
    const contact = uniquePhone();
    const resident = await l.resident(phone);
    const photoId = await uploadPhoto(resident);
    const res = await t
      .http()
      .post('/api/requests')
      .set(bearer(resident))
      .set('Idempotency-Key', idemKey())
      .send({
        cardCode: card,
        ...SUBMISSION,
        ...(p.category ? { category: p.category, subTopic: p.subTopic } : {}),
        text: p.text,
        photoIds: [photoId],
        contactPhone: contact,
        location: { latitude: 30.918273, longitude: 119.736455, address: p.address },
      })
      .expect(201);
    const id = res.body.id as number;
    const row = await db.getRepository(RequestEntity).findOneByOrFail({ id });
    await db.getRepository(UserAccountEntity).update(row.requesterId, { displayName: p.name });
    const photo = await db.getRepository(RequestPhotoEntity).findOneByOrFail({ id: photoId });
    keep('resident name', p.name);
    keep('resident phone', phone);
    keep('contact phone', contact);
    keep('contact phone, masked', row.contactPhoneMasked);
    keep('request text', p.text);
    keep('address', p.address);
    keep('latitude', '30.918273');
    keep('longitude', '119.736455');
    keep('photo storage key', photo.storageKey);
    keep('photo storage file name', path.basename(photo.storageKey));
    keep('request number', row.number);
    return { id, version: res.body.version as number, resident };
  };

  /** Accept and resolve as `owner`, with a private note and the public summary. */
  const resolve = async (
    owner: string,
    id: number,
    note: string,
    publicSummary: string,
    outcome: 'solved' | 'explained' = 'solved',
  ) => {
    keep('resolution note', note);
    let r = await l.get(owner, id);
    if (r.status === 'submitted') r = await l.move(owner, id, 'accept', { version: r.version });
    return l.move(owner, id, 'resolve', { version: r.version, outcome, note, publicSummary });
  };

  const summaries = (b: VillageBoard) => b.items.map((i) => i.summary);

  describe('what a village shows', () => {
    const shown: string[] = [];
    const hidden: string[] = [];
    let villageBoard: VillageBoard;
    let boardJson: string;
    let boardHtml: string;
    let hiddenId: number;

    beforeAll(async () => {
      const { w } = l;
      // A grid (网格) of village A with a cadre of its own: its requests roll up into the village.
      const grid = await l.f.unit('grid', w.villageA);
      const gridCadre = await l.f.cadre(grid, '网格员钱立新');
      cadreGrid = await l.as(gridCadre.user);

      // Resolved with summaries: on the board.
      const water = await seed(w.cadreA.card.code, {
        name: '欧阳青禾',
        text: '我家后院的水管漏水秘事甲，邻居司马文渊也知道',
        address: '青石巷十七号后院西厢',
      });
      keep('name in the text', '司马文渊');
      await resolve(cadreA, water.id, '上门更换了欧阳家的水管接头乙', '后院供水管道漏水已修复');
      shown.push('后院供水管道漏水已修复');
      await l.move(water.resident, water.id, 'rate', {
        level: 5,
        solved: 'solved',
        comment: '评价留言丙：钱干部很负责',
      });
      keep('rating comment', '评价留言丙：钱干部很负责');

      const road = await seed(gridCadre.card.code, {
        name: '诸葛春燕',
        text: '三组路口的路灯坏了丁，晚上接孩子看不见',
        address: '三组晒谷场东侧二号',
      });
      await t
        .http()
        .post(`/api/requests/${road.id}/accept`)
        .set(bearer(cadreGrid))
        .send({ version: road.version })
        .expect(200);
      await t
        .http()
        .post(`/api/requests/${road.id}/reply`)
        .set(bearer(cadreGrid))
        .send({ text: '答复戊：明天联系电工来修' })
        .expect(200);
      keep('reply', '答复戊：明天联系电工来修');
      await resolve(cadreGrid, road.id, '电工己已更换灯泡', '三组路口路灯已更换');
      shown.push('三组路口路灯已更换');

      const explained = await seed(w.cadreA.card.code, {
        name: '上官秋实',
        text: '想把村道拓宽庚，方便大车进出',
        address: '村委会北面上官家',
        category: 'suggestion',
        subTopic: 'roads',
      });
      await resolve(
        cadreA,
        explained.id,
        '村道拓宽需县交通局立项辛，已当面解释清楚',
        '村道拓宽建议已向群众解释',
        'explained',
      );
      shown.push('村道拓宽建议已向群众解释');

      // Escalated to the township (上报) and resolved there: still the village's, on its board.
      const escalated = await seed(w.cadreA.card.code, {
        name: '公孙远山',
        text: '跨村的水渠堵了亥，村里协调不了',
        address: '四组公孙家',
      });
      const accepted = await l.move(cadreA, escalated.id, 'accept', { version: escalated.version });
      await l.move(cadreA, escalated.id, 'escalate', {
        version: accepted.version,
        reason: '跨村水渠需要乡镇协调甲乙',
      });
      keep('escalation reason', '跨村水渠需要乡镇协调甲乙');
      await resolve(staffA, escalated.id, '镇里协调两村疏通了水渠丙丁', '跨村水渠已由镇里协调疏通');
      shown.push('跨村水渠已由镇里协调疏通');

      // Resolved, then hidden by staff: off the board, its summary kept.
      const toHide = await seed(w.cadreA.card.code, {
        name: '东方玉珍',
        text: '邻里纠纷壬，隔壁占了我家的地',
        address: '五组东方家',
      });
      await resolve(cadreA, toHide.id, '调解癸：双方签了协议', '五组邻里土地纠纷已调解');
      hidden.push('五组邻里土地纠纷已调解');
      hiddenId = toHide.id;
      await post(staffA, `/api/office/requests/${toHide.id}/public`, { hidden: true });

      // Open, no summary yet: not on the board.
      await seed(w.cadreA.card.code, {
        name: '慕容启明',
        text: '低保申请子还没有消息',
        address: '六组慕容家',
      });

      // Resolved before the summary existed (a row from before this release): not on the board.
      const legacy = await seed(w.cadreA.card.code, {
        name: '皇甫素云',
        text: '旧事丑：门前水沟堵了',
        address: '七组皇甫家',
      });
      await resolve(cadreA, legacy.id, '疏通了水沟寅', '门前水沟已疏通干净');
      await db.getRepository(RequestEntity).update(legacy.id, { publicSummary: null });
      hidden.push('门前水沟已疏通干净');

      // Older than three months: not on the board.
      const old = await seed(w.cadreA.card.code, {
        name: '令狐长风',
        text: '去年的事卯：桥栏杆松了',
        address: '桥头令狐家',
      });
      await resolve(cadreA, old.id, '加固了桥栏杆辰', '桥头栏杆已加固');
      await db
        .getRepository(RequestEntity)
        .update(old.id, { submittedAt: new Date(Date.now() - 100 * 86_400_000) });
      hidden.push('桥头栏杆已加固');

      // A conduct complaint (干部作风) goes to the township; resolved there with a summary.
      const conduct = await seed(w.cadreA.card.code, {
        name: '宇文清扬',
        text: '作风投诉巳：网格员态度恶劣',
        address: '八组宇文家',
        category: 'conduct',
        subTopic: 'attitude',
      });
      await resolve(staffA, conduct.id, '核实午：已约谈当事干部', '作风问题已约谈整改');
      keep('conduct complaint summary', '作风问题已约谈整改');
      // And one whose owner sits in the village (bad data, or a route yet to come): still never.
      const conductHere = await seed(w.cadreA.card.code, {
        name: '独孤晓月',
        text: '作风投诉未：村干部办事拖拉',
        address: '九组独孤家',
        category: 'conduct',
        subTopic: 'inaction',
      });
      await resolve(staffA, conductHere.id, '核实申：已批评教育', '办事拖拉问题已批评教育');
      await db.getRepository(RequestEntity).update(conductHere.id, {
        ownerUnitPath: w.villageA.path,
        ownerUnitId: w.villageA.id,
      });
      keep('conduct complaint summary', '办事拖拉问题已批评教育');

      // Another village's request, in another township: not on this board.
      const elsewhere = await seed(w.cadreB.card.code, {
        name: '西门雪松',
        text: '别村的事酉：井水浑浊',
        address: '乙村西门家',
      });
      await resolve(cadreB, elsewhere.id, '清洗了水井戌', '乙村水井已清洗消毒');
      hidden.push('乙村水井已清洗消毒');

      const answer = await board(w.villageA.id);
      villageBoard = answer.body;
      boardJson = answer.text;
      const page = await t.http().get(`/board/${w.villageA.id}`).expect(200);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      boardHtml = page.text;
    });

    it('lists the resolved requests of the village and its grids, by their public summary', () => {
      expect(villageBoard).toMatchObject({
        unitId: l.w.villageA.id,
        villageName: l.w.villageA.name,
        townshipName: l.w.townA.name,
        more: false,
      });
      expect(summaries(villageBoard).sort()).toEqual([...shown].sort());
      const water = villageBoard.items.find((i) => i.summary === '后院供水管道漏水已修复')!;
      expect(water).toEqual({
        category: '实际困难',
        summary: '后院供水管道漏水已修复',
        status: '已办结',
        ownerName: l.w.cadreA.cadre.name,
        submittedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        dueOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        outcome: '已解决',
      });
      const road = villageBoard.items.find((i) => i.summary === '三组路口路灯已更换')!;
      expect(road.ownerName).toBe('网格员钱立新');
      const explained = villageBoard.items.find((i) => i.summary === '村道拓宽建议已向群众解释')!;
      expect(explained).toMatchObject({ category: '发展建议', outcome: '已解释说明' });
    });

    it('never shows hidden, unsummarised, old or other villages’ requests', () => {
      for (const summary of hidden) {
        expect(boardJson).not.toContain(summary);
        expect(boardHtml).not.toContain(summary);
      }
    });

    it('contains none of the private values, in the JSON or in the page’s HTML', () => {
      // Each seeded request contributes ~11 values; 10 requests and the notes, replies and comments.
      expect(privateValues.size).toBeGreaterThanOrEqual(100);
      const leaks = [...privateValues].filter(
        ([value]) => boardJson.includes(value) || boardHtml.includes(value),
      );
      expect(leaks).toEqual([]);
      // The number the note reports.
      console.log(
        `board privacy (${dialect}): ${privateValues.size} private values checked against ` +
          `${boardJson.length} bytes of JSON and ${boardHtml.length} bytes of HTML, none found`,
      );
    });

    it('carries no ids of requests, people or households', () => {
      const keys = new Set<string>();
      const walk = (v: unknown) => {
        if (Array.isArray(v)) v.forEach(walk);
        else if (v && typeof v === 'object') {
          for (const [k, x] of Object.entries(v)) {
            keys.add(k);
            walk(x);
          }
        }
      };
      walk(villageBoard.items);
      expect([...keys].sort()).toEqual(
        ['category', 'dueOn', 'outcome', 'ownerName', 'status', 'submittedOn', 'summary'].sort(),
      );
    });

    it('gives the last three months of the village’s figures, from the same rollups as staff read', async () => {
      expect(villageBoard.months).toHaveLength(BOARD_MONTHS);
      const series = (await get(
        staffA,
        `/api/stats/series?unitId=${l.w.villageA.id}`,
      )) as unknown as FigureSeries;
      const staffMonths = series.months.slice(-BOARD_MONTHS);
      expect(villageBoard.months.map((m) => m.month)).toEqual(staffMonths.map((m) => m.month));
      villageBoard.months.forEach((m, i) => {
        const f = staffMonths[i]!.figures;
        expect(m).toEqual({
          month: staffMonths[i]!.month,
          received: f.received,
          resolved: f.resolved,
          onTime: f.onTime,
          ratings: f.ratings,
          // one rating so far: 样本不足, never a rate that singles out one resident
          satisfaction: null,
          participation: f.participation,
        });
      });
      const now = villageBoard.months.at(-1)!;
      // This month: seven (the escalated one counts in the township's figures, as staff read
      // them; the conduct complaints never count here).
      expect(now.received).toBe(7);
      expect(now.resolved).toBe(6);
      expect(now.ratings).toBe(1);
    });

    it('is cacheable for a minute, and small', async () => {
      const answer = await board(l.w.villageA.id);
      expect(answer.headers['cache-control']).toBe(
        'public, max-age=60, stale-while-revalidate=300',
      );
      expect(answer.text.length).toBeLessThan(4096);
    });

    it('lets staff bring a hidden request back, and edit what it says', async () => {
      const state = (await post(staffA, `/api/office/requests/${hiddenId}/public`, {
        hidden: false,
        summary: '五组一处邻里纠纷已调解',
      })) as unknown as PublicSummaryState;
      expect(state).toEqual({
        requestId: hiddenId,
        summary: '五组一处邻里纠纷已调解',
        hidden: false,
        onBoard: true,
      });
      expect(summaries((await board(l.w.villageA.id)).body)).toContain('五组一处邻里纠纷已调解');
      // The request's own page says what the board says (owner and staff).
      expect(await l.get(cadreA, hiddenId)).toMatchObject({
        publicSummary: '五组一处邻里纠纷已调解',
        publicHidden: false,
      });
      const audit = await db.getRepository(AuditLogEntity).find({
        where: { action: 'request.public_summary', targetId: hiddenId },
        order: { id: 'ASC' },
      });
      expect(audit.map((a) => a.detail)).toEqual([
        { hidden: '是' },
        { from: '五组邻里土地纠纷已调解', summary: '五组一处邻里纠纷已调解', hidden: '否' },
      ]);
      expect(audit[0]!.unitPath).toBe(l.w.villageA.path);
      await post(staffA, `/api/office/requests/${hiddenId}/public`, { hidden: true });
      expect(summaries((await board(l.w.villageA.id)).body)).not.toContain(
        '五组一处邻里纠纷已调解',
      );
    });
  });

  describe('who may change what the board says', () => {
    let id: number;
    beforeAll(async () => {
      const r = await l.submit(await l.resident());
      await l.handle(cadreA, r.id, '已修好', '路边排水沟已疏通');
      id = r.id;
    });

    it('refuses staff of another township, cadres and strangers', async () => {
      const other = await post(staffB, `/api/office/requests/${id}/public`, { hidden: true }, 403);
      expect(other.code).toBe('OUT_OF_SCOPE');
      const cadre = await post(cadreA, `/api/office/requests/${id}/public`, { hidden: true }, 403);
      expect(cadre.code).toBe('FORBIDDEN');
      await post(null, `/api/office/requests/${id}/public`, { hidden: true }, 401);
      const missing = await post(
        staffA,
        '/api/office/requests/99999999/public',
        { hidden: true },
        404,
      );
      expect(missing.code).toBe('REQUEST_NOT_FOUND');
      const row = await db.getRepository(RequestEntity).findOneByOrFail({ id });
      expect(row.publicHidden).toBe(false);
    });

    it('says in plain Chinese what is wrong with a summary', async () => {
      const short = await post(
        staffA,
        `/api/office/requests/${id}/public`,
        { summary: '修好' },
        400,
      );
      expect(short).toMatchObject({
        code: 'VALIDATION_FAILED',
        details: [{ field: 'summary', message: '公示摘要至少要4个字，现在只有2个字' }],
      });
      const nothing = await post(staffA, `/api/office/requests/${id}/public`, {}, 400);
      expect(nothing.details).toEqual([{ field: '', message: '请修改公示摘要，或选择是否公示' }]);
    });

    it('will not let a cadre resolve without a summary', async () => {
      const r = await l.submit(await l.resident());
      const accepted = await l.move(cadreA, r.id, 'accept', { version: r.version });
      const refused = await l.move(
        cadreA,
        r.id,
        'resolve',
        { version: accepted.version, outcome: 'solved', note: '已修好' },
        400,
      );
      expect(refused).toMatchObject({
        code: 'VALIDATION_FAILED',
        message: messageOf('VALIDATION_FAILED'),
        details: [{ field: 'publicSummary', message: '请填写公示摘要' }],
      });
      expect((await l.get(cadreA, r.id)).status).toBe('in_progress');
    });
  });

  describe('which ids are boards', () => {
    it('answers 404 for anything but a village in use', async () => {
      const { w } = l;
      const grid = await l.f.unit('grid', w.villageA);
      const retired = await l.f.unit('village', w.townA);
      await db.getRepository(OrgUnitEntity).update(retired.id, { retiredAt: new Date() });
      for (const id of [w.county.id, w.townA.id, grid.id, retired.id, 99999999]) {
        const res = await t.http().get(`/api/board/${id}`).expect(404);
        expect(res.body.code).toBe('NOT_FOUND');
      }
      // Another village is a board of its own, with nothing of village A on it.
      const b = (await board(w.villageB.id)).body;
      expect(b.villageName).toBe(w.villageB.name);
      expect(summaries(b)).not.toContain('后院供水管道漏水已修复');
    });
  });

  describe('the poster (公示栏海报)', () => {
    it('is an A4 PDF with the board’s QR code, for staff in scope only; printing is audited', async () => {
      const { w } = l;
      const res = await t
        .http()
        .get(`/api/office/units/${w.villageA.id}/board-poster.pdf`)
        .set(bearer(staffA))
        .buffer(true)
        .parse((r, done) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => done(null, Buffer.concat(chunks)));
        })
        .expect(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const pdf = res.body as Buffer;
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      const file = path.join(ARTIFACTS, `board-poster-${dialect}.pdf`);
      fs.writeFileSync(file, pdf);
      const info = execFileSync('pdfinfo', [file]).toString();
      expect(info).toMatch(/Pages:\s+1\n/);
      expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
      const text = execFileSync('pdftotext', [file, '-']).toString();
      expect(text).toContain(w.villageA.name);
      expect(text).toContain('村务公示 · 民情办理');
      expect(text).toContain('扫码查看本村诉求办理情况');
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '60',
        '-singlefile',
        file,
        file.replace(/\.pdf$/, ''),
      ]);
      expect(fs.existsSync(file.replace(/\.pdf$/, '.png'))).toBe(true);

      const audit = await db
        .getRepository(AuditLogEntity)
        .find({ where: { action: 'board.poster', targetId: w.villageA.id } });
      expect(audit).toHaveLength(1);

      const other = await t
        .http()
        .get(`/api/office/units/${w.villageA.id}/board-poster.pdf`)
        .set(bearer(staffB))
        .expect(403);
      expect(other.body.code).toBe('OUT_OF_SCOPE');
      await t
        .http()
        .get(`/api/office/units/${w.villageA.id}/board-poster.pdf`)
        .set(bearer(cadreA))
        .expect(403);
      const town = await t
        .http()
        .get(`/api/office/units/${w.townA.id}/board-poster.pdf`)
        .set(bearer(staffA))
        .expect(400);
      expect(town.body.details).toEqual([
        { field: 'id', message: '公示栏海报按村（社区）打印，请选择一个在用的村或社区' },
      ]);
      expect(
        await db
          .getRepository(AuditLogEntity)
          .count({ where: { action: 'board.poster', targetId: In([w.townA.id]) } }),
      ).toBe(0);
    });
  });
});
