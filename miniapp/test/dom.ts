import { fireEvent, waitFor } from '@testing-library/react';

/**
 * Taro's Textarea is a web component that renders its <textarea> a moment after mounting: wait
 * for the one with this placeholder.
 */
export function textareaWith(placeholder: string): Promise<HTMLTextAreaElement> {
  return waitFor(() => {
    const found = document.querySelector<HTMLTextAreaElement>(
      `textarea[placeholder="${placeholder}"]`,
    );
    if (!found) throw new Error(`no textarea "${placeholder}" yet`);
    return found;
  });
}

export async function typeInto(placeholder: string, value: string): Promise<HTMLTextAreaElement> {
  const field = await textareaWith(placeholder);
  fireEvent.input(field, { target: { value } });
  return field;
}

/** The closest section (`.mq-section`) around a text, to look inside it. */
export function sectionOf(element: HTMLElement): HTMLElement {
  const section = element.closest('.mq-section');
  if (!(section instanceof HTMLElement)) throw new Error('not inside a section');
  return section;
}
