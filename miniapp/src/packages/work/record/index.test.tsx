import Taro from '@tarojs/taro';
import { fireEvent, render, screen } from '@testing-library/react';

import { textareaWith, typeInto } from '../../../../test/dom';
import { confirmationTicket, requestDetail } from '../../../../test/fixtures';
import { signedIn } from '../../../../test/sessions';
import { setRouterParams, storage } from '../../../../test/taro-mock';
import { householdDetail } from '../../../../test/household-fixtures';
import { getMyHousehold } from '../../../services/api/households';
import { fileOnBehalf, recordOnSpot } from '../../../services/api/requests';
import { ApiError, NETWORK_ERROR, NETWORK_ERROR_MESSAGE } from '../../../services/http';
import { restoreSession, saveSession } from '../../../services/session';
import { takeTicket } from '../components/ticket-handoff';
import { recordDraftKey, type RecordDraft } from './draft';
import RecordPage from './index';

jest.mock('../../../services/api/requests', () => ({
  fileOnBehalf: jest.fn(),
  recordOnSpot: jest.fn(),
}));
jest.mock('../../../services/api/photos', () => ({ uploadPhoto: jest.fn() }));
jest.mock('../../../services/api/households', () => ({ getMyHousehold: jest.fn() }));

const onBehalf = jest.mocked(fileOnBehalf);
const onSpot = jest.mocked(recordOnSpot);

const TEXT = '用群众自己的话写：什么地方、什么事、希望怎么解决';
const NOTE = '当场怎么解决的，群众确认时会看到这段话';
const PHONE = '群众本人的11位手机号';
const CADRE_USER_ID = 7;

const networkDown = () => new ApiError(NETWORK_ERROR, NETWORK_ERROR_MESSAGE, 0);
const stored = (mode: RecordDraft['mode']) =>
  storage.get(recordDraftKey(CADRE_USER_ID, mode)) as RecordDraft | undefined;

async function fill() {
  fireEvent.click(screen.getByText('走访代录'));
  fireEvent.click(screen.getByText('实际困难'));
  fireEvent.click(screen.getByText('饮水'));
  await typeInto(TEXT, '三组自来水停了三天');
  fireEvent.input(screen.getByPlaceholderText(PHONE), { target: { value: '138 1234 5678' } });
  fireEvent.click(screen.getByText('已向群众说明个人信息保护说明，群众同意'));
}

beforeEach(() => {
  restoreSession();
  saveSession(signedIn('cadre', '李明'));
  onBehalf.mockReset();
  onSpot.mockReset();
});

describe('代群众登记', () => {
  beforeEach(() => setRouterParams({ mode: 'on_behalf' }));

  it('checks every field with the shared schema and says what is missing under each', async () => {
    render(<RecordPage />);
    await textareaWith(TEXT);

    fireEvent.click(screen.getByText('登记'));

    expect(screen.getByText('请选择是在哪里了解到的')).toBeInTheDocument();
    expect(screen.getByText('请选择诉求类别')).toBeInTheDocument();
    expect(screen.getByText('请填写群众反映的内容')).toBeInTheDocument();
    expect(screen.getByText('请填写手机号')).toBeInTheDocument();
    expect(screen.getByText('请先向群众说明个人信息保护说明，并征得同意')).toBeInTheDocument();
    expect(screen.getByText('! 还有5处没有填好，请看上面红字的提示')).toBeInTheDocument();
    expect(screen.queryByText('当场解决的情况')).not.toBeInTheDocument();
    expect(onBehalf).not.toHaveBeenCalled();
  });

  it('takes the phone as typed (a text field) and refuses a wrong one', async () => {
    render(<RecordPage />);
    await fill();
    fireEvent.input(screen.getByPlaceholderText(PHONE), { target: { value: '1381234' } });

    fireEvent.click(screen.getByText('登记'));

    expect(screen.getByPlaceholderText(PHONE)).toHaveAttribute('type', 'text');
    expect(screen.getByText('手机号格式不对，请输入11位手机号')).toBeInTheDocument();
    expect(onBehalf).not.toHaveBeenCalled();
  });

  it('retries with the same idempotency key, then opens the new request', async () => {
    onBehalf
      .mockRejectedValueOnce(networkDown())
      .mockResolvedValueOnce(requestDetail({ id: 77, channel: 'visit' }));
    render(<RecordPage />);
    await fill();
    const key = stored('on_behalf')?.idempotencyKey;
    expect(key).toEqual(expect.any(String));

    fireEvent.click(screen.getByText('登记'));
    expect(await screen.findByText('! 网络不太好，请检查网络后重试')).toBeInTheDocument();
    expect(screen.getByText(/填写的内容已经保存在手机上/)).toBeInTheDocument();
    expect(await textareaWith(TEXT)).toHaveValue('三组自来水停了三天');
    fireEvent.click(screen.getByText('重新登记'));

    await screen.findByText('正在打开…');
    expect(onBehalf).toHaveBeenCalledTimes(2);
    for (const [input, sentKey] of onBehalf.mock.calls) {
      expect(sentKey).toBe(key);
      expect(input).toEqual({
        channel: 'visit',
        category: 'difficulty',
        subTopic: 'water',
        text: '三组自来水停了三天',
        residentPhone: '13812345678',
        photoIds: [],
        consent: true,
      });
    }
    expect(Taro.redirectTo).toHaveBeenLastCalledWith({
      url: '/packages/work/request/index?id=77&filed=on_behalf',
    });
    expect(stored('on_behalf')).toBeUndefined();
  });

  it("files a corrected draft under a new key after the server's definite refusal", async () => {
    onBehalf
      .mockRejectedValueOnce(
        new ApiError('VALIDATION_FAILED', '填写的内容有误，请按提示修改后再提交', 400, {
          details: [{ field: 'residentPhone', message: '这个手机号不能接收短信' }],
        }),
      )
      .mockResolvedValueOnce(requestDetail({ id: 78 }));
    render(<RecordPage />);
    await fill();

    fireEvent.click(screen.getByText('登记'));

    expect(await screen.findByText('这个手机号不能接收短信')).toBeInTheDocument();
    expect(screen.getByText('! 填写的内容有误，请按提示修改后再提交')).toBeInTheDocument();
    fireEvent.input(screen.getByPlaceholderText(PHONE), { target: { value: '13912345678' } });
    fireEvent.click(screen.getByText('登记'));

    await screen.findByText('正在打开…');
    const [first, second] = onBehalf.mock.calls;
    expect(first?.[1]).toEqual(expect.any(String));
    expect(second?.[1]).toEqual(expect.any(String));
    expect(second?.[1]).not.toBe(first?.[1]);
  });

  it('keeps the draft on the phone, per cadre and mode, and brings it back', async () => {
    const first = render(<RecordPage />);
    await fill();
    expect(stored('on_behalf')).toMatchObject({ channel: 'visit', text: '三组自来水停了三天' });
    first.unmount();

    render(<RecordPage />);

    expect(await textareaWith(TEXT)).toHaveValue('三组自来水停了三天');
    expect(screen.getByText('✓ 走访代录')).toBeInTheDocument();
    expect(screen.getByPlaceholderText(PHONE)).toHaveValue('138 1234 5678');
  });
});

describe('登记当场解决', () => {
  beforeEach(() => setRouterParams({ mode: 'on_spot' }));

  it('asks what was done there and then, and offers no conduct complaint', async () => {
    render(<RecordPage />);
    await fill();

    fireEvent.click(screen.getByText('登记，出示确认码'));

    expect(screen.getByText('请填写当场解决的情况')).toBeInTheDocument();
    expect(screen.queryByText('干部作风')).not.toBeInTheDocument();
    expect(onSpot).not.toHaveBeenCalled();
    expect(Taro.setNavigationBarTitle).toHaveBeenCalledWith({ title: '登记当场解决' });
  });

  it('records it and opens the request with the confirmation code handed along', async () => {
    const ticket = confirmationTicket();
    onSpot.mockResolvedValueOnce({
      request: requestDetail({ id: 81, status: 'pending_confirmation' }),
      confirmation: ticket,
    });
    render(<RecordPage />);
    await fill();
    await typeInto(NOTE, '已联系供水站当场恢复供水');

    // Like any resolution, it needs its line for the village board.
    fireEvent.click(screen.getByText('登记，出示确认码'));
    expect(screen.getByText('请填写公示摘要')).toBeInTheDocument();
    expect(onSpot).not.toHaveBeenCalled();
    fireEvent.input(screen.getByPlaceholderText('比如：老人家里老化的电线已更换'), {
      target: { value: '三组恢复供水' },
    });
    fireEvent.click(screen.getByText('登记，出示确认码'));

    await screen.findByText('正在打开…');
    expect(onSpot).toHaveBeenCalledWith(
      expect.objectContaining({
        note: '已联系供水站当场恢复供水',
        publicSummary: '三组恢复供水',
        residentPhone: '13812345678',
      }),
      expect.any(String),
    );
    expect(Taro.redirectTo).toHaveBeenLastCalledWith({
      url: '/packages/work/request/index?id=81&filed=on_spot',
    });
    expect(takeTicket(81)).toEqual(ticket);
  });
});

describe('from a visit (走访日记)', () => {
  beforeEach(() => {
    setRouterParams({ mode: 'on_behalf', visitId: '501', householdId: '31' });
    jest.mocked(getMyHousehold).mockReset().mockResolvedValue(householdDetail());
  });

  it('names the household, fills in its phone, and files on the visit channel with the visit', async () => {
    onBehalf.mockResolvedValueOnce(requestDetail({ id: 78, channel: 'visit' }));
    render(<RecordPage />);
    expect(await screen.findByText('红星村三组12号 · 户主周玉芬')).toBeInTheDocument();
    expect(screen.getByText('在哪里了解到的：入户走访')).toBeInTheDocument();
    expect(screen.queryByText('走访代录')).not.toBeInTheDocument();
    expect(screen.getByPlaceholderText(PHONE)).toHaveValue('13900000001');
    fireEvent.click(screen.getByText('实际困难'));
    fireEvent.click(screen.getByText('饮水'));
    await typeInto(TEXT, '家里的井水浑浊，想通自来水');
    fireEvent.click(screen.getByText('已向群众说明个人信息保护说明，群众同意'));
    fireEvent.click(screen.getByText('登记'));
    await screen.findByText('正在打开…');
    expect(onBehalf).toHaveBeenCalledWith(
      {
        channel: 'visit',
        category: 'difficulty',
        subTopic: 'water',
        text: '家里的井水浑浊，想通自来水',
        residentPhone: '13900000001',
        photoIds: [],
        consent: true,
        visitId: 501,
      },
      expect.any(String),
    );
    // Its own draft: the plain 代填 draft is left as it was.
    expect(storage.has(recordDraftKey(CADRE_USER_ID, 'on_behalf'))).toBe(false);
  });
});
