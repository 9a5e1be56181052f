import Taro from '@tarojs/taro';
import { ERRORS } from '@mqlk/shared';
import { fireEvent, render, screen } from '@testing-library/react';

import { CARD_CODE, MISTYPED_CARD_CODE, cardView } from '../../../test/fixtures';
import { setRouterParams } from '../../../test/taro-mock';
import { getCard } from '../../services/api/cards';
import { ApiError, NETWORK_ERROR, NETWORK_ERROR_MESSAGE } from '../../services/http';
import CardPage from './index';

jest.mock('../../services/api/cards', () => ({ getCard: jest.fn() }));

const fetchCard = jest.mocked(getCard);

function refuse(code: keyof typeof ERRORS) {
  fetchCard.mockRejectedValueOnce(new ApiError(code, ERRORS[code].message, ERRORS[code].status));
}

beforeEach(() => {
  fetchCard.mockReset();
  jest.mocked(Taro.navigateTo).mockClear();
  jest.mocked(Taro.redirectTo).mockClear();
});

describe('CardPage', () => {
  it('shows the cadre, a call button, the hotlines and 我要反映', async () => {
    setRouterParams({ code: CARD_CODE });
    fetchCard.mockResolvedValueOnce(cardView());

    render(<CardPage />);

    expect(await screen.findByText('李明')).toBeInTheDocument();
    expect(fetchCard).toHaveBeenCalledWith(CARD_CODE);
    expect(screen.getByText('网格员')).toBeInTheDocument();
    expect(screen.getByText('青山镇 · 红星村')).toBeInTheDocument();
    expect(screen.getByText('每周二、周四在村委会')).toBeInTheDocument();
    expect(screen.getByText('打电话给李明').closest('a')).toHaveAttribute(
      'href',
      'tel:13812345678',
    );
    expect(screen.getByText('镇卫生院').closest('a')).toHaveAttribute('href', 'tel:057188880001');
    expect(screen.getByText('供电所').closest('a')).toHaveAttribute('href', 'tel:95598');
    expect(screen.queryByText(/接任/)).not.toBeInTheDocument();
    expect(screen.queryByText(/民困帮扶卡/)).not.toBeInTheDocument();

    fireEvent.click(screen.getByText('我要反映'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({
      url: `/packages/resident/submit/index?cardCode=${CARD_CODE}`,
    });
  });

  it('says who took over when the card moved to a successor', async () => {
    setRouterParams({ code: CARD_CODE });
    fetchCard.mockResolvedValueOnce(cardView({ handedOverFrom: '张伟' }));

    render(<CardPage />);

    expect(
      await screen.findByText('原联系人张伟已调整，现由李明联系，您的事情照常办理。'),
    ).toBeInTheDocument();
  });

  it('says a 民困帮扶卡 is the household’s, without naming the household', async () => {
    setRouterParams({ code: CARD_CODE });
    fetchCard.mockResolvedValueOnce(cardView({ helpCard: true }));

    render(<CardPage />);

    expect(
      await screen.findByText('民困帮扶卡：李明是您家的结亲干部，有事直接反映，不用再写地址。'),
    ).toBeInTheDocument();
  });

  it('reads the code from the scanned link /c/<code> in a browser', async () => {
    window.history.replaceState(null, '', `/c/${CARD_CODE}`);
    fetchCard.mockResolvedValueOnce(cardView());

    render(<CardPage />);

    expect(await screen.findByText('李明')).toBeInTheDocument();
    expect(fetchCard).toHaveBeenCalledWith(CARD_CODE);
  });

  it('catches a mistyped code by its check character, without asking the server', () => {
    window.history.replaceState(null, '', `/c/${MISTYPED_CARD_CODE}`);

    render(<CardPage />);

    expect(screen.getByText('卡片编码有误')).toBeInTheDocument();
    expect(screen.getByText(ERRORS.CARD_CODE_INVALID.message)).toBeInTheDocument();
    expect(screen.getByText('回到首页重新扫码')).toBeInTheDocument();
    expect(fetchCard).not.toHaveBeenCalled();
  });

  it('says so when the card is unknown', async () => {
    setRouterParams({ code: CARD_CODE });
    refuse('CARD_NOT_FOUND');

    render(<CardPage />);

    expect(await screen.findByText('没有找到这张联系卡')).toBeInTheDocument();
    expect(screen.getByText(ERRORS.CARD_NOT_FOUND.message)).toBeInTheDocument();
  });

  it('says so when the card has been revoked', async () => {
    setRouterParams({ code: CARD_CODE });
    refuse('CARD_REVOKED');

    render(<CardPage />);

    expect(await screen.findByText('这张联系卡已停用')).toBeInTheDocument();
    expect(screen.getByText('这张联系卡已停用，请联系村（社区）领取新卡')).toBeInTheDocument();
    expect(screen.queryByText('重试')).not.toBeInTheDocument();
  });

  it('offers 重试 after a network failure, and shows the card when it works', async () => {
    setRouterParams({ code: CARD_CODE });
    fetchCard.mockRejectedValueOnce(new ApiError(NETWORK_ERROR, NETWORK_ERROR_MESSAGE, 0));
    fetchCard.mockResolvedValueOnce(cardView());

    render(<CardPage />);

    expect(await screen.findByText('网络不太好，请检查网络后重试')).toBeInTheDocument();
    fireEvent.click(screen.getByText('重试'));
    expect(await screen.findByText('李明')).toBeInTheDocument();
    expect(fetchCard).toHaveBeenCalledTimes(2);
  });

  it('shows the card opened last time at once on a weak network, and says so', async () => {
    setRouterParams({ code: CARD_CODE });
    fetchCard.mockResolvedValueOnce(cardView());
    const first = render(<CardPage />);
    expect(await screen.findByText('李明')).toBeInTheDocument();
    first.unmount();

    fetchCard.mockRejectedValueOnce(new ApiError(NETWORK_ERROR, NETWORK_ERROR_MESSAGE, 0));
    render(<CardPage />);
    // Before any answer: the kept card, not 正在打开.
    expect(screen.getByText('李明')).toBeInTheDocument();
    expect(screen.queryByText('正在打开联系卡…')).not.toBeInTheDocument();
    expect(await screen.findByText('网络不好，下面是您上次打开时的联系卡。')).toBeInTheDocument();
    expect(screen.getByText('我要反映')).toBeInTheDocument();
  });

  it('does not show a kept card that the server has since stopped', async () => {
    setRouterParams({ code: CARD_CODE });
    fetchCard.mockResolvedValueOnce(cardView());
    const first = render(<CardPage />);
    expect(await screen.findByText('李明')).toBeInTheDocument();
    first.unmount();

    refuse('CARD_REVOKED');
    render(<CardPage />);
    expect(await screen.findByText('这张联系卡已停用')).toBeInTheDocument();
    expect(screen.queryByText('李明')).not.toBeInTheDocument();
    expect(screen.queryByText('我要反映')).not.toBeInTheDocument();
  });

  it('shares the card with its cadre named, by its code', async () => {
    setRouterParams({ code: CARD_CODE });
    fetchCard.mockResolvedValueOnce(cardView());
    render(<CardPage />);
    expect(await screen.findByText('李明')).toBeInTheDocument();
    const share = jest.mocked(Taro.useShareAppMessage).mock.calls.at(-1)?.[0] as () => unknown;
    expect(share()).toEqual({
      title: '李明（网格员）的民情联系卡，有事可以找李明',
      path: `/pages/card/index?code=${CARD_CODE}`,
      query: `code=${CARD_CODE}`,
    });
  });

  it('sends a launch without any card to the home page', () => {
    render(<CardPage />);

    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/home/index' });
    expect(fetchCard).not.toHaveBeenCalled();
  });
});
