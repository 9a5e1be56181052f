import { act, fireEvent, render, screen } from '@testing-library/react';

import { CANNOT_SPEAK } from '../platform/speech-types';
import { ReadAloud } from './read-aloud';

interface FakeUtterance {
  text: string;
  lang: string;
  rate: number;
  onstart?: () => void;
  onend?: () => void;
  onerror?: (e: { error: string }) => void;
}

const source = { kind: 'card', code: 'abc', text: '这是李明的民情联系卡。' } as const;

describe('ReadAloud (H5, the browser speaks)', () => {
  let spoken: FakeUtterance[];
  let cancel: jest.Mock;

  beforeEach(() => {
    spoken = [];
    cancel = jest.fn();
    Object.assign(window, {
      speechSynthesis: { speak: (u: FakeUtterance) => spoken.push(u), cancel },
      SpeechSynthesisUtterance: function (this: FakeUtterance, text: string) {
        this.text = text;
      },
    });
  });
  afterEach(() => {
    delete (window as Partial<typeof window>).speechSynthesis;
    delete (window as { SpeechSynthesisUtterance?: unknown }).SpeechSynthesisUtterance;
  });

  it('is a button that speaks the words in Mandarin, shows that it speaks, and stops', () => {
    render(<ReadAloud source={source} />);
    const button = screen.getByRole('button', { name: /读给我听/ });
    expect(button).toHaveAttribute('tabindex', '0');

    fireEvent.keyDown(button, { key: 'Enter' });
    expect(spoken).toHaveLength(1);
    expect(spoken[0]).toMatchObject({ text: source.text, lang: 'zh-CN' });
    expect(screen.getByRole('button', { name: /正在准备朗读/ })).toBeInTheDocument();

    act(() => spoken[0]!.onstart!());
    expect(screen.getByRole('button', { name: /停止朗读/ })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('正在朗读，再按一下就停止');

    fireEvent.click(screen.getByRole('button', { name: /停止朗读/ }));
    expect(cancel).toHaveBeenCalled();
    expect(screen.getByRole('button', { name: /读给我听/ })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('');
  });

  it('goes back to 读给我听 when the reading ends by itself', () => {
    render(<ReadAloud source={source} />);
    fireEvent.click(screen.getByRole('button', { name: /读给我听/ }));
    act(() => spoken[0]!.onstart!());
    act(() => spoken[0]!.onend!());
    expect(screen.getByRole('button', { name: /读给我听/ })).toBeInTheDocument();
  });

  it('says so in plain words when the browser has no Chinese voice', () => {
    render(<ReadAloud source={source} />);
    fireEvent.click(screen.getByRole('button', { name: /读给我听/ }));
    act(() => spoken[0]!.onerror!({ error: 'language-unavailable' }));
    expect(screen.getByRole('status')).toHaveTextContent(CANNOT_SPEAK);
  });

  it('picks a Mandarin voice when the browser lists its voices', () => {
    const voices = [
      { lang: 'en-US', name: 'English' },
      { lang: 'zh-TW', name: '國語' },
      { lang: 'zh-CN', name: '普通话' },
    ];
    Object.assign(window.speechSynthesis, { getVoices: () => voices });
    render(<ReadAloud source={source} />);
    fireEvent.click(screen.getByRole('button', { name: /读给我听/ }));
    expect((spoken[0] as FakeUtterance & { voice?: unknown }).voice).toBe(voices[2]);
  });

  it('says so instead of reading noise when no voice speaks Chinese', () => {
    Object.assign(window.speechSynthesis, {
      getVoices: () => [{ lang: 'en-US', name: 'English' }],
    });
    render(<ReadAloud source={source} />);
    fireEvent.click(screen.getByRole('button', { name: /读给我听/ }));
    expect(spoken).toHaveLength(0);
    expect(screen.getByRole('status')).toHaveTextContent(CANNOT_SPEAK);
  });

  it('says so in plain words when the browser cannot speak at all', () => {
    delete (window as Partial<typeof window>).speechSynthesis;
    render(<ReadAloud source={source} />);
    fireEvent.click(screen.getByRole('button', { name: /读给我听/ }));
    expect(screen.getByRole('status')).toHaveTextContent(CANNOT_SPEAK);
    expect(screen.getByRole('button', { name: /读给我听/ })).toBeInTheDocument();
  });

  it('stops the voice when the page goes away', () => {
    const { unmount } = render(<ReadAloud source={source} />);
    fireEvent.click(screen.getByRole('button', { name: /读给我听/ }));
    cancel.mockClear();
    unmount();
    expect(cancel).toHaveBeenCalled();
  });
});
