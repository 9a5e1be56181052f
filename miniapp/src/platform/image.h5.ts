import Taro from '@tarojs/taro';

/** Longest side after compression: plenty to see a broken road or a damp wall. */
const MAX_SIDE = 1600;
const JPEG_QUALITY = 0.8;

/** Photos from the album or camera, redrawn smaller (Taro has no compressImage in browsers). */
export async function pickPhotos(max: number): Promise<string[]> {
  const chosen = await Taro.chooseImage({
    count: max,
    sizeType: ['compressed'],
    sourceType: ['album', 'camera'],
  });
  return Promise.all(chosen.tempFilePaths.map((path) => compress(path).catch(() => path)));
}

function compress(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => {
      const scale = Math.min(1, MAX_SIDE / Math.max(img.naturalWidth, img.naturalHeight));
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(img.naturalWidth * scale);
      canvas.height = Math.round(img.naturalHeight * scale);
      const context = canvas.getContext('2d');
      if (!context) {
        reject(new Error('no canvas'));
        return;
      }
      context.drawImage(img, 0, 0, canvas.width, canvas.height);
      canvas.toBlob(
        (blob) => (blob ? resolve(URL.createObjectURL(blob)) : reject(new Error('no blob'))),
        'image/jpeg',
        JPEG_QUALITY,
      );
    };
    img.onerror = () => reject(new Error('not an image'));
    img.src = url;
  });
}
