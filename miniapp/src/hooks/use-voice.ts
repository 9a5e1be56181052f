import type { VoiceView } from '@mqlk/shared';
import { useRef, useState } from 'react';

import type { RecordedClip } from '../platform/voice-common';
import { uploadVoice } from '../services/api/voices';

/** What a form keeps of its recording: the clip on the phone, and once sent, the server's view. */
export interface VoiceClip {
  clip: RecordedClip | null;
  set: (clip: RecordedClip | null) => void;
  /** Uploads the clip once (a retried submission reuses it); null when there is none. */
  upload: () => Promise<VoiceView | null>;
}

export function useVoiceClip(): VoiceClip {
  const [clip, setClip] = useState<RecordedClip | null>(null);
  const uploaded = useRef<{ clip: RecordedClip; view: VoiceView } | null>(null);
  return {
    clip,
    set: setClip,
    async upload() {
      if (!clip) return null;
      if (uploaded.current?.clip === clip) return uploaded.current.view;
      const view = await uploadVoice(clip);
      uploaded.current = { clip, view };
      return view;
    },
  };
}
