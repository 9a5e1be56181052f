import type { SpeechView } from '@mqlk/shared';

import { call } from './call';

/** The card's words and their audio, made by the server's text-to-speech (the weapp's 读给我听). */
export function speakCard(code: string): Promise<SpeechView> {
  return call('speakCard', { params: { code } });
}

/** The resident's own request, read aloud: status, next step and deadline. */
export function speakRequest(id: number): Promise<SpeechView> {
  return call('speakRequest', { params: { id: String(id) } });
}
