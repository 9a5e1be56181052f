import Taro from '@tarojs/taro';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';

import { CARD_CODE, requestDetail, residentSession } from '../../../../test/fixtures';
import { setRouterParams, storage } from '../../../../test/taro-mock';
import { askSubscription, prefetchSubscribeTemplates } from '../../../platform/subscribe';
import { sendSmsCode, smsSignIn } from '../../../services/api/auth';
import { submitRequest } from '../../../services/api/requests';
import { ApiError, NETWORK_ERROR, NETWORK_ERROR_MESSAGE } from '../../../services/http';
import { restoreSession, saveSession } from '../../../services/session';
import { draftStorageKey, type Draft } from './draft';
import SubmitPage from './index';

jest.mock('../../../services/api/requests', () => ({ submitRequest: jest.fn() }));
jest.mock('../../../services/api/auth', () => ({
  sendSmsCode: jest.fn(),
  smsSignIn: jest.fn(),
  wechatSignIn: jest.fn(),
}));
jest.mock('../../../services/api/photos', () => ({ uploadPhoto: jest.fn() }));
jest.mock('../../../platform/subscribe', () => ({
  askSubscription: jest.fn(() => Promise.resolve()),
  prefetchSubscribeTemplates: jest.fn(),
}));

const submit = jest.mocked(submitRequest);
const sendCode = jest.mocked(sendSmsCode);
const signInBySms = jest.mocked(smsSignIn);
const subscribe = jest.mocked(askSubscription);

const resident = residentSession({ phoneMasked: '138****5678' });

const networkDown = () => new ApiError(NETWORK_ERROR, NETWORK_ERROR_MESSAGE, 0);
const storedDraft = () => storage.get(draftStorageKey(CARD_CODE)) as Draft | undefined;
// Taro's Textarea is a web component that renders its <textarea> a moment after mounting.
const textarea = () =>
  waitFor(() => {
    const element = document.querySelector('textarea');
    if (!element) throw new Error('no textarea yet');
    return element;
  });

async function fillForm(text = '三组的自来水停了三天了，老人挑水很困难') {
  fireEvent.click(screen.getByText('实际困难'));
  fireEvent.click(screen.getByText('饮水'));
  fireEvent.input(await textarea(), { target: { value: text } });
  fireEvent.click(screen.getByText(/我已阅读并同意/));
}

const tapSubmit = () => fireEvent.click(screen.getByText(/^(重新)?提交$/));

beforeEach(() => {
  restoreSession();
  setRouterParams({ cardCode: CARD_CODE });
  submit.mockReset();
  sendCode.mockReset();
  signInBySms.mockReset();
  subscribe.mockClear();
});

describe('SubmitPage', () => {
  it("checks the form with the shared schema and shows each field's message under it", async () => {
    saveSession(resident);
    render(<SubmitPage />);

    fireEvent.input(await textarea(), { target: { value: '路灯坏' } });
    tapSubmit();

    expect(screen.getByText('请选择诉求类别')).toBeInTheDocument();
    expect(screen.getByText('诉求内容至少要5个字，现在只有3个字')).toBeInTheDocument();
    expect(screen.getByText('请先阅读并同意个人信息保护说明')).toBeInTheDocument();
    expect(screen.getByText('! 还有3处没有填好，请看上面红字的提示')).toBeInTheDocument();
    expect(submit).not.toHaveBeenCalled();
    expect(subscribe).not.toHaveBeenCalled();
  });

  it('counts characters as the server does while the resident types', async () => {
    saveSession(resident);
    render(<SubmitPage />);

    fireEvent.input(await textarea(), { target: { value: '  路灯坏了😀  ' } });

    expect(screen.getByText('已写5字（至少5字，最多1000字）')).toBeInTheDocument();
  });

  it('keeps the draft on the phone and brings it back when the page opens again', async () => {
    saveSession(resident);
    const first = render(<SubmitPage />);
    await fillForm('村口的路灯坏了一个月');

    expect(storedDraft()).toMatchObject({
      cardCode: CARD_CODE,
      category: 'difficulty',
      subTopic: 'water',
      text: '村口的路灯坏了一个月',
      consent: true,
    });
    first.unmount();

    render(<SubmitPage />);
    expect(await textarea()).toHaveValue('村口的路灯坏了一个月');
    expect(screen.getByText('✓ 实际困难')).toBeInTheDocument();
    expect(screen.getByText('✓ 饮水')).toBeInTheDocument();
  });

  it('retries with the same idempotency key, so a retry never files twice', async () => {
    saveSession(resident);
    submit
      .mockRejectedValueOnce(networkDown())
      .mockRejectedValueOnce(networkDown())
      .mockResolvedValueOnce(requestDetail({ id: 42, number: 'MQ-20261121-0042' }));
    render(<SubmitPage />);
    await fillForm();
    const key = storedDraft()?.idempotencyKey;

    tapSubmit();
    expect(await screen.findByText('! 网络不太好，请检查网络后重试')).toBeInTheDocument();
    expect(screen.getByText(/您填写的内容已经保存在手机上/)).toBeInTheDocument();
    expect(await textarea()).toHaveValue('三组的自来水停了三天了，老人挑水很困难');

    tapSubmit();
    await waitFor(() => expect(submit).toHaveBeenCalledTimes(2));
    tapSubmit();

    expect(await screen.findByText('MQ-20261121-0042')).toBeInTheDocument();
    expect(screen.getByText('提交成功')).toBeInTheDocument();
    expect(submit).toHaveBeenCalledTimes(3);
    for (const [input, sentKey] of submit.mock.calls) {
      expect(sentKey).toBe(key);
      expect(input).toEqual({
        cardCode: CARD_CODE,
        category: 'difficulty',
        subTopic: 'water',
        text: '三组的自来水停了三天了，老人挑水很困难',
        photoIds: [],
        consent: true,
      });
    }
    expect(storedDraft()).toBeUndefined();

    fireEvent.click(screen.getByText('查看这件事的进展'));
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/resident/request/index?id=42' });
  });

  it("shows the server's refusal, keeps what was typed, and files the fix under a new key", async () => {
    saveSession(resident);
    submit.mockRejectedValueOnce(
      new ApiError('VALIDATION_FAILED', '填写的内容有误，请按提示修改后再提交', 400, {
        details: [{ field: 'contactPhone', message: '手机号格式不对，请输入11位手机号' }],
      }),
    );
    render(<SubmitPage />);
    await fillForm();
    const firstKey = storedDraft()?.idempotencyKey;

    tapSubmit();

    expect(await screen.findByText('! 填写的内容有误，请按提示修改后再提交')).toBeInTheDocument();
    expect(screen.getByText('手机号格式不对，请输入11位手机号')).toBeInTheDocument();
    expect(await textarea()).toHaveValue('三组的自来水停了三天了，老人挑水很困难');
    await waitFor(() => expect(storedDraft()?.idempotencyKey).not.toBe(firstKey));
  });

  it('asks a browser resident for an SMS code at submit, then files the request', async () => {
    sendCode.mockResolvedValueOnce({
      phoneMasked: '139****0000',
      resendAfterSeconds: 60,
      devCode: '246810',
    });
    signInBySms.mockResolvedValueOnce({ ...resident, token: 'tok-new' });
    submit.mockResolvedValueOnce(requestDetail());
    render(<SubmitPage />);
    await fillForm();

    tapSubmit();
    expect(screen.getByText('请填写手机号')).toBeInTheDocument();
    expect(submit).not.toHaveBeenCalled();

    fireEvent.input(screen.getByPlaceholderText('请输入11位手机号'), {
      target: { value: '13900000000' },
    });
    fireEvent.click(screen.getByText('获取验证码'));
    expect(await screen.findByText('测试环境验证码：246810')).toBeInTheDocument();
    expect(screen.getByText('60秒后重发')).toBeInTheDocument();
    expect(sendCode).toHaveBeenCalledWith({ phone: '13900000000' });

    fireEvent.input(screen.getByPlaceholderText('6位数字'), { target: { value: '246810' } });
    tapSubmit();

    expect(await screen.findByText('提交成功')).toBeInTheDocument();
    expect(signInBySms).toHaveBeenCalledWith({ phone: '13900000000', code: '246810' });
    expect(submit).toHaveBeenCalledTimes(1);
  });

  it('without a card, points the resident to scanning one', async () => {
    setRouterParams({});

    render(<SubmitPage />);

    expect(screen.getByText('请先扫描干部的联系卡')).toBeInTheDocument();
  });

  it('asks for progress messages within the 提交 tap, before anything is awaited', async () => {
    saveSession(resident);
    let filed: (detail: ReturnType<typeof requestDetail>) => void = () => undefined;
    submit.mockReturnValueOnce(new Promise((resolve) => (filed = resolve)));
    render(<SubmitPage />);
    expect(prefetchSubscribeTemplates).toHaveBeenCalled();
    await fillForm();

    tapSubmit();

    // Synchronously inside the tap: WeChat refuses the dialog once the handler has awaited.
    expect(subscribe).toHaveBeenCalledWith(['progress']);
    expect(submit).not.toHaveBeenCalled();
    await waitFor(() => expect(submit).toHaveBeenCalledTimes(1));
    expect(subscribe.mock.invocationCallOrder[0]).toBeLessThan(submit.mock.invocationCallOrder[0]!);
    await act(async () => filed(requestDetail()));
    expect(screen.getByText('提交成功')).toBeInTheDocument();
    expect(subscribe).toHaveBeenCalledTimes(1);
  });
});
