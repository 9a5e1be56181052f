import {
  CATEGORIES,
  issueFor,
  type CategoryCode,
  type FieldIssue,
  type PhotoView,
  type SubTopicCode,
} from '@mqlk/shared';
import { useCallback, useState } from 'react';

import { asApiError, isRetryable, type ApiError } from '../services/http';
import { newIdempotencyKey } from '../utils/idempotency';
import { usePhotos } from './use-photos';

/** What every request draft has: the resident's 提交 and a cadre's 代填 or 当场解决. */
export interface RequestDraftBase {
  category: CategoryCode | null;
  subTopic: SubTopicCode | null;
  /** Photos already uploaded. */
  photos: PhotoView[];
  /** Sent as Idempotency-Key: every retry of the draft sends the same one. */
  idempotencyKey: string;
}

/**
 * A request being written and filed once: the draft with its photos, the messages under its
 * fields (the shared schema's, or the server's), and the failure said beside its button. Where
 * the draft is stored, and the steps of filing it, stay with the form.
 */
export function useRequestDraft<D extends RequestDraftBase>(load: () => D) {
  const [draft, setDraft] = useState(load);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [formError, setFormError] = useState<ApiError | null>(null);

  const onPhotosChange = useCallback(
    (photos: PhotoView[]) => setDraft((d) => ({ ...d, photos })),
    [],
  );
  const photos = usePhotos(draft.photos, onPhotosChange);

  /** Takes what was typed or chosen, and drops the messages of the fields it changes. */
  const update = (change: Partial<D>) => {
    setDraft((d) => {
      const next = { ...d, ...change };
      // A sub-topic of another category would be refused.
      const topics = CATEGORIES.find((c) => c.code === next.category)?.subTopics ?? [];
      return next.subTopic && !topics.includes(next.subTopic) ? { ...next, subTopic: null } : next;
    });
    const fields = Object.keys(change);
    setIssues((list) => list.filter((i) => !fields.includes(i.field)));
  };

  /**
   * Says why filing failed; `sending` when it failed at the filing call itself. A definite refusal
   * filed nothing, so the corrected draft is a new one with a new key. After no answer (or a server
   * failure) it may have been filed, so the retry must carry the same key.
   */
  const fail = (error: unknown, sending: boolean): ApiError => {
    const failure = asApiError(error);
    setFormError(failure);
    if (failure.details.length > 0) setIssues(failure.details);
    if (sending && !isRetryable(failure)) {
      setDraft((d) => ({ ...d, idempotencyKey: newIdempotencyKey() }));
    }
    return failure;
  };

  return {
    draft,
    update,
    photos,
    issues,
    setIssues,
    issue: (field: string) => issueFor(issues, field),
    formError,
    setFormError,
    fail,
  };
}
