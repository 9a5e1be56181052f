import { act, fireEvent, render, screen } from '@testing-library/react';

import { unitTree } from '../../../../test/office-fixtures';
import { signedIn } from '../../../../test/sessions';
import { downloadCardSheet, getUnits } from '../../../services/api/office';
import { restoreSession, saveSession } from '../../../services/session';
import PrintPage from './index';

jest.mock('../../../services/api/office', () => ({
  getUnits: jest.fn(),
  downloadCardSheet: jest.fn(),
}));

const units = jest.mocked(getUnits);
const download = jest.mocked(downloadCardSheet);

beforeEach(() => {
  restoreSession();
  units.mockReset().mockResolvedValue(unitTree());
  download.mockReset().mockResolvedValue({ fileName: '民情联系卡.pdf', size: 1024 } as never);
});

describe('打印联系卡', () => {
  it('prints a village’s cards with the link QR, or with WeChat’s 小程序码 when chosen', async () => {
    saveSession(signedIn('staff'));
    render(<PrintPage />);
    fireEvent.click(await screen.findByText('请选择村（社区）或乡镇（街道）'));
    fireEvent.click(screen.getByText('红星村'));
    expect(screen.getByText(/普通二维码：手机相机和微信都能扫/)).toBeInTheDocument();
    fireEvent.click(screen.getByText('下载红星村的联系卡（PDF）'));
    expect(download).toHaveBeenLastCalledWith({ unitId: 3, qr: 'link' }, expect.any(Function));
    await act(async () => undefined);

    fireEvent.click(screen.getByText('小程序码'));
    expect(screen.getByText(/小程序码：用微信扫/)).toBeInTheDocument();
    expect(screen.getByText('✓ 小程序码').closest('[role="radio"]')).toHaveAttribute(
      'aria-checked',
      'true',
    );
    fireEvent.click(screen.getByText('下载红星村的联系卡（PDF）'));
    expect(download).toHaveBeenLastCalledWith({ unitId: 3, qr: 'wxacode' }, expect.any(Function));
  });
});
