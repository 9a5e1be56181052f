import Taro from '@tarojs/taro';
import { ERRORS } from '@mqlk/shared';
import { fireEvent, render, screen, within } from '@testing-library/react';

import { typeInto } from '../../../../test/dom';
import {
  cadreDetail,
  officeCadre,
  officeCard,
  pageOf,
  unitTree,
} from '../../../../test/office-fixtures';
import { signedIn } from '../../../../test/sessions';
import { setRouterParams } from '../../../../test/taro-mock';
import {
  deactivateCadre,
  getCadre,
  getUnits,
  listCadres,
  removeCadrePhoto,
  revokeCard,
  transferPost,
  updateCadre,
  uploadCadrePhoto,
} from '../../../services/api/office';
import { pickPhotos } from '../../../platform/image';
import { ApiError } from '../../../services/http';
import { restoreSession, saveSession } from '../../../services/session';
import CadrePage from './index';

jest.mock('../../../platform/image', () => ({ pickPhotos: jest.fn() }));
jest.mock('../../../services/api/office', () => ({
  getCadre: jest.fn(),
  getUnits: jest.fn(),
  listCadres: jest.fn(),
  transferPost: jest.fn(),
  updateCadre: jest.fn(),
  deactivateCadre: jest.fn(),
  issueCard: jest.fn(),
  uploadCadrePhoto: jest.fn(),
  removeCadrePhoto: jest.fn(),
  revokeCard: jest.fn(),
  downloadCardSheet: jest.fn(),
}));

const detail = jest.mocked(getCadre);
const units = jest.mocked(getUnits);
const cadres = jest.mocked(listCadres);
const transfer = jest.mocked(transferPost);
const update = jest.mocked(updateCadre);
const deactivate = jest.mocked(deactivateCadre);
const revoke = jest.mocked(revokeCard);
const pick = jest.mocked(pickPhotos);
const uploadPhoto = jest.mocked(uploadCadrePhoto);
const removePhoto = jest.mocked(removeCadrePhoto);

const zhang = officeCadre();
const li = officeCadre({
  id: 12,
  userId: 22,
  name: '李四',
  post: '包村干部',
  unitName: '前进村',
  unitId: 4,
});

function type(placeholder: string, value: string) {
  fireEvent.input(screen.getByPlaceholderText(placeholder), { target: { value } });
}

async function openCadre() {
  saveSession(signedIn('staff'));
  setRouterParams({ id: '11' });
  render(<CadrePage />);
  await screen.findByText('基本信息');
}

beforeEach(() => {
  restoreSession();
  for (const mock of [detail, units, cadres, transfer, update, deactivate, revoke, pick])
    mock.mockReset();
  uploadPhoto.mockReset();
  removePhoto.mockReset();
  detail.mockResolvedValue(cadreDetail());
  units.mockResolvedValue(unitTree());
  cadres.mockResolvedValue(pageOf([zhang, li]));
  jest.mocked(Taro.navigateTo).mockClear();
});

describe('事随人转', () => {
  it('picks a successor in the same township and says in full what will happen before doing it', async () => {
    transfer.mockResolvedValueOnce({
      from: officeCadre({ active: false, successorName: '李四', openRequests: 0, activeCards: 0 }),
      to: li,
      movedRequests: 2,
      cards: 1,
      movedHouseholds: 3,
    });
    await openCadre();

    fireEvent.click(screen.getByText('事随人转…'));
    await screen.findByText('○ 李四');
    // Only the township's active cadres, and never the cadre themself.
    expect(cadres).toHaveBeenCalledWith({ active: true, unitId: 2 }, 1, 100);
    const choices = document.querySelector('.cadre-page__candidates') as HTMLElement;
    expect(within(choices).queryByText(/张三/)).not.toBeInTheDocument();

    fireEvent.click(screen.getByText('下一步'));
    expect(screen.getByText('请选择接任的干部')).toBeInTheDocument();
    expect(transfer).not.toHaveBeenCalled();

    fireEvent.click(within(choices).getByText(/李四/));
    fireEvent.click(screen.getByText('下一步'));

    expect(screen.getByText('确定事随人转吗？')).toBeInTheDocument();
    expect(
      screen.getByText(
        '张三 的联系卡、结对的联户和 2 条未办结诉求将转给 李四，历史评价和走访记录仍归张三。',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText(/原联系人张三已调整，现由\s*李四联系/)).toBeInTheDocument();
    expect(transfer).not.toHaveBeenCalled();

    fireEvent.click(screen.getByText('确定转给李四'));

    expect(
      await screen.findByText(
        /已事随人转：张三的1张联系卡、3\s*户结对联户和2条未办结诉求已转给李四/,
      ),
    ).toBeInTheDocument();
    expect(transfer).toHaveBeenCalledWith(11, { successorCadreId: 12, note: '' });
    fireEvent.click(screen.getByText('打开李四的页面'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/office/cadre/index?id=12' });
  });

  it("shows the server's refusal in the confirmation, and 再想想 goes back without sending", async () => {
    transfer.mockRejectedValueOnce(
      new ApiError('SUCCESSOR_INVALID', ERRORS.SUCCESSOR_INVALID.message, 409),
    );
    await openCadre();
    fireEvent.click(screen.getByText('事随人转…'));
    fireEvent.click(await screen.findByText(/李四/));
    fireEvent.click(screen.getByText('下一步'));

    fireEvent.click(screen.getByText('确定转给李四'));
    expect(await screen.findByText(`! ${ERRORS.SUCCESSOR_INVALID.message}`)).toBeInTheDocument();

    fireEvent.click(screen.getByText('再想想'));
    expect(screen.queryByText('确定事随人转吗？')).not.toBeInTheDocument();
    expect(transfer).toHaveBeenCalledTimes(1);
  });
});

describe('CadrePage', () => {
  it('keeps what was typed when the server refuses an edit, with its message at the field', async () => {
    update.mockRejectedValueOnce(
      new ApiError('VALIDATION_FAILED', ERRORS.VALIDATION_FAILED.message, 400, {
        details: [{ field: 'phone', message: '这个手机号已经是另一位在岗干部的了' }],
      }),
    );
    await openCadre();

    type('例如：网格员、包村干部、驻村第一书记', '村委委员');
    type('11位手机号，印在联系卡上', '13900139000');
    fireEvent.click(screen.getByText('保存修改'));

    expect(await screen.findByText('这个手机号已经是另一位在岗干部的了')).toBeInTheDocument();
    expect(screen.getByText(`! ${ERRORS.VALIDATION_FAILED.message}`)).toBeInTheDocument();
    expect(screen.getByPlaceholderText('例如：网格员、包村干部、驻村第一书记')).toHaveValue(
      '村委委员',
    );
    expect(update).toHaveBeenCalledWith(
      11,
      expect.objectContaining({ post: '村委委员', phone: '13900139000', unitId: 3 }),
    );
  });

  it('asks before stopping a card, and re-issues it when ticked', async () => {
    revoke.mockResolvedValueOnce({
      revoked: officeCard({ status: 'revoked', revokeReason: '卡片丢失' }),
      issued: officeCard({ id: 32, code: 'Zx9Yw8Vu7Ts6R' }),
    });
    await openCadre();

    fireEvent.click(screen.getByText('停用'));
    fireEvent.click(screen.getByText('下一步'));
    expect(screen.getByText('请填写停用原因')).toBeInTheDocument();

    type('例如：群众反映卡片丢失', '卡片丢失');
    fireEvent.click(screen.getByText('同时补发新卡（扫旧卡的人会被引到新卡）'));
    fireEvent.click(screen.getByText('下一步'));
    expect(screen.getByText('确定停用联系卡 Ab3dEf6hJk9mN 吗？')).toBeInTheDocument();
    fireEvent.click(screen.getByText('确定停用并补发'));

    expect(
      await screen.findByText(/已停用 Ab3dEf6hJk9mN，补发的新卡 Zx9Yw8Vu7Ts6R 已签发/),
    ).toBeInTheDocument();
    expect(revoke).toHaveBeenCalledWith(31, { reason: '卡片丢失', reissue: true });
  });

  it("says the server's reason when a cadre with open requests cannot be stopped", async () => {
    deactivate.mockRejectedValueOnce(
      new ApiError('CADRE_HAS_OPEN_WORK', ERRORS.CADRE_HAS_OPEN_WORK.message, 409),
    );
    await openCadre();

    fireEvent.click(screen.getByText('停用干部…'));
    expect(screen.getByText(/张三还有2\s*条未办结的诉求/)).toBeInTheDocument();
    const fold = screen.getByText('停用原因').closest('.cadre-page__fold') as HTMLElement;
    await typeInto('例如：退休、辞职', '退休');
    fireEvent.click(within(fold).getByText('下一步'));
    fireEvent.click(await within(fold).findByText('确定停用'));

    expect(await screen.findByText(`! ${ERRORS.CADRE_HAS_OPEN_WORK.message}`)).toBeInTheDocument();
    expect(deactivate).toHaveBeenCalledWith(11, { reason: '退休' });
  });
});

describe('照片', () => {
  it('uploads the chosen photo with its progress, shows it, and says why a file was refused', async () => {
    pick.mockResolvedValue(['blob:photo-1']);
    uploadPhoto.mockRejectedValueOnce(
      new ApiError('UNSUPPORTED_MEDIA_TYPE', ERRORS.UNSUPPORTED_MEDIA_TYPE.message, 415),
    );
    await openCadre();
    expect(screen.getByText('还没有照片')).toBeInTheDocument();

    fireEvent.click(screen.getByText('上传照片'));
    expect(
      await screen.findByText(`! ${ERRORS.UNSUPPORTED_MEDIA_TYPE.message}`),
    ).toBeInTheDocument();
    expect(screen.getByText('还没有照片')).toBeInTheDocument();

    let finish: (cadre: ReturnType<typeof officeCadre>) => void = () => {};
    uploadPhoto.mockImplementationOnce((_id, _path, onProgress) => {
      onProgress?.(40);
      return new Promise((resolve) => (finish = resolve));
    });
    fireEvent.click(screen.getByText('上传照片'));
    expect(await screen.findByText('正在上传 40%')).toBeInTheDocument();
    finish(officeCadre({ photoUrl: '/api/cadre-photos/a.jpg' }));

    expect(await screen.findByText('✓ 已上传照片，扫卡马上看到')).toBeInTheDocument();
    expect(screen.getByAltText('张三的照片')).toBeInTheDocument();
    expect(screen.getByText('更换照片')).toBeInTheDocument();
    expect(uploadPhoto).toHaveBeenLastCalledWith(11, 'blob:photo-1', expect.any(Function));
  });

  it('asks before removing the photo, and 再想想 keeps it', async () => {
    detail.mockResolvedValue(cadreDetail({ photoUrl: '/api/cadre-photos/a.jpg' }));
    removePhoto.mockResolvedValueOnce(officeCadre({ photoUrl: null }));
    await openCadre();

    fireEvent.click(screen.getByText('删除照片'));
    expect(screen.getByText('确定删除这张照片吗？')).toBeInTheDocument();
    fireEvent.click(screen.getByText('再想想'));
    expect(removePhoto).not.toHaveBeenCalled();

    fireEvent.click(screen.getByText('删除照片'));
    const box = screen.getByText('确定删除这张照片吗？').closest('.office-confirm') as HTMLElement;
    fireEvent.click(within(box).getByText('删除照片'));
    expect(await screen.findByText('✓ 已删除照片，联系卡上不再显示照片')).toBeInTheDocument();
    expect(screen.getByText('还没有照片')).toBeInTheDocument();
    expect(removePhoto).toHaveBeenCalledWith(11);
  });
});
