/** What 读给我听 reads: the words (H5 speaks them itself), and where the server can speak them. */
export type SpeechSource =
  | { kind: 'card'; code: string; text: string }
  | { kind: 'request'; id: number; text: string };

export interface SpeechEvents {
  /** The voice has started. */
  onStart: () => void;
  /** Finished, or stopped. */
  onEnd: () => void;
  /** It cannot speak: a plain message for the person. */
  onError: (message: string) => void;
}

export const CANNOT_SPEAK = '这个浏览器不能朗读，请在微信里打开，或请家人帮忙读一下';
export const SPEECH_FAILED = '没有读出来，请稍后再试';
