import { ERRORS, type ContentHoldView } from '@mqlk/shared';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';

import { sectionOf, typeInto } from '../../../../test/dom';
import { requestDetail } from '../../../../test/fixtures';
import { signedIn } from '../../../../test/sessions';
import { setRouterParams } from '../../../../test/taro-mock';
import { getRequest, reviewContent } from '../../../services/api/requests';
import { ApiError, NETWORK_ERROR, NETWORK_ERROR_MESSAGE } from '../../../services/http';
import { restoreSession, saveSession } from '../../../services/session';
import WorkRequestPage from './index';

jest.mock('../../../services/api/requests', () => ({
  getRequest: jest.fn(),
  reviewContent: jest.fn(),
  getTransferTargets: jest.fn(),
  editPublicSummary: jest.fn(),
}));

const load = jest.mocked(getRequest);
const review = jest.mocked(reviewContent);

const NOTE = '不予转交的，写明理由，比如：含辱骂内容，已电话联系群众了解情况';
const TEXT = '三组的自来水停了三天了，老人挑水很困难，希望尽快修好。';

const photo = (id: number) => ({ id, url: `/files/photos/${id}.jpg`, width: 800, height: 600 });

function hold(overrides: Partial<ContentHoldView> = {}): ContentHoldView {
  return {
    id: 5,
    item: 'text',
    photoId: null,
    state: 'held',
    reason: '辱骂',
    heldAt: '2026-11-21T01:00:00.000Z',
    reviewedAt: null,
    reviewerName: null,
    reviewNote: null,
    reviewable: true,
    ...overrides,
  };
}

/** What staff open: the text held, the second photo released earlier. */
const forStaff = requestDetail({
  status: 'in_progress',
  photos: [photo(61), photo(62)],
  contentHolds: [
    hold(),
    hold({
      id: 6,
      item: 'photo',
      photoId: 62,
      state: 'released',
      reason: '其他',
      heldAt: '2026-11-21T00:30:00.000Z',
      reviewedAt: '2026-11-21T02:00:00.000Z',
      reviewerName: '周敏',
      reviewNote: '是水管照片，误判',
      reviewable: false,
    }),
  ],
});

const released = requestDetail({
  ...forStaff,
  contentHolds: [
    hold({
      state: 'released',
      reviewedAt: '2026-11-21T03:00:00.000Z',
      reviewerName: '王芳',
      reviewable: false,
    }),
    ...forStaff.contentHolds.slice(1),
  ],
});

const reviewSection = async () => sectionOf(await screen.findByText('内容审核'));

describe('内容审核 (staff)', () => {
  beforeEach(() => {
    restoreSession();
    saveSession(signedIn('staff', '王芳'));
    setRouterParams({ id: '42' });
    load.mockReset();
    review.mockReset();
  });

  it('lists every hold with its item, state, reason and review, and marks the held text', async () => {
    load.mockResolvedValueOnce(forStaff);
    render(<WorkRequestPage />);

    const section = await reviewSection();
    expect(within(section).getByText('文字')).toBeInTheDocument();
    expect(within(section).getByText('微信检测结果：辱骂')).toBeInTheDocument();
    expect(within(section).getByText('拦下时间：11月21日 09:00')).toBeInTheDocument();
    expect(within(section).getByText('照片 2')).toBeInTheDocument();
    expect(within(section).getByText('已放行')).toBeInTheDocument();
    expect(within(section).getByText('审核：周敏 · 11月21日 10:00')).toBeInTheDocument();
    expect(within(section).getByText('审核说明：是水管照片，误判')).toBeInTheDocument();
    // One form: only the held text may be reviewed.
    expect(within(section).getAllByText('放行')).toHaveLength(1);
    expect(within(section).getByText('放行').closest('[role="button"]')).not.toBeNull();

    const body = sectionOf(screen.getByText('反映的内容'));
    expect(within(body).getByText(TEXT)).toBeInTheDocument();
    expect(within(body).getByText('待审核')).toBeInTheDocument();
    expect(body.querySelectorAll('.mq-request-body__photo')).toHaveLength(2);
  });

  it('releases a held item and shows the request as the server answers it', async () => {
    load.mockResolvedValueOnce(forStaff);
    review.mockResolvedValueOnce(released);
    render(<WorkRequestPage />);

    fireEvent.click(within(await reviewSection()).getByText('放行'));

    expect(await screen.findByText('✓ 文字已放行，办理人现在可以看到。')).toBeInTheDocument();
    expect(review).toHaveBeenCalledWith(5, { decision: 'release', note: '' });
    const section = await reviewSection();
    expect(within(section).getByText('审核：王芳 · 11月21日 11:00')).toBeInTheDocument();
    expect(within(section).queryByText('放行')).not.toBeInTheDocument();
    expect(within(sectionOf(screen.getByText('反映的内容'))).queryByText('待审核')).toBeNull();
  });

  it('asks for the reason to withhold, in Chinese, keeping what was typed', async () => {
    load.mockResolvedValueOnce(forStaff);
    review.mockResolvedValueOnce(
      requestDetail({
        ...forStaff,
        contentHolds: [
          hold({
            state: 'withheld',
            reviewedAt: '2026-11-21T03:00:00.000Z',
            reviewerName: '王芳',
            reviewNote: '含辱骂内容，已电话联系群众',
            reviewable: false,
          }),
        ],
      }),
    );
    render(<WorkRequestPage />);
    await reviewSection();

    fireEvent.click(screen.getByText('不予转交'));
    expect(screen.getByText('请填写不予转交的理由')).toBeInTheDocument();

    const note = await typeInto(NOTE, '骂');
    fireEvent.click(screen.getByText('不予转交'));
    expect(screen.getByText('不予转交的理由至少要2个字，现在只有1个字')).toBeInTheDocument();
    expect(note).toHaveValue('骂');
    expect(review).not.toHaveBeenCalled();

    await typeInto(NOTE, '含辱骂内容，已电话联系群众');
    fireEvent.click(screen.getByText('不予转交'));

    expect(
      await screen.findByText('✓ 文字不予转交，办理人看不到，理由已记录。'),
    ).toBeInTheDocument();
    expect(review).toHaveBeenCalledWith(5, {
      decision: 'withhold',
      note: '含辱骂内容，已电话联系群众',
    });
    const section = await reviewSection();
    expect(within(section).getAllByText('不予转交')).toHaveLength(1);
    expect(within(section).getByText('审核说明：含辱骂内容，已电话联系群众')).toBeInTheDocument();
  });

  it('says when someone else reviewed it first (409) and shows the request as it is now', async () => {
    load.mockResolvedValueOnce(forStaff).mockResolvedValueOnce(released);
    review.mockRejectedValueOnce(
      new ApiError('CONTENT_ALREADY_REVIEWED', ERRORS.CONTENT_ALREADY_REVIEWED.message, 409),
    );
    render(<WorkRequestPage />);
    await reviewSection();

    fireEvent.click(screen.getByText('放行'));

    expect(
      await screen.findByText(`! ${ERRORS.CONTENT_ALREADY_REVIEWED.message}`),
    ).toBeInTheDocument();
    expect(screen.getByText('下面已经是最新的情况。')).toBeInTheDocument();
    expect(await screen.findByText('审核：王芳 · 11月21日 11:00')).toBeInTheDocument();
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('keeps the note typed when the review does not go through', async () => {
    load.mockResolvedValueOnce(forStaff);
    review.mockRejectedValueOnce(new ApiError(NETWORK_ERROR, NETWORK_ERROR_MESSAGE, 0));
    render(<WorkRequestPage />);
    await reviewSection();

    const note = await typeInto(NOTE, '含辱骂内容');
    fireEvent.click(screen.getByText('不予转交'));

    expect(await screen.findByText(`! ${NETWORK_ERROR_MESSAGE}`)).toBeInTheDocument();
    expect(note).toHaveValue('含辱骂内容');
    expect(screen.getByText('不予转交').closest('[role="button"]')).not.toHaveAttribute(
      'aria-disabled',
    );
  });
});

describe('what a cadre reads in place of held content', () => {
  beforeEach(() => {
    restoreSession();
    saveSession(signedIn('cadre', '李明'));
    setRouterParams({ id: '42' });
    load.mockReset();
  });

  const cadreHold = (overrides: Partial<ContentHoldView>) =>
    hold({ reason: null, reviewable: false, ...overrides });

  it('says the text, a photo and the recording are held, without the reason or a form', async () => {
    load.mockResolvedValueOnce(
      requestDetail({
        text: '',
        photos: [photo(61)],
        voice: null,
        contentHolds: [
          cadreHold({}),
          cadreHold({ id: 6, item: 'photo', photoId: 62 }),
          cadreHold({ id: 7, item: 'voice' }),
        ],
      }),
    );
    render(<WorkRequestPage />);

    const body = sectionOf(await screen.findByText('反映的内容'));
    expect(
      within(body).getByText(
        '群众的文字内容正由乡镇工作人员审核，审核通过后显示。可先电话联系群众了解情况。',
      ),
    ).toBeInTheDocument();
    expect(within(body).getByText('有1张照片待审核，审核通过后显示。')).toBeInTheDocument();
    expect(within(body).getByText(/群众的录音正由乡镇工作人员审核/)).toBeInTheDocument();
    expect(body.querySelectorAll('.mq-request-body__photo')).toHaveLength(1);
    expect(screen.queryByText('内容审核')).not.toBeInTheDocument();
    expect(screen.queryByText('放行')).not.toBeInTheDocument();
    expect(screen.queryByText(/辱骂/)).not.toBeInTheDocument();
  });

  it('says when the text and a photo were withheld, and nothing of a released item', async () => {
    load.mockResolvedValueOnce(
      requestDetail({
        text: '',
        photos: [photo(61)],
        contentHolds: [
          cadreHold({ state: 'withheld', reviewedAt: '2026-11-21T03:00:00.000Z' }),
          cadreHold({ id: 6, item: 'photo', photoId: 62, state: 'withheld' }),
          cadreHold({ id: 7, item: 'photo', photoId: 61, state: 'released' }),
        ],
      }),
    );
    render(<WorkRequestPage />);

    const body = sectionOf(await screen.findByText('反映的内容'));
    expect(
      within(body).getByText('经乡镇审核，这段文字不予转交。可电话联系群众了解情况。'),
    ).toBeInTheDocument();
    expect(within(body).getByText('有1张照片经乡镇审核不予转交。')).toBeInTheDocument();
    expect(within(body).queryByText(/待审核/)).not.toBeInTheDocument();
    expect(body.querySelectorAll('.mq-request-body__photo')).toHaveLength(1);
  });

  it('shows the request as before when nothing was held', async () => {
    load.mockResolvedValueOnce(requestDetail());
    render(<WorkRequestPage />);

    const body = sectionOf(await screen.findByText('反映的内容'));
    expect(within(body).getByText(TEXT)).toBeInTheDocument();
    await waitFor(() => expect(body.querySelector('.work-held__line')).toBeNull());
  });
});
