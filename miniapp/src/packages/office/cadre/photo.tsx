import { Text, View } from '@tarojs/components';
import type { OfficeCadre } from '@mqlk/shared';
import { useState } from 'react';

import { Btn } from '../../../components/btn';
import { DescribedImage } from '../../../components/described-image';
import { pickPhotos } from '../../../platform/image';
import { removeCadrePhoto, uploadCadrePhoto } from '../../../services/api/office';
import { assetUrl } from '../../../services/assets';
import { asApiError, type ApiError } from '../../../services/http';
import { ConfirmBox } from '../components/confirm-box';

/**
 * 照片: the portrait residents see when they scan the card. Choosing a photo uploads it at once
 * (with its progress); the server checks it is a photo and strips what the camera wrote into it.
 */
export function PhotoSection({
  cadre,
  onChanged,
}: {
  cadre: OfficeCadre;
  onChanged: (cadre: OfficeCadre) => void;
}) {
  const [progress, setProgress] = useState<number | null>(null);
  const [removing, setRemoving] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [done, setDone] = useState('');
  const busy = progress !== null || removing;

  const choose = async () => {
    if (busy) return;
    let path: string | undefined;
    try {
      [path] = await pickPhotos(1);
    } catch {
      return; // closed the album without choosing: nothing to say
    }
    if (!path) return;
    setFailure(null);
    setDone('');
    setProgress(0);
    try {
      onChanged(await uploadCadrePhoto(cadre.id, path, setProgress));
      setDone(cadre.photoUrl ? '已更换照片，扫卡马上看到新的' : '已上传照片，扫卡马上看到');
    } catch (error) {
      setFailure(asApiError(error));
    }
    setProgress(null);
  };

  const remove = async () => {
    setRemoving(true);
    setFailure(null);
    try {
      onChanged(await removeCadrePhoto(cadre.id));
      setConfirming(false);
      setDone('已删除照片，联系卡上不再显示照片');
    } catch (error) {
      setFailure(asApiError(error));
    }
    setRemoving(false);
  };

  return (
    <View className="mq-section">
      <Text className="mq-section__title">照片</Text>
      <View className="cadre-photo">
        {cadre.photoUrl ? (
          <DescribedImage
            className="cadre-photo__image"
            src={assetUrl(cadre.photoUrl)}
            mode="aspectFill"
            alt={`${cadre.name}的照片`}
          />
        ) : (
          <View className="cadre-photo__empty">
            <Text>还没有照片</Text>
          </View>
        )}
        <View className="cadre-photo__side">
          <Text className="mq-muted">
            扫卡的群众会看到这张照片。请用本人近期正面照，JPG、PNG 或 WebP，5MB 以内。
          </Text>
          <View className="office-form__buttons">
            <Btn
              kind="primary"
              size="small"
              busyText={progress !== null && `正在上传 ${progress}%`}
              disabled={removing}
              onClick={() => void choose()}
            >
              {cadre.photoUrl ? '更换照片' : '上传照片'}
            </Btn>
            {cadre.photoUrl && !confirming ? (
              <Btn
                kind="plain"
                size="small"
                disabled={busy}
                onClick={() => {
                  setDone('');
                  setConfirming(true);
                }}
              >
                删除照片
              </Btn>
            ) : null}
          </View>
        </View>
      </View>
      {confirming ? (
        <ConfirmBox
          question="确定删除这张照片吗？"
          confirmLabel="删除照片"
          busyText="正在删除…"
          busy={removing}
          failure={failure}
          onConfirm={() => void remove()}
          onCancel={() => setConfirming(false)}
        >
          <Text>联系卡上将不再显示照片，以后可以再上传。</Text>
        </ConfirmBox>
      ) : null}
      {failure && !confirming ? <Text className="office-problem">! {failure.message}</Text> : null}
      {done ? <Text className="office-done">✓ {done}</Text> : null}
    </View>
  );
}
