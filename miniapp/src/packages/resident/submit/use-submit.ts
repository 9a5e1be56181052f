import { submitRequestSchema, validate, type RequestDetail } from '@mqlk/shared';
import { useEffect, useState } from 'react';

import { useRequestDraft } from '../../../hooks/use-request-draft';
import { useVoiceClip } from '../../../hooks/use-voice';
import { askSubscription, prefetchSubscribeTemplates } from '../../../platform/subscribe';
import { submitRequest } from '../../../services/api/requests';
import { ensureResidentQuietly, isResidentSignedIn } from '../../../services/account';
import { RESIDENT_SIGN_IN_METHOD } from '../../../services/auth';
import { useSmsForm } from '../components/use-sms';
import { clearDraft, draftInput, loadDraft, saveDraft, type Draft } from './draft';

export type Phase = 'editing' | 'signing_in' | 'uploading' | 'sending' | 'done';

export const PHASE_TEXT: Record<Exclude<Phase, 'editing' | 'done'>, string> = {
  signing_in: '正在验证身份…',
  uploading: '正在上传照片和语音…',
  sending: '正在提交…',
};

const SESSION_ENDED = ['UNAUTHENTICATED', 'SESSION_EXPIRED'];

const PENDING_VOICE_ID = 1;

type Editable = Pick<Draft, 'category' | 'subTopic' | 'text' | 'contactPhone' | 'consent'>;

/** The submit form: the draft, its checks, sign-in when needed, and sending it exactly once. */
export function useSubmitForm(cardCode: string) {
  const filing = useRequestDraft(() => loadDraft(cardCode));
  const { draft, photos } = filing;
  const [phase, setPhase] = useState<Phase>('editing');
  const [result, setResult] = useState<RequestDetail | null>(null);
  const [needsSms, setNeedsSms] = useState(
    () => RESIDENT_SIGN_IN_METHOD === 'sms' && !isResidentSignedIn(),
  );
  const sms = useSmsForm();
  const voice = useVoiceClip();

  useEffect(() => {
    if (phase !== 'done') saveDraft(draft);
  }, [draft, phase]);

  // The template ids must be at hand when 提交 is tapped (see platform/subscribe).
  useEffect(prefetchSubscribeTemplates, []);

  const update: (change: Partial<Editable>) => void = filing.update;

  const busy = phase !== 'editing' && phase !== 'done';

  const submit = async () => {
    if (busy) return;
    filing.setFormError(null);
    const photoIds = draft.photos.map((p) => p.id);
    // A recording not yet uploaded has no id: a stand-in one lets the text be left empty.
    const voiceId = voice.clip ? { voiceId: PENDING_VOICE_ID } : {};
    const checked = validate(submitRequestSchema, { ...draftInput(draft, photoIds), ...voiceId });
    const smsInput = needsSms && !isResidentSignedIn() ? sms.check() : null;
    if (!checked.ok || (needsSms && !isResidentSignedIn() && !smsInput)) {
      filing.setIssues(checked.ok ? [] : checked.issues);
      return;
    }
    // WeChat shows the subscribe dialog only within the tap, before anything is awaited; asked
    // once the form is complete, so that progress notices can reach the resident in WeChat.
    void askSubscription(['progress']);

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
      const recorded = await voice.upload();

      stage = 'sending';
      setPhase(stage);
      const created = await submitRequest(
        {
          ...checked.value,
          photoIds: uploaded.map((p) => p.id),
          ...(recorded ? { voiceId: recorded.id } : { voiceId: undefined }),
        },
        draft.idempotencyKey,
      );
      clearDraft(cardCode);
      setResult(created);
      setPhase('done');
    } catch (error) {
      setPhase('editing');
      const failure = filing.fail(error, stage === 'sending');
      if (SESSION_ENDED.includes(failure.code) && RESIDENT_SIGN_IN_METHOD === 'sms') {
        setNeedsSms(true);
      }
    }
  };

  return {
    draft,
    update,
    issue: filing.issue,
    /** How many fields still need fixing, said again beside the button the resident tapped. */
    issueCount: filing.issues.length + (needsSms ? sms.issues.length : 0),
    photos,
    voice,
    sms,
    needsSms: needsSms && !isResidentSignedIn(),
    phase,
    busy,
    /** What the submit button says while it works. */
    progressText: phase === 'editing' || phase === 'done' ? '' : PHASE_TEXT[phase],
    formError: filing.formError,
    result,
    submit,
  };
}
