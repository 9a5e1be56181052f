import sharp from 'sharp';
import { MAX_PHOTO_SIDE, PhotoDecodeError, normalizePhoto, sniffPhotoType } from './photo-image';

describe('sniffPhotoType', () => {
  const image = (format: 'jpeg' | 'png' | 'webp' | 'gif' | 'tiff') =>
    sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } })
      .toFormat(format)
      .toBuffer();

  it.each([
    ['jpeg', 'image/jpeg'],
    ['png', 'image/png'],
    ['webp', 'image/webp'],
  ] as const)('knows %s by its bytes', async (format, mime) => {
    expect(sniffPhotoType(await image(format))).toBe(mime);
  });

  it.each(['gif', 'tiff'] as const)('refuses %s', async (format) => {
    expect(sniffPhotoType(await image(format))).toBeNull();
  });

  it('refuses text, SVG, a RIFF that is not WebP, and nothing at all', () => {
    expect(sniffPhotoType(Buffer.from('hello'))).toBeNull();
    expect(sniffPhotoType(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffPhotoType(Buffer.from('RIFF\x10\x00\x00\x00WAVEfmt '))).toBeNull();
    expect(sniffPhotoType(Buffer.alloc(0))).toBeNull();
  });
});

describe('normalizePhoto', () => {
  it('scales the long side down to the cap and never up', async () => {
    const tall = await sharp({
      create: { width: 1000, height: 4000, channels: 3, background: '#fff' },
    })
      .png()
      .toBuffer();
    expect(await normalizePhoto(tall)).toMatchObject({
      mime: 'image/jpeg',
      width: 512,
      height: MAX_PHOTO_SIDE,
    });
    const small = await sharp({
      create: { width: 40, height: 30, channels: 3, background: '#fff' },
    })
      .jpeg()
      .toBuffer();
    expect(await normalizePhoto(small)).toMatchObject({ width: 40, height: 30 });
  });

  it('fails with a reason on undecodable bytes', async () => {
    await expect(
      normalizePhoto(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(100)])),
    ).rejects.toEqual(new PhotoDecodeError('undecodable'));
  });
});
