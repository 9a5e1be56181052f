import { Text, View } from '@tarojs/components';

import { focusFirstInvalid } from '../platform/system';
import { isRetryable, type ApiError } from '../services/http';
import { Btn } from './btn';
import './form-footer.scss';

/** What the footer reads of a form that files something once, with an idempotency key. */
interface FilingForm {
  /** How many fields still need fixing, said again beside the button. */
  issueCount: number;
  formError: ApiError | null;
  /** What the button says while it works; '' when it is idle. */
  progressText: string;
  submit: () => Promise<void>;
}

interface FormFooterProps {
  form: FilingForm;
  /** The button's word: 提交, 登记…; after a failure that may be retried, 重新 goes before it. */
  label: string;
  /** Said after no answer: the draft is kept and tapping again will not file it twice. */
  retryHint: string;
  /** After IDEMPOTENCY_KEY_REUSED (filed already, perhaps): where to look. */
  reused: { label: string; open: () => void };
}

/** The one button of a filing form, with what still stops it and why the last try failed. */
export function FormFooter({ form, label, retryHint, reused }: FormFooterProps) {
  const error = form.formError;
  return (
    <View className="mq-form-footer">
      {form.issueCount > 0 && !error ? (
        <Text className="mq-form-footer__error-text mq-form-footer__issues" {...{ role: 'alert' }}>
          ! 还有{form.issueCount}处没有填好，请看上面红字的提示
        </Text>
      ) : null}
      {error ? (
        <View className="mq-form-footer__error" {...{ role: 'alert' }}>
          <Text className="mq-form-footer__error-text">! {error.message}</Text>
          {isRetryable(error) ? (
            <Text className="mq-form-footer__error-text">{retryHint}</Text>
          ) : null}
          {error.code === 'IDEMPOTENCY_KEY_REUSED' ? (
            <Btn kind="plain" onClick={reused.open}>
              {reused.label}
            </Btn>
          ) : null}
        </View>
      ) : null}
      <Btn
        kind="primary"
        size="big"
        busyText={form.progressText}
        onClick={() => void form.submit().then(focusFirstInvalid)}
      >
        {error && isRetryable(error) ? `重新${label}` : label}
      </Btn>
    </View>
  );
}
