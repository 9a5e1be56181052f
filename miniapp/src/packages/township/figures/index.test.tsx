import type { CadreFigures } from '@mqlk/shared';
import { fireEvent, render, screen, within } from '@testing-library/react';

import { signedIn } from '../../../../test/sessions';
import { getCadreFigures } from '../../../services/api/stats';
import { restoreSession, saveSession } from '../../../services/session';
import FiguresPage from './index';
import { presetPeriod } from './period';

jest.mock('../../../services/api/stats', () => ({ getCadreFigures: jest.fn() }));

const figuresOf = jest.mocked(getCadreFigures);
const rate = (numerator: number, denominator: number) => ({
  numerator,
  denominator,
  value: denominator === 0 ? null : numerator / denominator,
});

const figures: CadreFigures = {
  period: { from: '2026-11-01', to: '2026-11-21' },
  scope: { unitId: 2, name: '青山镇' },
  rows: [
    {
      cadreId: 11,
      name: '李明',
      post: '网格员',
      unitName: '红星村',
      received: 12,
      resolved: 10,
      ratings: 8,
      satisfaction: rate(7, 8),
      participation: rate(8, 10),
    },
    {
      cadreId: 12,
      name: '赵丽',
      post: '包村干部',
      unitName: '青山村',
      received: 2,
      resolved: 0,
      ratings: 0,
      satisfaction: rate(0, 0),
      participation: rate(0, 0),
    },
  ],
  total: {
    received: 14,
    resolved: 10,
    ratings: 8,
    satisfaction: rate(7, 8),
    participation: rate(8, 10),
  },
};

function rowOf(name: string): HTMLElement {
  const row = screen.getByText(name).closest('.figures-table__row');
  if (!(row instanceof HTMLElement)) throw new Error(`no row for ${name}`);
  return row;
}

const cell = (row: HTMLElement, key: string) => row.querySelector(`.figures-table__cell--${key}`);

beforeEach(() => {
  restoreSession();
  figuresOf.mockReset();
});

describe('FiguresPage', () => {
  it('is for township staff only', () => {
    saveSession(signedIn('cadre'));

    render(<FiguresPage />);

    expect(screen.getByText('请先登录')).toBeInTheDocument();
    expect(figuresOf).not.toHaveBeenCalled();
  });

  it("loads this month by default and shows each cadre's figures, 暂无数据 where there are none", async () => {
    saveSession(signedIn('staff'));
    figuresOf.mockResolvedValueOnce(figures);

    render(<FiguresPage />);

    const thisMonth = presetPeriod('this_month');
    expect(figuresOf).toHaveBeenCalledWith(thisMonth.from, thisMonth.to);
    expect(await screen.findByText('青山镇 · 2026年11月1日至2026年11月21日')).toBeInTheDocument();

    const li = rowOf('李明');
    expect(within(li).getByText('网格员')).toBeInTheDocument();
    expect(within(li).getByText('红星村')).toBeInTheDocument();
    expect(cell(li, 'received')).toHaveTextContent('收到12');
    expect(cell(li, 'resolved')).toHaveTextContent('办结10');
    expect(cell(li, 'ratings')).toHaveTextContent('评价数8');
    expect(cell(li, 'satisfaction')).toHaveTextContent('满意率87.5%');
    expect(cell(li, 'participation')).toHaveTextContent('参评率80.0%');

    const zhao = rowOf('赵丽');
    expect(cell(zhao, 'satisfaction')).toHaveTextContent('满意率暂无数据');
    expect(cell(zhao, 'participation')).toHaveTextContent('参评率暂无数据');

    const total = rowOf('合计');
    expect(total).toHaveClass('figures-table__row--total');
    expect(cell(total, 'received')).toHaveTextContent('收到14');
    expect(cell(total, 'satisfaction')).toHaveTextContent('满意率87.5%');
  });

  it('reloads for another period', async () => {
    saveSession(signedIn('staff'));
    figuresOf.mockResolvedValue(figures);
    render(<FiguresPage />);
    await screen.findByText('李明');

    fireEvent.click(screen.getByText('上月'));

    const lastMonth = presetPeriod('last_month');
    expect(figuresOf).toHaveBeenLastCalledWith(lastMonth.from, lastMonth.to);
    expect(await screen.findByText('✓ 上月')).toBeInTheDocument();
  });
});
