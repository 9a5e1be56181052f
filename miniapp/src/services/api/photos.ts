import type { PhotoView } from '@mqlk/shared';

import { upload } from '../http';

export function uploadPhoto(
  filePath: string,
  onProgress?: (percent: number) => void,
): Promise<PhotoView> {
  return upload<PhotoView>({
    path: '/api/photos',
    filePath,
    name: 'file',
    fileName: 'photo.jpg',
    ...(onProgress ? { onProgress } : {}),
  });
}
