import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MAX_PHOTO_BYTES, messageOf } from '@mqlk/shared';
import sharp from 'sharp';
import { DataSource } from 'typeorm';
import { issueToken } from '../src/common/auth/token';
import { OrgUnitEntity } from '../src/modules/org/org-unit.entity';
import { PhotoService } from '../src/modules/photo/photo.service';
import { PhotoUrlSigner } from '../src/modules/photo/photo-url';
import { RequestPhotoEntity } from '../src/modules/photo/request-photo.entity';
import { RequestEntity } from '../src/modules/request/request.entity';
import { UserAccountEntity } from '../src/modules/user/user-account.entity';
import { type TestApp, startTestApp, testDialects } from './test-app';

/** A JPEG as a phone writes it: EXIF with the camera, a GPS position and "rotate 90°" (6). */
async function phoneJpeg(width = 300, height = 200): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#3a7' } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Make: 'MqlkTestCam', Model: 'X1' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '30/1 15/1 0/1',
        GPSLongitudeRef: 'E',
        GPSLongitude: '120/1 10/1 0/1',
      },
    })
    .toBuffer();
}

/** The GPS IFD pointer tag (0x8825) in either byte order of the EXIF block. */
function hasGpsTag(exif: Buffer | undefined): boolean {
  return (
    !!exif && (exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88])))
  );
}

describe.each(testDialects())('photos on %s', (dialect) => {
  let t: TestApp;
  let db: DataSource;
  let uploadDir: string;
  let alice: { id: number; auth: string };
  let bob: { id: number; auth: string };

  beforeAll(async () => {
    uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mqlk-photos-'));
    t = await startTestApp({ dialect, env: { UPLOAD_DIR: uploadDir } });
    db = t.app.get(DataSource);
    const resident = async (displayName: string) => {
      const user = await db
        .getRepository(UserAccountEntity)
        .save({ role: 'resident', displayName });
      const { token } = issueToken(user.id, 3600, t.config.tokenSecret);
      return { id: user.id, auth: `Bearer ${token}` };
    };
    alice = await resident('群众甲');
    bob = await resident('群众乙');
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(uploadDir, { recursive: true, force: true });
  });

  const upload = (data: Buffer, filename: string, contentType: string, auth = alice.auth) =>
    t
      .http()
      .post('/api/photos')
      .set('authorization', auth)
      .attach('file', data, { filename, contentType });

  const errorBody = (code: Parameters<typeof messageOf>[0], requestId: unknown) => ({
    code,
    message: messageOf(code),
    requestId,
  });

  it('strips EXIF and GPS, turns the photo upright, and serves it by a signed link', async () => {
    const original = await phoneJpeg();
    const meta = await sharp(original).metadata();
    expect(meta.orientation).toBe(6);
    expect(hasGpsTag(meta.exif)).toBe(true);
    expect(original.includes(Buffer.from('MqlkTestCam'))).toBe(true);

    const res = await upload(original, 'IMG_0001.jpg', 'image/jpeg').expect(201);
    expect(res.body).toEqual({
      id: expect.any(Number),
      url: expect.stringMatching(/^\/api\/photos\/\d+\/raw\?exp=\d+&sig=[\w-]+$/),
      width: 200,
      height: 300,
    });
    expect(res.body.url).toContain(`/api/photos/${res.body.id}/raw?`);

    const raw = await t.http().get(res.body.url).buffer(true).expect(200);
    expect(raw.headers['content-type']).toBe('image/jpeg');
    expect(raw.headers['cache-control']).toBe('no-store');
    expect(raw.headers['x-content-type-options']).toBe('nosniff');
    const served = raw.body as Buffer;
    expect(Number(raw.headers['content-length'])).toBe(served.length);
    const servedMeta = await sharp(served).metadata();
    expect(servedMeta).toMatchObject({ format: 'jpeg', width: 200, height: 300 });
    expect(servedMeta.exif).toBeUndefined();
    expect(servedMeta.orientation).toBeUndefined();
    expect(served.includes(Buffer.from('Exif\0\0'))).toBe(false);
    expect(served.includes(Buffer.from('MqlkTestCam'))).toBe(false);

    const row = await db.getRepository(RequestPhotoEntity).findOneByOrFail({ id: res.body.id });
    expect(row).toMatchObject({
      uploaderUserId: alice.id,
      requestId: null,
      mime: 'image/jpeg',
      sizeBytes: served.length,
      width: 200,
      height: 300,
    });
    const stored = fs.readFileSync(path.join(uploadDir, ...row.storageKey.split('/')));
    expect(stored.equals(served)).toBe(true);
  });

  it('accepts PNG and WebP (stored as JPEG) and caps the long side at 2048 px', async () => {
    const png = await sharp({
      create: {
        width: 3000,
        height: 1000,
        channels: 4,
        background: { r: 0, g: 0, b: 0, alpha: 0 },
      },
    })
      .png()
      .toBuffer();
    const res = await upload(png, 'screenshot.png', 'image/png').expect(201);
    expect(res.body).toMatchObject({ width: 2048, height: 683 });
    const raw = await t.http().get(res.body.url).buffer(true).expect(200);
    expect(raw.headers['content-type']).toBe('image/jpeg');
    // Transparent areas become white, not black.
    const { data } = await sharp(raw.body as Buffer)
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect(data[0]).toBeGreaterThan(240);

    const webp = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#123' } })
      .webp()
      .toBuffer();
    // The declared type is ignored either way: the bytes decide.
    const w = await upload(webp, 'photo.bin', 'application/octet-stream').expect(201);
    expect(w.body).toMatchObject({ width: 64, height: 48 });
  });

  it('refuses a text file named .jpg with 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const res = await upload(Buffer.from('这不是照片\n'.repeat(100)), 'photo.jpg', 'image/jpeg');
    expect(res.status).toBe(415);
    expect(res.body).toEqual(errorBody('UNSUPPORTED_MEDIA_TYPE', res.headers['x-request-id']));
  });

  it('refuses a file that starts like a JPEG but is not one', async () => {
    const fake = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 7)]);
    const res = await upload(fake, 'broken.jpg', 'image/jpeg');
    expect(res.status).toBe(415);
    expect(res.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('refuses more than 5 MB with 413 PAYLOAD_TOO_LARGE, and stores nothing', async () => {
    const before = await db.getRepository(RequestPhotoEntity).count();
    const big = Buffer.concat([
      Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
      Buffer.alloc(6 * 1024 * 1024),
    ]);
    expect(big.length).toBeGreaterThan(MAX_PHOTO_BYTES);
    const res = await upload(big, 'big.jpg', 'image/jpeg');
    expect(res.status).toBe(413);
    expect(res.body).toEqual(errorBody('PAYLOAD_TOO_LARGE', res.headers['x-request-id']));
    expect(await db.getRepository(RequestPhotoEntity).count()).toBe(before);
  });

  it('answers 400 VALIDATION_FAILED when there is no file', async () => {
    const expected = (res: { headers: Record<string, string> }) => ({
      ...errorBody('VALIDATION_FAILED', res.headers['x-request-id']),
      details: [{ field: 'file', message: '请选择要上传的照片' }],
    });
    const fieldOnly = await t
      .http()
      .post('/api/photos')
      .set('authorization', alice.auth)
      .field('note', 'no file here');
    expect(fieldOnly.status).toBe(400);
    expect(fieldOnly.body).toEqual(expected(fieldOnly));

    const otherField = await t
      .http()
      .post('/api/photos')
      .set('authorization', alice.auth)
      .attach('picture', await phoneJpeg(), 'a.jpg');
    expect(otherField.status).toBe(400);
    expect(otherField.body).toEqual(expected(otherField));

    const json = await t
      .http()
      .post('/api/photos')
      .set('authorization', alice.auth)
      .send({ file: 'x' });
    expect(json.status).toBe(400);
    expect(json.body).toEqual(expected(json));
  });

  it('wants a signed-in user', async () => {
    const res = await t
      .http()
      .post('/api/photos')
      .attach('file', await phoneJpeg(), 'a.jpg');
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
  });

  it('refuses raw links that are unsigned, tampered with or expired', async () => {
    const res = await upload(await phoneJpeg(), 'a.jpg', 'image/jpeg').expect(201);
    const id = res.body.id as number;
    const [, query] = (res.body.url as string).split('?');
    const params = new URLSearchParams(query);
    const exp = params.get('exp') ?? '';
    const sig = params.get('sig') ?? '';

    const refused = async (url: string, status: number, code: string) => {
      const r = await t.http().get(url);
      expect(r.status).toBe(status);
      expect(r.body).toEqual({ code, message: expect.any(String), requestId: expect.any(String) });
    };
    await refused(`/api/photos/${id}/raw`, 403, 'FORBIDDEN');
    await refused(`/api/photos/${id}/raw?exp=${exp}`, 403, 'FORBIDDEN');
    await refused(`/api/photos/${id}/raw?exp=${Number(exp) + 600}&sig=${sig}`, 403, 'FORBIDDEN');
    await refused(`/api/photos/${id + 1}/raw?exp=${exp}&sig=${sig}`, 403, 'FORBIDDEN');

    const signer = new PhotoUrlSigner(t.config.tokenSecret);
    const expired = signer.urlOf(id, new Date(Date.now() - 3 * 3600 * 1000));
    await refused(expired, 403, 'FORBIDDEN');
    await refused(signer.urlOf(999_999), 404, 'NOT_FOUND');
    await t.http().get(signer.urlOf(id)).expect(200);
  });

  describe('attaching to a request', () => {
    let requestId: number;
    let photos: PhotoService;

    beforeAll(async () => {
      photos = t.app.get(PhotoService);
      const unit = await db
        .getRepository(OrgUnitEntity)
        .save({ parentId: null, kind: 'village', name: '测试村', path: '/', hotlines: [] });
      const now = new Date();
      const row = await db.getRepository(RequestEntity).save({
        number: `MQ-20261121-${String(Math.floor(Math.random() * 9000) + 1000)}`,
        channel: 'card_scan',
        category: 'difficulty',
        subTopic: null,
        text: '路灯坏了三天了',
        contactPhoneEnc: null,
        contactPhoneMasked: null,
        location: null,
        requesterId: alice.id,
        cardId: null,
        firstContactCadreId: null,
        subjectCadreId: null,
        ownerUserId: bob.id,
        ownerUnitId: unit.id,
        ownerUnitPath: `/${unit.id}/`,
        level: 'village',
        status: 'submitted',
        round: 1,
        acceptDueAt: now,
        dueAt: now,
        submittedAt: now,
        acceptedAt: null,
        resolvedAt: null,
        resolutionOutcome: null,
        resolutionNote: null,
      });
      requestId = row.id;
    });

    const attach = (userId: number, ids: number[]) =>
      db.transaction((m) => photos.attach(m, userId, { requestId }, ids));
    const refusal = {
      code: 'VALIDATION_FAILED',
      details: [{ field: 'photoIds', message: '照片已失效，请重新上传' }],
    };
    const uploadAs = async (auth: string) =>
      (await upload(await phoneJpeg(), 'a.jpg', 'image/jpeg', auth).expect(201)).body.id as number;

    it('attaches the uploader’s own photos and shows them with the request', async () => {
      const first = await uploadAs(alice.auth);
      const second = await uploadAs(alice.auth);
      await attach(alice.id, [first, second, first]);
      const views = await photos.viewsFor('requestId', [requestId, requestId + 1000]);
      expect(views.get(requestId)?.map((v) => v.id)).toEqual([first, second]);
      expect(views.get(requestId + 1000)).toEqual([]);
      const view = views.get(requestId)?.[0];
      await t
        .http()
        .get(view?.url ?? '')
        .expect(200);
      expect(await photos.viewsFor('requestId', [])).toEqual(new Map());
    });

    it('refuses another user’s photo, and changes nothing', async () => {
      const bobs = await uploadAs(bob.auth);
      const alices = await uploadAs(alice.auth);
      await expect(attach(alice.id, [alices, bobs])).rejects.toMatchObject(refusal);
      const rows = await db.getRepository(RequestPhotoEntity).findBy({ id: alices });
      expect(rows[0]?.requestId).toBeNull();
    });

    it('refuses a photo already attached, or one that does not exist', async () => {
      const photo = await uploadAs(alice.auth);
      await attach(alice.id, [photo]);
      await expect(attach(alice.id, [photo])).rejects.toMatchObject(refusal);
      await expect(attach(alice.id, [999_999])).rejects.toMatchObject(refusal);
      await expect(attach(alice.id, [])).resolves.toBeUndefined();
    });
  });
});
