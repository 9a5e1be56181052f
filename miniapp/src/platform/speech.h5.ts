import { CANNOT_SPEAK, SPEECH_FAILED, type SpeechEvents, type SpeechSource } from './speech-types';

/**
 * The browser's own speech synthesis, in Mandarin, a little slower than usual. Returns what stops
 * it. A browser without speech (or without a Chinese voice at all) says so in plain words.
 */
export function speak(source: SpeechSource, events: SpeechEvents): () => void {
  const synth = typeof window === 'undefined' ? undefined : window.speechSynthesis;
  if (!synth || typeof SpeechSynthesisUtterance === 'undefined') {
    events.onError(CANNOT_SPEAK);
    return () => undefined;
  }
  // Voices load late in some browsers (an empty list says nothing yet); a list without any Chinese
  // voice would read the words as noise, or not at all.
  const voices = typeof synth.getVoices === 'function' ? synth.getVoices() : [];
  const chinese = voices.filter((v) => /^zh/i.test(v.lang));
  if (voices.length > 0 && chinese.length === 0) {
    events.onError(CANNOT_SPEAK);
    return () => undefined;
  }
  let stopped = false;
  const utterance = new SpeechSynthesisUtterance(source.text);
  utterance.lang = 'zh-CN';
  const mandarin = chinese.find((v) => /^zh[-_]CN/i.test(v.lang)) ?? chinese[0];
  if (mandarin) utterance.voice = mandarin;
  utterance.rate = 0.9;
  utterance.onstart = () => events.onStart();
  utterance.onend = () => {
    if (!stopped) events.onEnd();
  };
  utterance.onerror = (e) => {
    if (stopped || e.error === 'interrupted' || e.error === 'canceled') return;
    events.onError(e.error === 'language-unavailable' ? CANNOT_SPEAK : SPEECH_FAILED);
  };
  // Whatever was still being read (another page's) stops first.
  synth.cancel();
  synth.speak(utterance);
  return () => {
    stopped = true;
    synth.cancel();
    events.onEnd();
  };
}
