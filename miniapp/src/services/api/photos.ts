import { PHOTO_FIELD, type PhotoView, ROUTES } from '@mqlk/shared';

import { upload } from '../http';

export function uploadPhoto(
  filePath: string,
  onProgress?: (percent: number) => void,
): Promise<PhotoView> {
  return upload<PhotoView>({
    path: ROUTES.uploadPhoto.path,
    filePath,
    name: PHOTO_FIELD,
    fileName: 'photo.jpg',
    ...(onProgress ? { onProgress } : {}),
  });
}
