import { render, screen } from '@testing-library/react';

import { timelineEntry } from '../../test/fixtures';
import { Timeline } from './timeline';

const entry = timelineEntry;

describe('Timeline', () => {
  it('shows newest first, with the status a step led to, or whom it was handed to', () => {
    render(
      <Timeline
        entries={[
          entry({ id: 1 }),
          entry({
            id: 2,
            action: 'transfer',
            actorLabel: '张建国',
            fromStatus: 'submitted',
            handedTo: '李秀英',
            note: '二组的路灯归李秀英负责',
            at: '2026-11-21T02:00:00.000Z',
          }),
          entry({
            id: 3,
            action: 'reply',
            actorLabel: '李秀英',
            fromStatus: 'submitted',
            note: '明天上午去看',
            at: '2026-11-21T03:00:00.000Z',
          }),
        ]}
      />,
    );
    const steps = Array.from(document.querySelectorAll('.mq-timeline__entry')).map(
      (e) => e.textContent,
    );
    expect(steps).toEqual([
      expect.stringMatching(/^答复李秀英 · .*明天上午去看$/),
      expect.stringMatching(/^转办→ 李秀英张建国 · .*二组的路灯归李秀英负责$/),
      expect.stringMatching(/^提交诉求→ 待签收群众 · /),
    ]);
    expect(screen.getByText('→ 李秀英')).toBeInTheDocument();
  });
});
