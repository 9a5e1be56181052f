import { act, fireEvent, render, screen } from '@testing-library/react';

import { downloadMonthlyReport } from '../../../services/api/stats';
import { ApiError } from '../../../services/http';
import { MonthlyReport } from './monthly-report';

jest.mock('../../../services/api/stats', () => ({ downloadMonthlyReport: jest.fn() }));

const download = jest.mocked(downloadMonthlyReport);

/** 10 March 2026, 10:00 in Shanghai: last month is February. */
const NOW = new Date('2026-03-10T02:00:00.000Z');

beforeEach(() => {
  jest.useFakeTimers({ now: NOW, advanceTimers: true });
  download.mockReset();
});
afterEach(() => jest.useRealTimers());

describe('MonthlyReport', () => {
  it('offers last month of the figures page unit, and not this month', () => {
    render(<MonthlyReport unitId={2} unitName="青山镇" />);

    expect(screen.getByText('青山镇')).toBeInTheDocument();
    expect(screen.getByText('2026年2月')).toBeInTheDocument();
    // Already the latest month a report can be made for.
    fireEvent.click(screen.getByText('后一个月 ›'));
    expect(screen.getByText('2026年2月')).toBeInTheDocument();
    expect(screen.getByText('后一个月 ›').closest('.mq-btn')).toHaveClass('mq-btn--inactive');

    fireEvent.click(screen.getByText('‹ 前一个月'));
    fireEvent.click(screen.getByText('‹ 前一个月'));
    expect(screen.getByText('2025年12月')).toBeInTheDocument();
    fireEvent.click(screen.getByText('后一个月 ›'));
    expect(screen.getByText('2026年1月')).toBeInTheDocument();
  });

  it('downloads the PDF with its progress, then says where the file is', async () => {
    let finish: (value: { fileName: string; size: number }) => void = () => undefined;
    download.mockImplementation((_query, _format, onProgress) => {
      onProgress?.(2048, 4096);
      return new Promise((resolve) => (finish = resolve));
    });
    render(<MonthlyReport unitId={2} unitName="青山镇" />);

    fireEvent.click(screen.getByText('下载月报（PDF，可打印）'));

    expect(download).toHaveBeenCalledWith(
      { unitId: 2, month: '2026-02' },
      'pdf',
      expect.any(Function),
    );
    expect(await screen.findByText(/正在生成…已收到 2 KB \/ 4 KB/)).toBeInTheDocument();
    // One file at a time: the other button waits.
    expect(screen.getByText('下载月报（Excel）').closest('.mq-btn')).toHaveClass(
      'mq-btn--inactive',
    );

    await act(async () => finish({ fileName: '青山镇-2026年2月-月报.pdf', size: 4096 }));
    expect(screen.getByText(/✓ 青山镇-2026年2月-月报.pdf（4 KB）/)).toBeInTheDocument();
  });

  it('downloads the workbook of an earlier month; without a unit, the reader’s scope', async () => {
    download.mockResolvedValue({ fileName: '月报-2026-01.xlsx', size: 0 });
    render(<MonthlyReport unitId={undefined} unitName="您管辖的范围" />);

    fireEvent.click(screen.getByText('‹ 前一个月'));
    fireEvent.click(screen.getByText('下载月报（Excel）'));

    expect(download).toHaveBeenCalledWith({ month: '2026-01' }, 'xlsx', expect.any(Function));
    expect(await screen.findByText(/✓ 月报-2026-01.xlsx/)).toBeInTheDocument();
  });

  it('shows the server’s refusal in its own words', async () => {
    download.mockRejectedValue(
      new ApiError('VALIDATION_FAILED', '填写的内容有误，请按提示修改后再提交', 400, {
        details: [
          { field: 'month', message: '月报只能生成已经结束的月份，本月和以后的月份还不行' },
        ],
      }),
    );
    render(<MonthlyReport unitId={2} unitName="青山镇" />);

    fireEvent.click(screen.getByText('下载月报（PDF，可打印）'));

    expect(
      await screen.findByText('! 月报只能生成已经结束的月份，本月和以后的月份还不行'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/填写的内容有误/)).not.toBeInTheDocument();

    // Out of scope: no details, the message itself.
    download.mockRejectedValue(new ApiError('OUT_OF_SCOPE', '这个单位不在您的管辖范围内', 403));
    fireEvent.click(screen.getByText('下载月报（Excel）'));
    expect(await screen.findByText('! 这个单位不在您的管辖范围内')).toBeInTheDocument();
  });
});
