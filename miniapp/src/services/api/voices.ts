import { PHOTO_FIELD, ROUTES, type VoiceView } from '@mqlk/shared';

import type { RecordedClip } from '../../platform/voice-common';
import { upload } from '../http';

export function uploadVoice(clip: RecordedClip): Promise<VoiceView> {
  return upload<VoiceView>({
    path: ROUTES.uploadVoice.path,
    filePath: clip.filePath,
    name: PHOTO_FIELD,
    fileName: clip.fileName,
  });
}
