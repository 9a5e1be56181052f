import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';

import { CARD_CODE, requestDetail, residentSession } from '../../../../test/fixtures';
import { setRouterParams } from '../../../../test/taro-mock';
import { createPlayer, createRecorder, RecorderUnavailable } from '../../../platform/voice';
import { uploadVoice } from '../../../services/api/voices';
import { submitRequest } from '../../../services/api/requests';
import { restoreSession, saveSession } from '../../../services/session';
import SubmitPage from './index';

jest.mock('../../../services/api/requests', () => ({ submitRequest: jest.fn() }));
jest.mock('../../../services/api/voices', () => ({ uploadVoice: jest.fn() }));
jest.mock('../../../platform/voice', () => {
  const actual = jest.requireActual('../../../platform/voice-common');
  return { ...actual, createRecorder: jest.fn(), createPlayer: jest.fn() };
});

const submit = jest.mocked(submitRequest);
const upload = jest.mocked(uploadVoice);
const recorder = { start: jest.fn(), stop: jest.fn(), cancel: jest.fn() };
const player = { play: jest.fn(), stop: jest.fn() };
const clip = { filePath: 'blob:voice', fileName: 'voice.webm', durationMs: 4200 };
const voiceView = {
  id: 5,
  url: '/api/voices/5/raw?exp=1&sig=x',
  mime: 'audio/webm',
  durationMs: 4200,
  transcript: null,
};

beforeEach(() => {
  restoreSession();
  saveSession(residentSession());
  setRouterParams({ cardCode: CARD_CODE });
  for (const f of [submit, upload, recorder.start, recorder.stop, player.play, player.stop]) {
    f.mockReset();
  }
  jest.mocked(createRecorder).mockReturnValue(recorder);
  jest.mocked(createPlayer).mockReturnValue(player);
});

async function recordOnce() {
  recorder.start.mockResolvedValueOnce(undefined);
  recorder.stop.mockResolvedValueOnce(clip);
  fireEvent.click(screen.getByText('按住说话'));
  expect(await screen.findByText(/正在录音 0秒 \/ 60秒/)).toBeInTheDocument();
  fireEvent.click(screen.getByText('松开或点一下结束'));
  expect(await screen.findByText('✓ 已录好一段4秒的语音')).toBeInTheDocument();
}

describe('按住说话 on the submit form', () => {
  it('sends a request with a recording and no text', async () => {
    upload.mockResolvedValueOnce(voiceView);
    submit.mockResolvedValueOnce(requestDetail());
    render(<SubmitPage />);
    fireEvent.click(screen.getByText('实际困难'));
    fireEvent.click(screen.getByText(/我已阅读并同意/));
    await recordOnce();
    expect(screen.getByText('已写0字（录了语音，可以不写，最多1000字）')).toBeInTheDocument();

    fireEvent.click(screen.getByText('提交'));
    await screen.findByText('提交成功');
    expect(upload).toHaveBeenCalledWith(clip);
    expect(submit.mock.calls[0]?.[0]).toMatchObject({ text: '', voiceId: 5 });
  });

  it('plays the recording back, then deletes it for another try', async () => {
    render(<SubmitPage />);
    await recordOnce();
    fireEvent.click(screen.getByText('▶ 听一遍'));
    expect(createPlayer).toHaveBeenCalledWith('blob:voice');
    expect(await screen.findByText('■ 停止播放')).toBeInTheDocument();
    const ended = player.play.mock.calls[0]?.[0] as () => void;
    act(() => ended());
    expect(await screen.findByText('▶ 听一遍')).toBeInTheDocument();

    fireEvent.click(screen.getByText('删除重录'));
    expect(await screen.findByText('按住说话')).toBeInTheDocument();
    // Without the recording, the text is wanted again.
    fireEvent.click(screen.getByText('提交'));
    expect(await screen.findAllByText('请填写诉求内容')).not.toHaveLength(0);
    expect(submit).not.toHaveBeenCalled();
  });

  it('records while held and stops when let go; a short tap keeps recording until tapped again', async () => {
    let now = 1_000_000;
    const clock = jest.spyOn(Date, 'now').mockImplementation(() => now);
    try {
      render(<SubmitPage />);
      recorder.start.mockResolvedValue(undefined);
      recorder.stop.mockResolvedValue(clip);

      // Held for a second: let go, it stops; the click that follows the touch is ignored.
      const talk = () => screen.getByText(/按住说话|松开或点一下结束/);
      fireEvent.touchStart(talk());
      await screen.findByText('松开或点一下结束');
      now += 1000;
      fireEvent.touchEnd(talk());
      fireEvent.click(talk());
      expect(await screen.findByText('✓ 已录好一段4秒的语音')).toBeInTheDocument();
      expect(recorder.start).toHaveBeenCalledTimes(1);
      expect(recorder.stop).toHaveBeenCalledTimes(1);

      // A short tap starts it and leaves it on; the next tap stops it.
      fireEvent.click(screen.getByText('删除重录'));
      now += 5000;
      fireEvent.touchStart(talk());
      now += 100;
      fireEvent.touchEnd(talk());
      fireEvent.click(talk());
      await screen.findByText('松开或点一下结束');
      expect(recorder.stop).toHaveBeenCalledTimes(1);
      now += 3000;
      fireEvent.touchStart(talk());
      fireEvent.touchEnd(talk());
      expect(await screen.findByText('✓ 已录好一段4秒的语音')).toBeInTheDocument();
      expect(recorder.start).toHaveBeenCalledTimes(2);
      expect(recorder.stop).toHaveBeenCalledTimes(2);
    } finally {
      clock.mockRestore();
    }
  });

  it('says plainly when the browser cannot record', async () => {
    recorder.start.mockRejectedValueOnce(new RecorderUnavailable('这个浏览器不能录音。'));
    render(<SubmitPage />);
    fireEvent.click(screen.getByText('按住说话'));
    await waitFor(() =>
      expect(screen.getByRole('alert')).toHaveTextContent('这个浏览器不能录音。'),
    );
    expect(screen.getByText('按住说话')).toBeInTheDocument();
  });
});
