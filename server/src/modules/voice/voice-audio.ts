import { musicMetadata } from '../../common/heavy-libraries';

/** What a recording is, decided from its bytes. */
export interface VoiceAudio {
  mime: VoiceMime;
  durationMs: number;
}

/**
 * The recorders the mini-program uses: WeChat's RecorderManager (`mp3`, `aac`), Chromium and
 * Firefox MediaRecorder (WebM/Opus), Safari MediaRecorder (MP4/AAC).
 */
export const VOICE_MIMES = ['audio/mpeg', 'audio/aac', 'audio/webm', 'audio/mp4'] as const;
export type VoiceMime = (typeof VOICE_MIMES)[number];

export type VoiceInspection = VoiceAudio | 'not_audio' | 'no_duration';

/**
 * Reads a recording with music-metadata (which decodes the container, never trusting a name or a
 * declared type). Browsers' MP4 recordings are fragmented, with no length in their header: their
 * length is then summed from the fragments' sample durations.
 */
export async function inspectVoice(data: Buffer): Promise<VoiceInspection> {
  const mime = containerOf(data);
  if (mime === null) return 'not_audio';
  let duration: number | undefined;
  let audio: boolean;
  const { parseBuffer } = await musicMetadata();
  try {
    const { format } = await parseBuffer(
      data,
      { mimeType: mime, size: data.length },
      {
        duration: true,
        skipCovers: true,
      },
    );
    audio = (format.numberOfChannels ?? 0) > 0 || format.codec !== undefined;
    duration = format.duration;
  } catch {
    return 'not_audio';
  }
  if (!audio) return 'not_audio';
  if ((duration === undefined || !Number.isFinite(duration)) && mime === 'audio/mp4') {
    duration = fragmentedMp4Seconds(data) ?? undefined;
  }
  if (duration === undefined || !Number.isFinite(duration) || duration <= 0) return 'no_duration';
  return { mime, durationMs: Math.round(duration * 1000) };
}

/** The container by its signature: the first bytes, as music-metadata would find them. */
function containerOf(b: Buffer): VoiceMime | null {
  if (b.length < 12) return null;
  if (b.readUInt32BE(0) === 0x1a45dfa3) return 'audio/webm';
  if (b.toString('latin1', 4, 8) === 'ftyp') return 'audio/mp4';
  if (b.toString('latin1', 0, 3) === 'ID3') return 'audio/mpeg';
  // An MPEG audio frame (sync, layer III) or an ADTS header (sync, layer 00).
  if (b[0] === 0xff && ((b[1] ?? 0) & 0xe0) === 0xe0) {
    return ((b[1] ?? 0) & 0x06) === 0 ? 'audio/aac' : 'audio/mpeg';
  }
  return null;
}

interface Box {
  type: string;
  start: number;
  end: number;
}

function* boxes(b: Buffer, start: number, end: number): Generator<Box> {
  let at = start;
  while (at + 8 <= end) {
    let size = b.readUInt32BE(at);
    let header = 8;
    if (size === 1 && at + 16 <= end) {
      size = Number(b.readBigUInt64BE(at + 8));
      header = 16;
    } else if (size === 0) {
      size = end - at;
    }
    if (size < header || at + size > end) return;
    yield { type: b.toString('latin1', at + 4, at + 8), start: at + header, end: at + size };
    at += size;
  }
}

function child(b: Buffer, parent: Box, type: string): Box | undefined {
  for (const box of boxes(b, parent.start, parent.end)) if (box.type === type) return box;
  return undefined;
}

/** Seconds of a fragmented MP4's first track: the sum of its fragments' sample durations. */
export function fragmentedMp4Seconds(b: Buffer): number | null {
  const top = [...boxes(b, 0, b.length)];
  const moov = top.find((x) => x.type === 'moov');
  const mdhd = moov && findPath(b, moov, ['trak', 'mdia', 'mdhd']);
  if (!moov || !mdhd) return null;
  const timescale = b.readUInt32BE(mdhd.start + (b[mdhd.start] === 1 ? 20 : 12));
  const trex = findPath(b, moov, ['mvex', 'trex']);
  const trexDuration = trex ? b.readUInt32BE(trex.start + 12) : 0;
  let units = 0;
  for (const moof of top.filter((x) => x.type === 'moof')) {
    const traf = child(b, moof, 'traf');
    if (!traf) continue;
    const tfhd = child(b, traf, 'tfhd');
    let sampleDuration = trexDuration;
    if (tfhd) {
      const flags = b.readUInt32BE(tfhd.start) & 0xffffff;
      let at = tfhd.start + 8;
      if (flags & 0x01) at += 8;
      if (flags & 0x02) at += 4;
      if (flags & 0x08) sampleDuration = b.readUInt32BE(at);
    }
    for (const trun of boxes(b, traf.start, traf.end)) {
      if (trun.type === 'trun') units += trunUnits(b, trun, sampleDuration);
    }
  }
  return timescale > 0 && units > 0 ? units / timescale : null;
}

function trunUnits(b: Buffer, trun: Box, defaultDuration: number): number {
  const flags = b.readUInt32BE(trun.start) & 0xffffff;
  const count = b.readUInt32BE(trun.start + 4);
  let at = trun.start + 8 + (flags & 0x01 ? 4 : 0) + (flags & 0x04 ? 4 : 0);
  if (!(flags & 0x100)) return count * defaultDuration;
  const stride = [0x100, 0x200, 0x400, 0x800].filter((f) => flags & f).length * 4;
  let units = 0;
  for (let i = 0; i < count && at + 4 <= trun.end; i++, at += stride) units += b.readUInt32BE(at);
  return units;
}

function findPath(b: Buffer, from: Box, path: string[]): Box | undefined {
  let box: Box | undefined = from;
  for (const type of path) box = box && child(b, box, type);
  return box;
}
