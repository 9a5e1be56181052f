import {
  addDays,
  type FieldIssue,
  issueFor,
  localDateOf,
  type PhotoView,
  recordVisitSchema,
  validate,
  visitDateProblem,
  type Visit,
} from '@mqlk/shared';
import { useCallback, useState } from 'react';

import { usePhotos } from '../../../hooks/use-photos';
import { recordVisit } from '../../../services/api/households';
import { asApiError, isRetryable, type ApiError } from '../../../services/http';
import { newIdempotencyKey } from '../../../utils/idempotency';

export interface VisitDraft {
  visitedOn: string;
  met: string;
  found: string;
  photos: PhotoView[];
  idempotencyKey: string;
}

export function newVisitDraft(now = new Date()): VisitDraft {
  return {
    visitedOn: localDateOf(now),
    met: '',
    found: '',
    photos: [],
    idempotencyKey: newIdempotencyKey(),
  };
}

/** 今天, 昨天, 前天: the dates a visit is most often written down on, as one tap each. */
export function quickDates(now = new Date()): { date: string; label: string }[] {
  const today = localDateOf(now);
  return [
    { date: today, label: '今天' },
    { date: addDays(today, -1), label: '昨天' },
    { date: addDays(today, -2), label: '前天' },
  ];
}

/** What the form checks before sending: the shared schema, and the date's bounds. */
export function checkVisit(
  householdId: number,
  draft: VisitDraft,
  now = new Date(),
): { ok: true; value: Parameters<typeof recordVisit>[0] } | { ok: false; issues: FieldIssue[] } {
  const checked = validate(recordVisitSchema, {
    householdId,
    visitedOn: draft.visitedOn,
    met: draft.met,
    found: draft.found,
    photoIds: draft.photos.map((p) => p.id),
  });
  const problem = visitDateProblem(draft.visitedOn, localDateOf(now));
  const issues = [
    ...(checked.ok ? [] : checked.issues),
    ...(problem ? [{ field: 'visitedOn', message: problem }] : []),
  ];
  return issues.length === 0 && checked.ok
    ? { ok: true, value: checked.value }
    : { ok: false, issues };
}

/**
 * The visit form: what was typed stays after any failure; a definite refusal gets a new key, no
 * answer keeps the old one so the retry cannot record the visit twice.
 */
export function useVisitForm(householdId: number, onRecorded: (visit: Visit) => void) {
  const [draft, setDraft] = useState(() => newVisitDraft());
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [formError, setFormError] = useState<ApiError | null>(null);
  const [progressText, setProgressText] = useState('');
  const onPhotosChange = useCallback(
    (photos: PhotoView[]) => setDraft((d) => ({ ...d, photos })),
    [],
  );
  const photos = usePhotos(draft.photos, onPhotosChange);

  const update = (change: Partial<Omit<VisitDraft, 'photos' | 'idempotencyKey'>>) => {
    setDraft((d) => ({ ...d, ...change }));
    const fields = Object.keys(change);
    setIssues((list) => list.filter((i) => !fields.includes(i.field)));
  };

  const submit = async () => {
    if (progressText) return;
    setFormError(null);
    const checked = checkVisit(householdId, draft);
    if (!checked.ok) {
      setIssues(checked.issues);
      return;
    }
    setIssues([]);
    let sending = false;
    try {
      setProgressText('正在上传照片…');
      const uploaded = await photos.uploadAll();
      sending = true;
      setProgressText('正在保存…');
      const visit = await recordVisit(
        { ...checked.value, photoIds: uploaded.map((p) => p.id) },
        draft.idempotencyKey,
      );
      setProgressText('');
      onRecorded(visit);
    } catch (error) {
      setProgressText('');
      const failure = asApiError(error);
      setFormError(failure);
      if (failure.details.length > 0) setIssues(failure.details);
      if (sending && !isRetryable(failure)) {
        setDraft((d) => ({ ...d, idempotencyKey: newIdempotencyKey() }));
      }
    }
  };

  return {
    draft,
    update,
    photos,
    issue: (field: string) => issueFor(issues, field),
    issueCount: issues.length,
    formError,
    progressText,
    submit,
  };
}
