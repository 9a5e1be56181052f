import Taro from '@tarojs/taro';
import { onBehalfSchema, onSpotSchema, validate, type FieldIssue } from '@mqlk/shared';
import { useEffect, useState } from 'react';

import { routeOf } from '../../../constants/routes';
import { useRequestDraft } from '../../../hooks/use-request-draft';
import { fileOnBehalf, recordOnSpot } from '../../../services/api/requests';
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

type Editable = Omit<RecordDraft, 'mode' | 'photos' | 'idempotencyKey' | 'visitId'>;

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
        // The code to show the resident goes along to the request page (none when a retry finds
        // the record confirmed or cancelled meanwhile).
        if (recorded.confirmation) handOverTicket(recorded.request.id, recorded.confirmation);
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
export function useRecordForm(userId: number, mode: RecordMode, visitId: number | null = null) {
  const filing = useRequestDraft(() => loadRecordDraft(userId, mode, visitId));
  const { draft, photos } = filing;
  const [phase, setPhase] = useState<RecordPhase>('editing');

  useEffect(() => {
    if (phase !== 'done') saveRecordDraft(userId, draft);
  }, [draft, phase, userId]);

  const update: (change: Partial<Editable>) => void = filing.update;

  const busy = phase !== 'editing';

  const submit = async () => {
    if (busy) return;
    filing.setFormError(null);
    const checked = check(draft);
    if (!checked.ok) {
      filing.setIssues(checked.issues);
      return;
    }
    filing.setIssues([]);

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
      clearRecordDraft(userId, mode, visitId);
      setPhase('done');
      await Taro.redirectTo({ url: routeOf('workRequest', { id, filed: mode }) });
    } catch (error) {
      setPhase('editing');
      filing.fail(error, stage === 'sending');
    }
  };

  return {
    draft,
    update,
    issue: filing.issue,
    issueCount: filing.issues.length,
    photos,
    addPhotos: () => void photos.add(signedIn),
    busy,
    progressText: PHASE_TEXT[phase],
    formError: filing.formError,
    submit,
  };
}
