import {
  CATEGORIES,
  issueFor,
  submitRequestSchema,
  validate,
  type FieldIssue,
  type PhotoView,
  type RequestDetail,
} from '@mqlk/shared';
import { useCallback, useEffect, useState } from 'react';

import { usePhotos } from '../../../hooks/use-photos';
import { submitRequest } from '../../../services/api/requests';
import { ensureResidentQuietly, isResidentSignedIn } from '../../../services/account';
import { RESIDENT_SIGN_IN_METHOD } from '../../../services/auth';
import { asApiError, isRetryable, type ApiError } from '../../../services/http';
import { useSmsForm } from '../components/use-sms';
import { newIdempotencyKey } from '../../../utils/idempotency';
import { clearDraft, draftInput, loadDraft, saveDraft, type Draft } from './draft';

export type Phase = 'editing' | 'signing_in' | 'uploading' | 'sending' | 'done';

export const PHASE_TEXT: Record<Exclude<Phase, 'editing' | 'done'>, string> = {
  signing_in: '正在验证身份…',
  uploading: '正在上传照片…',
  sending: '正在提交…',
};

const SESSION_ENDED = ['UNAUTHENTICATED', 'SESSION_EXPIRED'];

type Editable = Pick<Draft, 'category' | 'subTopic' | 'text' | 'contactPhone' | 'consent'>;

/** The submit form: the draft, its checks, sign-in when needed, and sending it exactly once. */
export function useSubmitForm(cardCode: string) {
  const [draft, setDraft] = useState(() => loadDraft(cardCode));
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [phase, setPhase] = useState<Phase>('editing');
  const [result, setResult] = useState<RequestDetail | null>(null);
  const [needsSms, setNeedsSms] = useState(
    () => RESIDENT_SIGN_IN_METHOD === 'sms' && !isResidentSignedIn(),
  );
  const sms = useSmsForm();

  useEffect(() => {
    if (phase !== 'done') saveDraft(draft);
  }, [draft, phase]);

  const onPhotosChange = useCallback(
    (photos: PhotoView[]) => setDraft((d) => ({ ...d, photos })),
    [],
  );
  const photos = usePhotos(draft.photos, onPhotosChange);

  const update = (change: Partial<Editable>) => {
    setDraft((d) => {
      const next = { ...d, ...change };
      // A sub-topic of another category would be refused.
      const topics = CATEGORIES.find((c) => c.code === next.category)?.subTopics ?? [];
      if (next.subTopic && !topics.includes(next.subTopic)) next.subTopic = null;
      return next;
    });
    const fields = Object.keys(change);
    setIssues((list) => list.filter((i) => !fields.includes(i.field)));
  };

  const busy = phase !== 'editing' && phase !== 'done';

  const submit = async () => {
    if (busy) return;
    setFormError(null);
    const photoIds = draft.photos.map((p) => p.id);
    const checked = validate(submitRequestSchema, draftInput(draft, photoIds));
    const smsInput = needsSms && !isResidentSignedIn() ? sms.check() : null;
    if (!checked.ok || (needsSms && !isResidentSignedIn() && !smsInput)) {
      setIssues(checked.ok ? [] : checked.issues);
      return;
    }

    let stage: Phase = 'signing_in';
    try {
      setPhase(stage);
      if (smsInput) await sms.signIn(smsInput);
      else if (!(await ensureResidentQuietly())) {
        setNeedsSms(true);
        setPhase('editing');
        return;
      }
      setNeedsSms(false);

      stage = 'uploading';
      setPhase(stage);
      const uploaded = await photos.uploadAll();

      stage = 'sending';
      setPhase(stage);
      const created = await submitRequest(
        { ...checked.value, photoIds: uploaded.map((p) => p.id) },
        draft.idempotencyKey,
      );
      clearDraft(cardCode);
      setResult(created);
      setPhase('done');
    } catch (error) {
      const failure = asApiError(error);
      setPhase('editing');
      setFormError(failure);
      if (failure.details.length > 0) setIssues(failure.details);
      if (SESSION_ENDED.includes(failure.code) && RESIDENT_SIGN_IN_METHOD === 'sms') {
        setNeedsSms(true);
      }
      // The server answered and filed nothing: the corrected draft is a new submission. After no
      // answer (or a server failure) it may have been filed, so the retry must carry the same key.
      if (stage === 'sending' && !isRetryable(failure)) {
        setDraft((d) => ({ ...d, idempotencyKey: newIdempotencyKey() }));
      }
    }
  };

  return {
    draft,
    update,
    issue: (field: string) => issueFor(issues, field),
    /** How many fields still need fixing, said again beside the button the resident tapped. */
    issueCount: issues.length + (needsSms ? sms.issues.length : 0),
    photos,
    sms,
    needsSms: needsSms && !isResidentSignedIn(),
    phase,
    busy,
    /** What the submit button says while it works. */
    progressText: phase === 'editing' || phase === 'done' ? '' : PHASE_TEXT[phase],
    formError,
    result,
    submit,
  };
}

export type SubmitForm = ReturnType<typeof useSubmitForm>;
