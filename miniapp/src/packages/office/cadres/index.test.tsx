import Taro from '@tarojs/taro';
import { ERRORS, type ImportResult } from '@mqlk/shared';
import { act, fireEvent, render, screen, within } from '@testing-library/react';

import { typeInto } from '../../../../test/dom';
import { officeCadre, pageOf, unitTree } from '../../../../test/office-fixtures';
import { signedIn } from '../../../../test/sessions';
import { pickSpreadsheet } from '../../../platform/spreadsheet';
import type { PickedFile } from '../../../platform/spreadsheet-common';
import { createCadre, getUnits, importCadres, listCadres } from '../../../services/api/office';
import { ApiError } from '../../../services/http';
import { restoreSession, saveSession } from '../../../services/session';
import CadresPage from './index';

jest.mock('../../../services/api/office', () => ({
  getUnits: jest.fn(),
  listCadres: jest.fn(),
  createCadre: jest.fn(),
  importCadres: jest.fn(),
  downloadImportTemplate: jest.fn(),
}));
jest.mock('../../../platform/spreadsheet', () => ({ pickSpreadsheet: jest.fn() }));

const units = jest.mocked(getUnits);
const cadres = jest.mocked(listCadres);
const create = jest.mocked(createCadre);
const upload = jest.mocked(importCadres);
const pick = jest.mocked(pickSpreadsheet);

function type(placeholder: string, value: string) {
  fireEvent.input(screen.getByPlaceholderText(placeholder), { target: { value } });
}

/** The form field under a label (the list's columns carry the same words). */
const fieldOf = (label: string) => {
  const labels = screen.getAllByText(label).filter((el) => el.classList.contains('mq-label'));
  const field = labels[0]?.closest('.mq-field');
  if (!(field instanceof HTMLElement)) throw new Error(`no field ${label}`);
  return field;
};

async function openPage() {
  saveSession(signedIn('staff'));
  render(<CadresPage />);
  await screen.findByText('张三');
}

beforeEach(() => {
  restoreSession();
  for (const mock of [units, cadres, create, upload, pick]) mock.mockReset();
  units.mockResolvedValue(unitTree());
  cadres.mockResolvedValue(pageOf([officeCadre()]));
  jest.mocked(Taro.navigateTo).mockClear();
});

describe('CadresPage', () => {
  it('lists the cadres in post with their unit, masked phone, cards and open requests', async () => {
    await openPage();

    expect(cadres).toHaveBeenCalledWith({ active: true }, 1);
    const row = screen.getByText('张三').closest('.office-table__row') as HTMLElement;
    expect(within(row).getByText('138****8000')).toBeInTheDocument();
    expect(within(row).getByText('1张')).toBeInTheDocument();
    expect(within(row).getByText('2件')).toBeInTheDocument();

    fireEvent.click(within(row).getByText('张三'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/office/cadre/index?id=11' });
  });

  it('searches and filters', async () => {
    await openPage();

    type('搜索姓名、职务或登录账号', ' 网格 ');
    fireEvent.click(screen.getByText('搜索'));
    fireEvent.click(screen.getByText('全部'));

    await screen.findByText('张三');
    expect(cadres).toHaveBeenLastCalledWith({ q: '网格' }, 1);
  });

  it('says what is wrong next to each field of a new cadre and keeps what was typed', async () => {
    await openPage();
    fireEvent.click(screen.getByText('＋ 新增干部'));

    type('例如：张建国', '李四');
    type('11位手机号，印在联系卡上', '1380013');
    fireEvent.click(screen.getByText('保存，生成初始密码'));

    expect(within(fieldOf('所属单位')).getByText('请选择所属单位')).toBeInTheDocument();
    expect(within(fieldOf('职务')).getByText('请填写职务')).toBeInTheDocument();
    expect(
      within(fieldOf('手机号')).getByText('手机号格式不对，请输入11位手机号'),
    ).toBeInTheDocument();
    expect(within(fieldOf('登录账号')).getByText('请填写登录账号')).toBeInTheDocument();
    expect(screen.getByText(/还有\d处没有填好/)).toBeInTheDocument();
    expect(screen.getByPlaceholderText('例如：张建国')).toHaveValue('李四');
    expect(screen.getByPlaceholderText('11位手机号，印在联系卡上')).toHaveValue('1380013');
    expect(create).not.toHaveBeenCalled();

    // Fixing a field takes its message away.
    type('11位手机号，印在联系卡上', '138 0013 9000');
    expect(within(fieldOf('手机号')).queryByText(/手机号格式不对/)).not.toBeInTheDocument();
  });

  it("keeps the form and shows the server's message beside the field it is about", async () => {
    create.mockRejectedValueOnce(
      new ApiError('USERNAME_TAKEN', ERRORS.USERNAME_TAKEN.message, 409, {
        details: [{ field: 'username', message: '这个登录账号已经有人用了，请换一个' }],
      }),
    );
    create.mockResolvedValueOnce({
      cadre: officeCadre({ id: 12, name: '李四', username: 'li.si2' }),
      initialPassword: 'K7mQ2xR9pT',
    });
    await openPage();
    fireEvent.click(screen.getByText('＋ 新增干部'));

    const form = within(document.querySelector('.new-cadre') as HTMLElement);
    fireEvent.click(form.getByText('请选择村（社区）、网格或乡镇'));
    // A retired village is shown, greyed, and cannot be chosen.
    expect(form.getByText('老庄村').closest('.office-units-chooser__option')).toHaveClass(
      'is-disabled',
    );
    fireEvent.click(form.getByText('老庄村'));
    expect(form.getByText('乡镇（街道）')).toBeInTheDocument();
    fireEvent.click(form.getByText('红星村'));
    expect(form.getByText('红星村').closest('.office-units-chooser__current')).toBeInTheDocument();
    type('例如：张建国', '李四');
    type('例如：网格员、包村干部、驻村第一书记', '网格员');
    type('11位手机号，印在联系卡上', '13800139000');
    type('例如：每周一、周四在村委会', '每周二');
    await typeInto('例如：负责红星村三组、四组的民情走访和矛盾调解', '负责三组的走访');
    type('4到32位字母、数字或 _ . -，例如 zhang.jg', 'li.si');
    fireEvent.click(screen.getByText('保存，生成初始密码'));

    expect(await screen.findByText('! 这个登录账号已经有人用了，请换一个')).toBeInTheDocument();
    expect(
      within(fieldOf('登录账号')).getByText('这个登录账号已经有人用了，请换一个'),
    ).toBeInTheDocument();
    expect(create).toHaveBeenCalledWith({
      unitId: 3,
      name: '李四',
      post: '网格员',
      phone: '13800139000',
      duties: '负责三组的走访',
      dutyDays: '每周二',
      username: 'li.si',
    });
    expect(screen.getByPlaceholderText('例如：张建国')).toHaveValue('李四');

    type('4到32位字母、数字或 _ . -，例如 zhang.jg', 'li.si2');
    fireEvent.click(screen.getByText('保存，生成初始密码'));

    expect(await screen.findByText('K7mQ2xR9pT')).toBeInTheDocument();
    expect(screen.getByText(/请抄下来交给本人，首次登录须修改/)).toBeInTheDocument();
    expect(screen.getByText('李四 · 登录账号 li.si2')).toBeInTheDocument();
    expect(cadres).toHaveBeenCalledTimes(2);
  });
});

describe('导入 Excel', () => {
  const file: PickedFile = { name: '红星村干部.xlsx', size: 20_480, open: jest.fn() };
  const result: ImportResult = {
    created: 1,
    updated: 2,
    unchanged: 3,
    accounts: [{ name: '王五', username: 'wang.wu', initialPassword: 'P4ssW0rdXy' }],
  };

  it('shows every row problem in a table, keeps the file, and uploads it again once fixed', async () => {
    pick.mockResolvedValueOnce(file);
    upload
      .mockRejectedValueOnce(
        new ApiError('IMPORT_INVALID', ERRORS.IMPORT_INVALID.message, 400, {
          details: [
            {
              field: 'rows.5.username',
              message: '第5行「登录账号」：登录账号为4到32位字母、数字或 _ . -',
            },
            { field: 'rows.3.phone', message: '第3行「手机号」：手机号格式不对，请输入11位手机号' },
            { field: 'rows.4.unitId', message: '没有找到单位“红心村”（或已撤销），请核对名称' },
          ],
        }),
      )
      .mockResolvedValueOnce(result);
    await openPage();
    fireEvent.click(screen.getByText('导入 Excel'));

    await act(async () => {
      fireEvent.click(screen.getByText('选择文件（.xlsx）'));
    });
    expect(screen.getByText('已选：红星村干部.xlsx（20 KB）')).toBeInTheDocument();
    fireEvent.click(screen.getByText('上传并导入'));

    expect(await screen.findByText(`! ${ERRORS.IMPORT_INVALID.message}`)).toBeInTheDocument();
    expect(
      screen.getByText('共3处要修改。在 Excel 里改好、保存后，点“重新上传”。'),
    ).toBeInTheDocument();
    const rows = [
      ...document.querySelectorAll(
        '.import-panel__issues .office-table__row:not(.office-table__head)',
      ),
    ];
    expect(
      rows.map((r) => [...r.querySelectorAll('.office-table__value')].map((c) => c.textContent)),
    ).toEqual([
      ['第3行', '手机号', '手机号格式不对，请输入11位手机号'],
      ['第4行', '所属单位', '没有找到单位“红心村”（或已撤销），请核对名称'],
      ['第5行', '登录账号', '登录账号为4到32位字母、数字或 _ . -'],
    ]);
    expect(screen.getByText('已选：红星村干部.xlsx（20 KB）')).toBeInTheDocument();

    fireEvent.click(screen.getByText('重新上传'));

    expect(
      await screen.findByText('✓ 导入完成：新增1位，更新2位，没有变化3位。'),
    ).toBeInTheDocument();
    expect(screen.getByText('P4ssW0rdXy')).toBeInTheDocument();
    expect(screen.getByText('王五 · 登录账号 wang.wu')).toBeInTheDocument();
    expect(screen.queryByText(/共3处要修改/)).not.toBeInTheDocument();
    expect(upload).toHaveBeenCalledTimes(2);
    expect(upload.mock.calls[1]![0]).toBe(file);
  });

  it('refuses a file that is not .xlsx before uploading it', async () => {
    pick.mockResolvedValueOnce({ ...file, name: '干部.xls' });
    await openPage();
    fireEvent.click(screen.getByText('导入 Excel'));

    await act(async () => {
      fireEvent.click(screen.getByText('选择文件（.xlsx）'));
    });

    expect(screen.getByText(/“干部.xls”不是 .xlsx 文件/)).toBeInTheDocument();
    expect(screen.queryByText('上传并导入')).not.toBeInTheDocument();
  });
});
