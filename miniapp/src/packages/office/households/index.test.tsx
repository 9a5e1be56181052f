import Taro from '@tarojs/taro';
import { ERRORS } from '@mqlk/shared';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';

import { typeInto } from '../../../../test/dom';
import {
  coverageRow,
  household,
  officeCadre,
  officeCard,
  pageOf,
  unitTree,
  visitCoverage,
} from '../../../../test/office-fixtures';
import { signedIn } from '../../../../test/sessions';
import { getUnits, listCadres } from '../../../services/api/office';
import {
  createHousehold,
  getHousehold,
  getVisitCoverage,
  issueHelpCard,
  listHouseholds,
  listUnvisited,
  moveHousehold,
  updateHousehold,
} from '../../../services/api/office-households';
import { ApiError } from '../../../services/http';
import { restoreSession, saveSession } from '../../../services/session';
import { recentQuarters } from './coverage';
import HouseholdsPage from './index';

jest.mock('../../../services/api/office', () => ({
  getUnits: jest.fn(),
  listCadres: jest.fn(),
}));
jest.mock('../../../services/api/office-households', () => ({
  listHouseholds: jest.fn(),
  createHousehold: jest.fn(),
  getHousehold: jest.fn(),
  updateHousehold: jest.fn(),
  moveHousehold: jest.fn(),
  getVisitCoverage: jest.fn(),
  listUnvisited: jest.fn(),
  issueHelpCard: jest.fn(),
}));

const units = jest.mocked(getUnits);
const cadres = jest.mocked(listCadres);
const list = jest.mocked(listHouseholds);
const create = jest.mocked(createHousehold);
const detail = jest.mocked(getHousehold);
const update = jest.mocked(updateHousehold);
const move = jest.mocked(moveHousehold);
const coverage = jest.mocked(getVisitCoverage);
const unvisited = jest.mocked(listUnvisited);

const type = (placeholder: string, value: string) =>
  fireEvent.input(screen.getByPlaceholderText(placeholder), { target: { value } });

/** The form field under a label (the table's columns carry some of the same words). */
const fieldOf = (label: string) => {
  const labels = screen.getAllByText(label).filter((el) => el.classList.contains('mq-label'));
  const field = labels[0]?.closest('.mq-field');
  if (!(field instanceof HTMLElement)) throw new Error(`no field ${label}`);
  return field;
};

const rowOf = (text: string) => {
  const row = screen.getByText(text).closest('.office-table__row');
  if (!(row instanceof HTMLElement)) throw new Error(`no row with ${text}`);
  return row;
};

async function openPage() {
  saveSession(signedIn('staff'));
  render(<HouseholdsPage />);
  await screen.findByText('共1户，点一行查看完整信息、修改或调整结对');
}

beforeEach(() => {
  restoreSession();
  for (const mock of [units, cadres, list, create, detail, update, move, coverage, unvisited]) {
    mock.mockReset();
  }
  units.mockResolvedValue(unitTree());
  cadres.mockResolvedValue(
    pageOf([officeCadre(), officeCadre({ id: 12, name: '李四', post: '包村干部' })]),
  );
  list.mockResolvedValue(pageOf([household()]));
  detail.mockResolvedValue({ household: household(), phone: '13900001234' });
});

describe('联户台账', () => {
  it('lists the households with masked phone, tags, link, last visit and open requests', async () => {
    await openPage();

    expect(list).toHaveBeenCalledWith({}, 1);
    const row = rowOf('红星村三组12号');
    for (const text of ['王秀兰', '139****1234', '3人', '低保', '独居', '张三 · 结亲']) {
      expect(within(row).getByText(text)).toBeInTheDocument();
    }
    expect(within(row).getByText('2026年11月20日')).toBeInTheDocument();
    expect(within(row).getByText('1件')).toBeInTheDocument();
    expect(within(row).getByText('低保')).toHaveClass('household-tag--special');
    expect(screen.queryByText('13900001234')).not.toBeInTheDocument();
  });

  it('loads the next page under the first, and says when all are shown', async () => {
    const first = Array.from({ length: 20 }, (_, i) =>
      household({ id: 100 + i, address: `红星村三组${i + 1}号` }),
    );
    list.mockResolvedValueOnce(pageOf(first, 22));
    list.mockResolvedValueOnce({
      items: [
        household({ id: 200, address: '前进村一组1号', cadreId: null, cadreName: null }),
        household({
          id: 201,
          address: '前进村一组2号',
          pairing: null,
          cadreId: null,
          cadreName: null,
          lastVisitOn: null,
          phoneMasked: null,
          specialGroups: [],
          freeTags: [],
        }),
      ],
      total: 22,
      page: 2,
      pageSize: 20,
    });
    saveSession(signedIn('staff'));
    render(<HouseholdsPage />);

    await screen.findByText('共22户，点一行查看完整信息、修改或调整结对');
    expect(document.querySelectorAll('.office-table__row:not(.office-table__head)')).toHaveLength(
      20,
    );
    fireEvent.click(screen.getByText('加载更多（已显示20条，共22条）'));

    await screen.findByText('前进村一组2号');
    expect(list).toHaveBeenLastCalledWith({}, 2);
    expect(document.querySelectorAll('.office-table__row:not(.office-table__head)')).toHaveLength(
      22,
    );
    const last = rowOf('前进村一组2号');
    expect(within(last).getByText('未结对')).toBeInTheDocument();
    expect(within(last).getByText('从未走访')).toBeInTheDocument();
    expect(within(last).getByText('未留电话')).toBeInTheDocument();
    expect(screen.getByText('共22条，已全部显示')).toBeInTheDocument();
  });

  it('searches and filters by link, special group and cadre', async () => {
    await openPage();

    type('姓名、门牌号或完整手机号', ' 13900001234 ');
    fireEvent.click(screen.getByText('搜索'));
    fireEvent.click(screen.getByText('未结对'));
    fireEvent.click(within(fieldOf('特殊群体')).getByText('五保'));
    await waitFor(() =>
      expect(list).toHaveBeenLastCalledWith(
        { q: '13900001234', linked: false, group: 'five_guarantees' },
        1,
      ),
    );

    fireEvent.click(within(fieldOf('结对干部')).getByText('全部干部'));
    fireEvent.click(await within(fieldOf('结对干部')).findByText('李四'));
    await waitFor(() =>
      expect(list).toHaveBeenLastCalledWith(
        { q: '13900001234', linked: false, group: 'five_guarantees', cadreId: 12 },
        1,
      ),
    );
    expect(cadres).toHaveBeenCalledWith({ active: true }, 1, 100);
  });

  it('says what to do when nothing is registered yet', async () => {
    list.mockResolvedValue(pageOf([]));
    saveSession(signedIn('staff'));
    render(<HouseholdsPage />);

    expect(await screen.findByText(/这里还没有登记联户。点“新增联户”/)).toBeInTheDocument();
    fireEvent.click(screen.getAllByText('从Excel导入')[1]!);
    expect(screen.getByText('从Excel导入联户')).toBeInTheDocument();
    // The import is open: template and file choice both work.
    expect(screen.getByText('选择文件（.xlsx）').closest('.mq-btn')).not.toHaveClass(
      'mq-btn--inactive',
    );
    expect(screen.getByText('下载导入模板').closest('.mq-btn')).not.toHaveClass('mq-btn--inactive');
  });
});

describe('新增联户', () => {
  it('checks every field with the shared schema and says what is wrong in Chinese', async () => {
    await openPage();
    fireEvent.click(screen.getByText('＋ 新增联户'));

    type('户主或家人的11位手机号', '1390000');
    type('例如：4', '2.5');
    type('例如：独居 退役军人', '独居 一 二 三 四 五');
    fireEvent.click(screen.getByText('保存联户'));

    const says = (label: string, message: string) =>
      expect(within(fieldOf(label)).getByText(message)).toBeInTheDocument();
    says('所在村（社区）或网格', '请选择所在的村（社区）或网格');
    says('门牌号', '请填写门牌号');
    says('户主姓名', '请填写户主姓名');
    says('手机号（可不填）', '手机号格式不对，请输入11位手机号');
    says('家庭人口', '家庭人口应为整数');
    expect(screen.getByText(/还有\d处没有填好/)).toBeInTheDocument();
    expect(create).not.toHaveBeenCalled();
    // What was typed stays.
    expect(screen.getByPlaceholderText('户主或家人的11位手机号')).toHaveValue('1390000');

    type('例如：4', '');
    fireEvent.click(screen.getByText('保存联户'));
    says('家庭人口', '请填写家庭人口');

    // The rest is checked once every field is right: the count of tags, a cadre without the kind.
    fireEvent.click(screen.getByText('请选择村（社区）或网格'));
    fireEvent.click(screen.getByText('红星村'));
    type('例如：12号', '12号');
    type('例如：王秀兰', '王秀兰');
    type('户主或家人的11位手机号', '');
    type('例如：4', '3');
    fireEvent.click(screen.getByText('不结对'));
    fireEvent.click(await screen.findByText('李四'));
    fireEvent.click(screen.getByText('保存联户'));
    says('自定义标签（可不填）', '自定义标签最多5个');
    type('例如：独居 退役军人', '独居');
    fireEvent.click(screen.getByText('保存联户'));
    says('结对方式', '请选择结对方式');
    expect(create).not.toHaveBeenCalled();
    expect(cadres).toHaveBeenCalledWith({ active: true, unitId: 2 }, 1, 100);
  });

  it('sends the checked household, and shows a refusal under its field with the form kept', async () => {
    create.mockRejectedValueOnce(
      new ApiError('HOUSEHOLD_EXISTS', ERRORS.HOUSEHOLD_EXISTS.message, 409),
    );
    create.mockResolvedValueOnce(
      household({ id: 52, houseNumber: '13号', address: '红星村三组13号' }),
    );
    await openPage();
    fireEvent.click(screen.getByText('＋ 新增联户'));

    fireEvent.click(screen.getByText('请选择村（社区）或网格'));
    // A township cannot hold households: shown, greyed.
    expect(
      screen.getAllByText('青山镇').find((el) => el.closest('.office-units-chooser__option'))!
        .parentElement,
    ).toHaveClass('is-disabled');
    fireEvent.click(screen.getByText('红星村'));
    type('例如：三组（社区可不填）', '三组');
    type('例如：12号', '１２号');
    type('例如：王秀兰', '王秀兰');
    type('户主或家人的11位手机号', '139 0000 1234');
    type('例如：4', '3');
    const form = within(document.querySelector('.new-household') as HTMLElement);
    fireEvent.click(form.getByText('低保'));
    fireEvent.click(form.getByText('空巢老人'));
    type('例如：独居 退役军人', '独居，低保');
    fireEvent.click(screen.getByText('不结对'));
    fireEvent.click(await screen.findByText('张三'));
    fireEvent.click(screen.getByText('结亲'));
    fireEvent.click(screen.getByText('保存联户'));

    expect(
      await within(fieldOf('门牌号')).findByText(ERRORS.HOUSEHOLD_EXISTS.message),
    ).toBeInTheDocument();
    expect(create).toHaveBeenCalledWith({
      unitId: 3,
      groupName: '三组',
      houseNumber: '12号',
      headName: '王秀兰',
      phone: '13900001234',
      memberCount: 3,
      specialGroups: ['subsistence', 'empty_nest'],
      freeTags: ['独居'],
      cadreId: 11,
      pairing: 'kin',
    });
    expect(screen.getByPlaceholderText('例如：王秀兰')).toHaveValue('王秀兰');

    type('例如：12号', '13号');
    fireEvent.click(screen.getByText('保存联户'));
    expect(
      await screen.findByText('✓ 已新增联户：红星村三组13号，户主王秀兰，张三 · 结亲'),
    ).toBeInTheDocument();
    expect(list).toHaveBeenCalledTimes(2);
  });
});

describe('a household opened from the list', () => {
  async function openHousehold() {
    await openPage();
    fireEvent.click(screen.getByText('红星村三组12号'));
    await screen.findByText('13900001234');
  }

  it('shows the full phone, says the opening is logged, and goes back to the list', async () => {
    await openHousehold();

    expect(detail).toHaveBeenCalledWith(51);
    expect(
      screen.getByText('完整手机号只在这里显示，打开本户已记入操作日志。'),
    ).toBeInTheDocument();
    // The list is kept underneath, hidden, with its page and filters.
    const search = screen.getByPlaceholderText('姓名、门牌号或完整手机号');
    expect(search.closest('.households-page__hidden')).not.toBeNull();
    fireEvent.click(screen.getByText('‹ 返回联户列表'));
    expect(screen.queryByText('13900001234')).not.toBeInTheDocument();
    expect(search.closest('.households-page__hidden')).toBeNull();
  });

  it('issues a 民困帮扶卡 to a 结亲 household and opens the card, or says why not', async () => {
    const help = jest.mocked(issueHelpCard);
    help.mockReset().mockResolvedValueOnce(officeCard({ id: 91, householdId: 51 }));
    await openHousehold();
    fireEvent.click(screen.getByText('发民困帮扶卡'));
    await waitFor(() =>
      expect(Taro.navigateTo).toHaveBeenLastCalledWith({
        url: '/packages/office/card/index?id=91',
      }),
    );
    expect(help).toHaveBeenCalledWith(51);
    help.mockRejectedValueOnce(
      new ApiError('HELP_CARD_NOT_KIN', ERRORS.HELP_CARD_NOT_KIN.message, 409),
    );
    fireEvent.click(screen.getByText('发民困帮扶卡'));
    expect(await screen.findByText(`! ${ERRORS.HELP_CARD_NOT_KIN.message}`)).toBeInTheDocument();
  });

  it('offers no 民困帮扶卡 to a household not linked 结亲', async () => {
    detail.mockResolvedValueOnce({
      household: household({ pairing: 'befriend' }),
      phone: '13900001234',
    });
    await openHousehold();
    expect(screen.queryByText(/民困帮扶卡/)).not.toBeInTheDocument();
  });

  it("edits with the full phone, and puts the server's messages under their fields", async () => {
    update.mockRejectedValueOnce(
      new ApiError('VALIDATION_FAILED', ERRORS.VALIDATION_FAILED.message, 400, {
        details: [{ field: 'unitId', message: '联户要登记在村（社区）或网格下' }],
      }),
    );
    update.mockResolvedValueOnce(household({ headName: '李桂兰' }));
    await openHousehold();
    fireEvent.click(screen.getByText('修改信息'));

    expect(screen.getByPlaceholderText('户主或家人的11位手机号')).toHaveValue('13900001234');
    expect(screen.getByPlaceholderText('例如：独居 退役军人')).toHaveValue('独居');
    type('例如：王秀兰', '');
    fireEvent.click(screen.getByText('保存修改'));
    expect(within(fieldOf('户主姓名')).getByText('请填写户主姓名')).toBeInTheDocument();
    expect(update).not.toHaveBeenCalled();

    type('例如：王秀兰', '李桂兰');
    fireEvent.click(screen.getByText('保存修改'));
    expect(
      await within(fieldOf('所在村（社区）或网格')).findByText('联户要登记在村（社区）或网格下'),
    ).toBeInTheDocument();
    expect(update).toHaveBeenCalledWith(51, {
      unitId: 3,
      groupName: '三组',
      houseNumber: '12号',
      headName: '李桂兰',
      phone: '13900001234',
      memberCount: 3,
      specialGroups: ['subsistence'],
      freeTags: ['独居'],
    });
    expect(screen.getByPlaceholderText('例如：王秀兰')).toHaveValue('李桂兰');

    fireEvent.click(screen.getByText('保存修改'));
    expect(await screen.findByText('✓ 已保存修改')).toBeInTheDocument();
    expect(screen.getAllByText('李桂兰').length).toBeGreaterThan(0);
  });

  it('moves the household to another cadre of the township, with the kind of link and a note', async () => {
    move.mockResolvedValueOnce(household({ cadreId: 12, cadreName: '李四', pairing: 'befriend' }));
    await openHousehold();
    fireEvent.click(screen.getByText('调整结对'));

    // Opened on the current link; the cadres offered are those of the household's township.
    const picker = within(fieldOf('结对干部'));
    fireEvent.click(picker.getByText('张三'));
    fireEvent.click(await picker.findByText('李四'));
    expect(cadres).toHaveBeenCalledWith({ active: true, unitId: 2 }, 1, 100);
    fireEvent.click(screen.getByText('结友'));
    await typeInto('例如：原结对干部调岗', '张三调任镇综治办');
    fireEvent.click(screen.getByText('保存结对'));

    expect(await screen.findByText('✓ 已调整结对：李四 · 结友')).toBeInTheDocument();
    expect(move).toHaveBeenCalledWith(51, {
      cadreId: 12,
      pairing: 'befriend',
      note: '张三调任镇综治办',
    });
    expect(list).toHaveBeenCalledTimes(2);
  });

  it('asks before 解除结对, and shows a refusal without losing the form', async () => {
    move.mockRejectedValueOnce(
      new ApiError('PAIRING_INVALID', ERRORS.PAIRING_INVALID.message, 409),
    );
    move.mockResolvedValueOnce(household({ cadreId: null, cadreName: null, pairing: null }));
    await openHousehold();
    fireEvent.click(screen.getByText('调整结对'));

    fireEvent.click(screen.getByText('解除结对'));
    expect(screen.getByText('确定解除结对吗？')).toBeInTheDocument();
    expect(
      screen.getByText(
        '红星村三组12号将不再由张三（结亲）联系，变成“未结对”；已有的走访记录保留。',
      ),
    ).toBeInTheDocument();
    expect(move).not.toHaveBeenCalled();
    fireEvent.click(screen.getAllByText('解除结对').at(-1)!);

    expect(await screen.findByText(`! ${ERRORS.PAIRING_INVALID.message}`)).toBeInTheDocument();
    expect(move).toHaveBeenCalledWith(51, { cadreId: null, pairing: null, note: '' });
    await act(async () => {
      fireEvent.click(screen.getAllByText('解除结对').at(-1)!);
    });
    expect(await screen.findByText('✓ 已解除结对')).toBeInTheDocument();
  });

  it('will not save a link without a cadre', async () => {
    detail.mockResolvedValueOnce({
      household: household({ cadreId: null, cadreName: null, pairing: null }),
      phone: '13900001234',
    });
    await openHousehold();
    fireEvent.click(screen.getByText('调整结对'));

    expect(screen.queryByText('解除结对')).not.toBeInTheDocument();
    fireEvent.click(screen.getByText('保存结对'));
    expect(within(fieldOf('结对干部')).getByText('请选择结对干部')).toBeInTheDocument();
    expect(move).not.toHaveBeenCalled();
  });
});

describe('走访覆盖率', () => {
  it('offers this quarter and the three before it', () => {
    expect(recentQuarters('2026-02-10').map((q) => q.key)).toEqual([
      '2026-Q1',
      '2025-Q4',
      '2025-Q3',
      '2025-Q2',
    ]);
  });

  it('shows the totals and each cadre’s figures, and 暂无结对 for a cadre with none', async () => {
    coverage.mockImplementation((filter) =>
      Promise.resolve(
        visitCoverage(
          [
            coverageRow(),
            coverageRow({
              cadreId: 12,
              cadreName: '李四',
              unitName: '前进村',
              coverage: { numerator: 0, denominator: 0 },
              specialCoverage: { numerator: 0, denominator: 0 },
              visits: 1,
              dutyDayVisits: 0,
            }),
          ],
          filter.quarter === '2026-Q3'
            ? { quarter: '2026-Q3', label: '2026年第三季度', from: '2026-07-01', to: '2026-09-30' }
            : {},
        ),
      ),
    );
    await openPage();
    fireEvent.click(screen.getByText('走访覆盖率'));

    expect(await screen.findByText('本季度已走访 3/8 户 · 37.5%')).toBeInTheDocument();
    // The server's clock says which quarter is the current one.
    expect(coverage).toHaveBeenCalledWith({}, 1);
    const zhang = rowOf('张三');
    expect(within(zhang).getByText('3/8户 · 37.5%')).toBeInTheDocument();
    expect(within(zhang).getByText('1/2户 · 50.0%')).toBeInTheDocument();
    expect(within(zhang).getByText('5次')).toBeInTheDocument();
    expect(within(zhang).getByText('2次')).toBeInTheDocument();
    const li = rowOf('李四');
    expect(within(li).getByText('暂无结对')).toBeInTheDocument();
    expect(within(li).getByText('—')).toBeInTheDocument();
    expect(within(li).getByText('1次')).toBeInTheDocument();
    expect(within(li).getByText('0次')).toBeInTheDocument();

    const chips = [...document.querySelectorAll('.office-chips__chip')].map((c) => c.textContent);
    expect(chips).toEqual([
      '✓ 2026年第四季度',
      '2026年第三季度',
      '2026年第二季度',
      '2026年第一季度',
    ]);
    fireEvent.click(screen.getByText('2026年第三季度'));
    expect(await screen.findByText('2026年第三季度已走访 3/8 户 · 37.5%')).toBeInTheDocument();
    expect(coverage).toHaveBeenLastCalledWith({ quarter: '2026-Q3' }, 1);
    expect(screen.getByText('✓ 2026年第三季度')).toBeInTheDocument();
  });

  it('says why there is nothing to count before any household is linked', async () => {
    coverage.mockResolvedValue(visitCoverage([]));
    await openPage();
    fireEvent.click(screen.getByText('走访覆盖率'));

    expect(await screen.findByText(/这里还没有结对的联户，所以没有覆盖率可算/)).toBeInTheDocument();
  });
});

describe('90天未走访', () => {
  it('lists them as the server orders them and opens one, then goes back', async () => {
    unvisited.mockResolvedValue(
      pageOf([
        { household: household({ lastVisitOn: null }), daysSince: null },
        {
          household: household({
            id: 53,
            address: '前进村一组3号',
            specialGroups: [],
            freeTags: [],
            lastVisitOn: '2026-07-01',
            phoneMasked: '137****0000',
          }),
          daysSince: 120,
        },
      ]),
    );
    await openPage();
    fireEvent.click(screen.getByText('90天未走访'));

    await screen.findByText('共2户');
    const rows = [...document.querySelectorAll('.office-table__row:not(.office-table__head)')];
    expect(rows.map((r) => r.querySelector('.is-title')?.textContent)).toEqual([
      '地址红星村三组12号 ›',
      '地址前进村一组3号 ›',
    ]);
    const never = rowOf('红星村三组12号');
    expect(within(never).getByText('从未走访')).toBeInTheDocument();
    expect(within(never).getByText('低保')).toBeInTheDocument();
    const long = rowOf('前进村一组3号');
    expect(within(long).getByText('2026年7月1日')).toBeInTheDocument();
    expect(within(long).getByText('120天')).toBeInTheDocument();
    expect(within(long).getByText('137****0000')).toBeInTheDocument();
    expect(within(long).getByText('张三 · 结亲')).toBeInTheDocument();

    fireEvent.click(within(never).getByText('红星村三组12号'));
    expect(await screen.findByText('13900001234')).toBeInTheDocument();
    fireEvent.click(screen.getByText('‹ 返回90天未走访'));
    expect(await screen.findByText('共2户')).toBeInTheDocument();
  });
});
