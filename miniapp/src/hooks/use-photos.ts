import { MAX_PHOTOS, type PhotoView } from '@mqlk/shared';
import { useEffect, useRef, useState } from 'react';

import { pickPhotos } from '../platform/image';
import { uploadPhoto } from '../services/api/photos';
import { asApiError } from '../services/http';

export type PhotoStatus = 'waiting' | 'uploading' | 'done' | 'failed';

export interface PhotoItem {
  key: string;
  /** What the thumbnail shows: the local file, or the uploaded photo's URL. */
  src: string;
  status: PhotoStatus;
  /** 0–100 while uploading. */
  progress: number;
  photo: PhotoView | null;
  error: string;
}

export interface Photos {
  items: PhotoItem[];
  problem: string;
  uploading: boolean;
  add: (canUpload: () => Promise<boolean>) => Promise<void>;
  remove: (key: string) => void;
  retry: (key: string) => void;
  /** Uploads whatever is not up yet; resolves with every photo, in order, or rejects. */
  uploadAll: () => Promise<PhotoView[]>;
}

let counter = 0;

function fromUploaded(photo: PhotoView): PhotoItem {
  return { key: `p${photo.id}`, src: photo.url, status: 'done', progress: 100, photo, error: '' };
}

/**
 * Up to three photos. They upload as soon as the person is signed in; before that (a resident in
 * a browser, no SMS code yet) they wait and go up when 提交 is tapped.
 */
export function usePhotos(initial: PhotoView[], onChange: (uploaded: PhotoView[]) => void): Photos {
  const [items, setItemsState] = useState<PhotoItem[]>(() => initial.map(fromUploaded));
  const [problem, setProblem] = useState('');
  const itemsRef = useRef(items);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;

  const setItems = (update: (list: PhotoItem[]) => PhotoItem[]) => {
    itemsRef.current = update(itemsRef.current);
    setItemsState(itemsRef.current);
  };
  const patch = (key: string, change: Partial<PhotoItem>) =>
    setItems((list) => list.map((item) => (item.key === key ? { ...item, ...change } : item)));

  useEffect(() => {
    const uploaded = items.flatMap((item) => (item.photo ? [item.photo] : []));
    onChangeRef.current(uploaded);
  }, [items]);

  const uploadOne = async (key: string): Promise<PhotoView> => {
    const item = itemsRef.current.find((i) => i.key === key);
    if (!item) throw new Error('photo removed');
    if (item.photo) return item.photo;
    patch(key, { status: 'uploading', progress: 0, error: '' });
    try {
      const photo = await uploadPhoto(item.src, (progress) => patch(key, { progress }));
      patch(key, { status: 'done', progress: 100, photo });
      return photo;
    } catch (error) {
      const failure = asApiError(error);
      patch(key, { status: 'failed', error: failure.message });
      throw failure;
    }
  };

  const add = async (canUpload: () => Promise<boolean>) => {
    setProblem('');
    const room = MAX_PHOTOS - itemsRef.current.length;
    if (room <= 0) return;
    let paths: string[];
    try {
      paths = await pickPhotos(room);
    } catch (error) {
      const message = (error as { errMsg?: string } | null)?.errMsg ?? '';
      if (!/cancel/i.test(message)) setProblem('没有选到照片，请再试一次');
      return;
    }
    const added = paths.slice(0, room).map<PhotoItem>((src) => ({
      key: `local${++counter}`,
      src,
      status: 'waiting',
      progress: 0,
      photo: null,
      error: '',
    }));
    setItems((list) => [...list, ...added]);
    const ready = await canUpload().catch(() => false);
    if (!ready) return;
    for (const item of added) await uploadOne(item.key).catch(() => undefined);
  };

  const uploadAll = async (): Promise<PhotoView[]> => {
    const photos: PhotoView[] = [];
    for (const item of itemsRef.current) photos.push(await uploadOne(item.key));
    return photos;
  };

  return {
    items,
    problem,
    uploading: items.some((item) => item.status === 'uploading'),
    add,
    remove: (key) => setItems((list) => list.filter((item) => item.key !== key)),
    retry: (key) => void uploadOne(key).catch(() => undefined),
    uploadAll,
  };
}
