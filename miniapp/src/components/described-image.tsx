import { Image } from '@tarojs/components';

interface DescribedImageProps {
  src: string;
  /** What a screen reader says instead of the picture. */
  alt: string;
  className: string;
  mode: 'aspectFill' | 'aspectFit';
}

/**
 * An image with its text alternative. The alt reaches the `<img>` through nativeProps in the H5
 * build, imgProps in the pure-React set the tests use, and aria-label in WeChat.
 */
export function DescribedImage({ src, alt, className, mode }: DescribedImageProps) {
  return (
    <Image
      className={className}
      src={src}
      mode={mode}
      ariaLabel={alt}
      nativeProps={{ alt }}
      imgProps={{ alt }}
    />
  );
}
