import Taro from '@tarojs/taro';
import {
  CATEGORIES,
  issueFor,
  onBehalfSchema,
  onSpotSchema,
  validate,
  type FieldIssue,
  type PhotoView,
} from '@mqlk/shared';
import { useCallback, useEffect, useState } from 'react';

import { routeOf } from '../../../constants/routes';
import { usePhotos } from '../../../hooks/use-photos';
import { fileOnBehalf, recordOnSpot } from '../../../services/api/requests';
import { asApiError, isRetryable, type ApiError } from '../../../services/http';
import { newIdempotencyKey } from '../../../utils/idempotency';
import { handOverTicket } from '../components/ticket-handoff';
import {
  clearRecordDraft,
  loadRecordDraft,
  recordInput,
  saveRecordDraft,
  type RecordDraft,
  type RecordMode,
} from './draft';

export type RecordPhase = 'editing' | 'uploading' | 'sending' | 'done';

const PHASE_TEXT: Record<RecordPhase, string> = {
  editing: '',
  uploading: '正在上传照片…',
  sending: '正在登记…',
  done: '正在打开…',
};

type Editable = Omit<RecordDraft, 'mode' | 'photos' | 'idempotencyKey'>;

/** Cadres are signed in already: their photos go up as soon as they are chosen. */
const signedIn = () => Promise.resolve(true);

type Checked =
  | { ok: false; issues: FieldIssue[] }
  | { ok: true; file: (photoIds: number[], idempotencyKey: string) => Promise<number> };

/**
 * The draft checked with the shared schema of its mode; when it passes, how to file it (with the
 * photos as uploaded by then), resolving with the new request's id.
 */
function check(draft: RecordDraft): Checked {
  const input = recordInput(
    draft,
    draft.photos.map((p) => p.id),
  );
  if (draft.mode === 'on_spot') {
    const checked = validate(onSpotSchema, input);
    if (!checked.ok) return checked;
    return {
      ok: true,
      file: async (photoIds, key) => {
        const recorded = await recordOnSpot({ ...checked.value, photoIds }, key);
        // The code to show the resident goes along to the request page.
        handOverTicket(recorded.request.id, recorded.confirmation);
        return recorded.request.id;
      },
    };
  }
  const checked = validate(onBehalfSchema, input);
  if (!checked.ok) return checked;
  return {
    ok: true,
    file: async (photoIds, key) => (await fileOnBehalf({ ...checked.value, photoIds }, key)).id,
  };
}

/** The record form: the draft, its checks with the shared schema, and filing it exactly once. */
export function useRecordForm(userId: number, mode: RecordMode) {
  const [draft, setDraft] = useState(() => loadRecordDraft(userId, mode));
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [phase, setPhase] = useState<RecordPhase>('editing');

  useEffect(() => {
    if (phase !== 'done') saveRecordDraft(userId, draft);
  }, [draft, phase, userId]);

  const onPhotosChange = useCallback(
    (photos: PhotoView[]) => setDraft((d) => ({ ...d, photos })),
    [],
  );
  const photos = usePhotos(draft.photos, onPhotosChange);

  const update = (change: Partial<Editable>) => {
    setDraft((d) => {
      const next = { ...d, ...change };
      const topics = CATEGORIES.find((c) => c.code === next.category)?.subTopics ?? [];
      if (next.subTopic && !topics.includes(next.subTopic)) next.subTopic = null;
      return next;
    });
    const fields = Object.keys(change);
    setIssues((list) => list.filter((i) => !fields.includes(i.field)));
  };

  const busy = phase !== 'editing';

  const submit = async () => {
    if (busy) return;
    setFormError(null);
    const checked = check(draft);
    if (!checked.ok) {
      setIssues(checked.issues);
      return;
    }
    setIssues([]);

    let stage: RecordPhase = 'uploading';
    try {
      setPhase(stage);
      const uploaded = await photos.uploadAll();
      stage = 'sending';
      setPhase(stage);
      const id = await checked.file(
        uploaded.map((p) => p.id),
        draft.idempotencyKey,
      );
      clearRecordDraft(userId, mode);
      setPhase('done');
      await Taro.redirectTo({ url: routeOf('workRequest', { id, filed: mode }) });
    } catch (error) {
      setPhase('editing');
      const failure = asApiError(error);
      setFormError(failure);
      if (failure.details.length > 0) setIssues(failure.details);
      // A definite refusal filed nothing: the corrected draft is a new one. After no answer it
      // may have been filed, so the retry must carry the same key.
      if (stage === 'sending' && !isRetryable(failure)) {
        setDraft((d) => ({ ...d, idempotencyKey: newIdempotencyKey() }));
      }
    }
  };

  return {
    draft,
    update,
    issue: (field: string) => issueFor(issues, field),
    issueCount: issues.length,
    photos,
    addPhotos: () => void photos.add(signedIn),
    busy,
    progressText: PHASE_TEXT[phase],
    formError,
    submit,
  };
}

export type RecordForm = ReturnType<typeof useRecordForm>;
