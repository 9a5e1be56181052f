import {
  LocalToneSynthesizer,
  splitForSpeech,
  TencentSpeechSynthesizer,
  TENCENT_MAX_CHARS,
  wavOf,
} from './speech-synthesizer';

describe('splitForSpeech', () => {
  it('keeps a short text whole', () => {
    expect(splitForSpeech('这是张建国的民情联系卡。')).toEqual(['这是张建国的民情联系卡。']);
  });

  it('cuts a long text after a full stop, then a comma, then anywhere, never over the limit', () => {
    const sentence = `${'很'.repeat(9)}。`;
    expect(splitForSpeech(sentence.repeat(3), 25)).toEqual([sentence.repeat(2), sentence]);
    expect(splitForSpeech(`${'好'.repeat(14)}，${'好'.repeat(14)}`, 20)).toEqual([
      `${'好'.repeat(14)}，`,
      '好'.repeat(14),
    ]);
    expect(splitForSpeech('长'.repeat(45), 20)).toEqual([
      '长'.repeat(20),
      '长'.repeat(20),
      '长'.repeat(5),
    ]);
    const pieces = splitForSpeech(`${'负责的工作很多，'.repeat(60)}`);
    expect(pieces.every((p) => Array.from(p).length <= TENCENT_MAX_CHARS)).toBe(true);
    expect(pieces.join('')).toBe('负责的工作很多，'.repeat(60));
  });
});

describe('TencentSpeechSynthesizer', () => {
  it('asks for 16 kHz PCM per piece with the configured voice, and joins the pieces into one WAV', async () => {
    const asked: Record<string, unknown>[] = [];
    const client = {
      TextToVoice: async (req: Record<string, unknown>) => {
        asked.push(req);
        return { Audio: Buffer.from([asked.length, 0, asked.length, 0]).toString('base64') };
      },
    };
    const tts = new TencentSpeechSynthesizer(
      { secretId: 'id', secretKey: 'key', region: 'ap-guangzhou', voiceType: 101001 },
      client as never,
    );
    const wav = await tts.synthesize(`${'一'.repeat(149)}。${'二'.repeat(10)}。`);
    expect(asked).toHaveLength(2);
    expect(asked[0]).toMatchObject({
      VoiceType: 101001,
      PrimaryLanguage: 1,
      SampleRate: 16000,
      Codec: 'pcm',
    });
    expect(asked[1]!.Text).toBe(`${'二'.repeat(10)}。`);
    expect(wav).toEqual(wavOf(Buffer.from([1, 0, 1, 0, 2, 0, 2, 0])));
  });

  it('fails when the answer has no audio', async () => {
    const tts = new TencentSpeechSynthesizer(
      { secretId: 'id', secretKey: 'key', region: 'ap-guangzhou', voiceType: 1 },
      { TextToVoice: async () => ({}) } as never,
    );
    await expect(tts.synthesize('你好')).rejects.toThrow('without audio');
  });
});

describe('LocalToneSynthesizer', () => {
  it('answers a playable WAV of tones, one per sentence, and counts the calls', async () => {
    const local = new LocalToneSynthesizer();
    const wav = await local.synthesize('第一句。第二句。');
    expect(wav.subarray(0, 4).toString('ascii')).toBe('RIFF');
    expect(wav.readUInt32LE(40)).toBe(2 * 16000 * 0.4 * 2);
    expect(local.calls).toBe(1);
  });
});
