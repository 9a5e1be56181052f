import Taro from '@tarojs/taro';

/** Photos from the album or camera, made smaller before they go over a weak village signal. */
export async function pickPhotos(max: number): Promise<string[]> {
  const chosen = await Taro.chooseImage({
    count: max,
    sizeType: ['compressed'],
    sourceType: ['album', 'camera'],
  });
  return Promise.all(
    chosen.tempFilePaths.map(async (path) => {
      try {
        return (await Taro.compressImage({ src: path, quality: 70 })).tempFilePath;
      } catch {
        return path;
      }
    }),
  );
}
