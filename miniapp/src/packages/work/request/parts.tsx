import { Text, Textarea, View } from '@tarojs/components';
import { useState, type ReactNode } from 'react';

import { Btn, type BtnKind } from '../../../components/btn';
import type { ApiError } from '../../../services/http';
import { classNames } from '../../../utils/format';
import type { MoveForm } from './move';
import { pressable } from '../../../components/pressable';

/**
 * A move that is not the obvious next step (上报, 转办, 撤销, 督办): a button until it is wanted,
 * then its form. Folding it away again keeps what was typed.
 */
export function ActionFold({
  title,
  openLabel,
  hint,
  children,
}: {
  title: string;
  openLabel: string;
  hint?: string;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const [opened, setOpened] = useState(false);
  return (
    <View className="work-fold">
      {open ? null : (
        <Btn
          kind="secondary"
          className="work-fold__open"
          onClick={() => {
            setOpen(true);
            setOpened(true);
          }}
        >
          {openLabel}
        </Btn>
      )}
      {opened ? (
        <View className={classNames('mq-section work-action', !open && 'is-hidden')}>
          <View className="work-action__head">
            <Text className="mq-section__title">{title}</Text>
            <Btn kind="plain" size="small" onClick={() => setOpen(false)}>
              收起
            </Btn>
          </View>
          {hint ? <Text className="work-action__hint">{hint}</Text> : null}
          {children}
        </View>
      ) : null}
    </View>
  );
}

/** One of several answers: a filled dot and bold words when chosen, not only a colour. */
export function Choice({
  selected,
  onSelect,
  children,
}: {
  selected: boolean;
  onSelect: () => void;
  children: ReactNode;
}) {
  return (
    <View
      className={classNames('work-action__choice', selected && 'is-selected')}
      {...pressable({ onPress: onSelect })}
    >
      <Text className="work-action__radio">{selected ? '●' : '○'}</Text>
      <View className="work-action__choice-body">{children}</View>
    </View>
  );
}

/** A written field of a move: the form's message for it underneath, dropped once it is edited. */
export function NoteField({
  form,
  field,
  label,
  value,
  placeholder,
  onInput,
}: {
  form: MoveForm;
  field: string;
  label: string;
  value: string;
  placeholder: string;
  onInput: (value: string) => void;
}) {
  const error = form.issue(field);
  return (
    <View className="mq-field">
      <Text className="mq-label">{label}</Text>
      <Textarea
        className={classNames('mq-textarea work-action__text', error && 'mq-input--invalid')}
        value={value}
        maxlength={-1}
        placeholder={placeholder}
        onInput={(e) => {
          onInput(e.detail.value);
          form.clear(field);
        }}
      />
      <FieldError form={form} field={field} />
    </View>
  );
}

/** The form's message for a field, under it (under a list of choices, or a NoteField). */
export function FieldError({ form, field }: { form: MoveForm; field: string }) {
  const error = form.issue(field);
  return error ? <Text className="mq-field-error">{error}</Text> : null;
}

/** The server's answer when a move did not go through, beside the button that sent it. */
export function FormFailure({ failure }: { failure: ApiError | null }) {
  return failure ? (
    <Text className="mq-field-error work-action__failure">! {failure.message}</Text>
  ) : null;
}

/** The button that sends a move, with the server's answer above it when the last try failed. */
export function SendButton({
  form,
  kind,
  size,
  busyText,
  onSend,
  children,
}: {
  form: MoveForm;
  kind: BtnKind;
  size?: 'big';
  /** What the button says while the move is sent. */
  busyText: string;
  onSend: () => Promise<unknown>;
  children: ReactNode;
}) {
  return (
    <>
      <FormFailure failure={form.failure} />
      <Btn kind={kind} size={size} busyText={form.busy && busyText} onClick={() => void onSend()}>
        {children}
      </Btn>
    </>
  );
}
