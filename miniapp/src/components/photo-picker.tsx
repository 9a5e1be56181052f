import { Text, View } from '@tarojs/components';
import { MAX_PHOTOS } from '@mqlk/shared';

import type { PhotoItem, Photos } from '../hooks/use-photos';
import { assetUrl } from '../services/assets';
import { Btn } from './btn';
import { DescribedImage } from './described-image';
import { pressable } from './pressable';
import './photo-picker.scss';

const STATUS_TEXT: Record<PhotoItem['status'], (item: PhotoItem) => string> = {
  waiting: () => '提交时上传',
  uploading: (item) => `上传中 ${item.progress}%`,
  done: () => '✓ 已上传',
  failed: (item) => `✕ ${item.error || '上传失败'}`,
};

interface PhotoPickerProps {
  photos: Photos;
  onAdd: () => void;
  error?: string;
}

export function PhotoPicker({ photos, onAdd, error }: PhotoPickerProps) {
  return (
    <View className="mq-field">
      <Text className="mq-label">照片（可不传，最多{MAX_PHOTOS}张）</Text>
      <View className="photo-picker">
        {photos.items.map((item, index) => (
          <View className={`photo-picker__item photo-picker__item--${item.status}`} key={item.key}>
            <DescribedImage
              className="photo-picker__thumb"
              src={assetUrl(item.src)}
              mode="aspectFill"
              alt={`第${index + 1}张照片`}
            />
            <Text className="photo-picker__status">{STATUS_TEXT[item.status](item)}</Text>
            {item.status === 'failed' ? (
              <Btn kind="secondary" size="small" onClick={() => photos.retry(item.key)}>
                重新上传
              </Btn>
            ) : null}
            <Btn
              kind="plain"
              size="small"
              disabled={item.status === 'uploading'}
              onClick={() => photos.remove(item.key)}
            >
              删除
            </Btn>
          </View>
        ))}
        {photos.items.length < MAX_PHOTOS ? (
          <View
            className="photo-picker__add"
            hoverClass="mq-btn--pressed"
            {...pressable({ onPress: onAdd })}
          >
            <Text className="photo-picker__plus">＋</Text>
            <Text className="photo-picker__add-text">拍照或选照片</Text>
          </View>
        ) : null}
      </View>
      {photos.problem ? <Text className="mq-field-error">{photos.problem}</Text> : null}
      {error ? <Text className="mq-field-error">{error}</Text> : null}
    </View>
  );
}
