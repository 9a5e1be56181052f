import type { DeadlineState } from '@mqlk/shared';
import { render } from '@testing-library/react';

import { DeadlineBadge } from './badge';

function drawn(state: DeadlineState, text: string) {
  const { container } = render(<DeadlineBadge state={state} text={text} />);
  return container.querySelector('.mq-badge');
}

describe('DeadlineBadge', () => {
  it.each<[DeadlineState, string, string, string]>([
    ['on_time', '还剩2个工作日', '◷还剩2个工作日', 'mq-badge--neutral'],
    ['due_soon', '签收：今天18:00前到期', '!即将超期 · 签收：今天18:00前到期', 'mq-badge--warning'],
    ['due_soon', '12月8日18:00前到期', '!即将超期 · 12月8日18:00前到期', 'mq-badge--warning'],
    ['due_soon', '', '!即将超期', 'mq-badge--warning'],
    ['overdue', '已超期', '⚠已超期', 'mq-badge--danger'],
    ['overdue', '已超期未签收', '⚠已超期未签收', 'mq-badge--danger'],
    ['overdue', '', '⚠已超期', 'mq-badge--danger'],
  ])('%s “%s” reads “%s”, a symbol and words, not colour alone', (state, text, words, tone) => {
    const badge = drawn(state, text);

    expect(badge).toHaveTextContent(words);
    expect(badge).toHaveClass(tone);
  });

  it('draws nothing without a running clock', () => {
    expect(drawn('none', '')).toBeNull();
    expect(drawn('on_time', '')).toBeNull();
  });
});
