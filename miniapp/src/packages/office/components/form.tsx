import { Input, Text, Textarea, View } from '@tarojs/components';
import { issueFor, type FieldIssue, type Validation } from '@mqlk/shared';
import { useState, type ReactNode } from 'react';

import { asApiError, type ApiError } from '../../../services/http';
import { classNames } from '../../../utils/format';
import { pressable } from '../../../components/pressable';

/**
 * What every office form holds: the values as typed (never cleared by a failure), the messages
 * under the fields (the shared schema's, or the server's `details`), a busy flag and the
 * server's message beside the button.
 */
export function useOfficeForm<V extends object>(initial: V | (() => V)) {
  const [values, setValues] = useState<V>(initial);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | null>(null);

  /** Sets one value; its message goes, since what it said is about what was there before. */
  const set = <K extends keyof V>(key: K, value: V[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    const field = String(key);
    setIssues((list) => list.filter((i) => i.field !== field && !i.field.startsWith(`${field}.`)));
  };

  /** Checks, then sends; true when it went through. A failure keeps every value as typed. */
  const submit = async <T,>(
    checked: Validation<T>,
    send: (value: T) => Promise<void>,
  ): Promise<boolean> => {
    if (busy) return false;
    if (!checked.ok) {
      setIssues(checked.issues);
      setFailure(null);
      return false;
    }
    setIssues([]);
    setFailure(null);
    setBusy(true);
    try {
      await send(checked.value);
      setBusy(false);
      return true;
    } catch (error) {
      const failed = asApiError(error);
      setIssues(failed.details);
      setFailure(failed);
      setBusy(false);
      return false;
    }
  };

  return {
    values,
    setValues,
    set,
    issues,
    setIssues,
    issue: (field: string) => issueFor(issues, field),
    busy,
    failure,
    setFailure,
    submit,
  };
}

export type OfficeForm<V extends object> = ReturnType<typeof useOfficeForm<V>>;

/**
 * A change that asks first (停用, 撤销, 事随人转…): 下一步 checks the form and shows the question
 * only when it is right; 取消 goes back with everything still typed.
 */
export function useConfirmStep<V extends object, T>(
  form: OfficeForm<V>,
  check: () => Validation<T>,
) {
  const [confirming, setConfirming] = useState(false);
  const next = () => {
    const result = check();
    if (!result.ok) {
      form.setIssues(result.issues);
      return;
    }
    setConfirming(true);
  };
  return { confirming, next, back: () => setConfirming(false) };
}

interface FieldProps {
  label: string;
  value: string;
  onInput: (value: string) => void;
  error?: string | undefined;
  placeholder?: string;
  hint?: string;
  password?: boolean;
  maxlength?: number;
  className?: string;
  onConfirm?: () => void;
}

/** One line of text with its label above, its hint and its message below. */
export function TextField({
  label,
  value,
  onInput,
  error,
  placeholder,
  hint,
  password = false,
  maxlength = 140,
  className,
  onConfirm,
}: FieldProps) {
  return (
    <View className={classNames('mq-field', className)}>
      <Text className="mq-label">{label}</Text>
      <Input
        className={classNames('mq-input', error && 'mq-input--invalid')}
        value={value}
        password={password}
        maxlength={maxlength}
        placeholder={placeholder ?? ''}
        onInput={(e) => onInput(e.detail.value)}
        {...(onConfirm ? { onConfirm } : {})}
      />
      {hint ? <Text className="mq-muted office-hint">{hint}</Text> : null}
      {error ? <Text className="mq-field-error">{error}</Text> : null}
    </View>
  );
}

/** Several lines of text. */
export function TextAreaField({
  label,
  value,
  onInput,
  error,
  placeholder,
  hint,
  className,
  tall = false,
}: Omit<FieldProps, 'password' | 'maxlength' | 'onConfirm'> & { tall?: boolean }) {
  return (
    <View className={classNames('mq-field', className)}>
      <Text className="mq-label">{label}</Text>
      <Textarea
        className={classNames(
          'mq-textarea',
          tall && 'mq-textarea--tall',
          error && 'mq-input--invalid',
        )}
        value={value}
        maxlength={-1}
        placeholder={placeholder ?? ''}
        onInput={(e) => onInput(e.detail.value)}
      />
      {hint ? <Text className="mq-muted office-hint">{hint}</Text> : null}
      {error ? <Text className="mq-field-error">{error}</Text> : null}
    </View>
  );
}

/** One answer out of a few, as chips; the chosen one starts with ✓. */
export function Chips<K extends string>({
  label,
  options,
  value,
  onChange,
  error,
}: {
  label?: string;
  options: readonly { key: K; label: string }[];
  value: K;
  onChange: (key: K) => void;
  error?: string | undefined;
}) {
  return (
    <View className="mq-field office-chips">
      {label ? <Text className="mq-label">{label}</Text> : null}
      <View className="office-chips__row">
        {options.map((option) => {
          const chosen = option.key === value;
          return (
            <View
              key={option.key}
              className={classNames('office-chips__chip', chosen && 'is-selected')}
              {...pressable({
                role: 'radio',
                checked: chosen,
                onPress: () => onChange(option.key),
              })}
            >
              <Text>
                {chosen ? '✓ ' : ''}
                {option.label}
              </Text>
            </View>
          );
        })}
      </View>
      {error ? <Text className="mq-field-error">{error}</Text> : null}
    </View>
  );
}

/** A box to tick; the whole line is the tap target and ✓ says it is ticked. */
export function CheckLine({
  checked,
  onToggle,
  children,
}: {
  checked: boolean;
  onToggle: () => void;
  children: ReactNode;
}) {
  return (
    <View
      className={classNames('office-check', checked && 'is-checked')}
      {...pressable({ role: 'checkbox', checked, onPress: onToggle })}
    >
      <Text className="office-check__box">{checked ? '✓' : ''}</Text>
      <Text className="office-check__text">{children}</Text>
    </View>
  );
}

/**
 * Beside the button: how many fields still need fixing (after the schema's check), or the
 * server's message (after it refused).
 */
export function FormProblem<V extends object>({ form }: { form: OfficeForm<V> }) {
  if (form.failure) return <Text className="office-problem">! {form.failure.message}</Text>;
  if (form.issues.length > 1) {
    return (
      <Text className="office-problem">
        ! 还有{form.issues.length}处没有填好，请看上面红字的提示
      </Text>
    );
  }
  return null;
}

export type CardQrKind = 'link' | 'wxacode';

const QR_KINDS: readonly { key: CardQrKind; label: string }[] = [
  { key: 'link', label: '普通二维码' },
  { key: 'wxacode', label: '小程序码' },
];

/** Which code goes on the printed card: the link (any phone's camera) or WeChat's 小程序码. */
export function QrKindChips({
  value,
  onChange,
}: {
  value: CardQrKind;
  onChange: (kind: CardQrKind) => void;
}) {
  return (
    <View className="office-qr-kind">
      <Chips label="卡上印哪种码" options={QR_KINDS} value={value} onChange={onChange} />
      <Text className="mq-muted office-hint">
        {value === 'link'
          ? '普通二维码：手机相机和微信都能扫，打开网页版联系卡。'
          : '小程序码：用微信扫，直接打开小程序里的联系卡；其他扫码工具认不出。'}
      </Text>
    </View>
  );
}
