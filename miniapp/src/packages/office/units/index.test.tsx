import { ERRORS } from '@mqlk/shared';
import { fireEvent, render, screen, within } from '@testing-library/react';

import { unitTree } from '../../../../test/office-fixtures';
import { signedIn } from '../../../../test/sessions';
import { createUnit, getUnits, retireUnit, updateUnit } from '../../../services/api/office';
import { ApiError } from '../../../services/http';
import { restoreSession, saveSession } from '../../../services/session';
import UnitsPage from './index';

jest.mock('../../../services/api/office', () => ({
  getUnits: jest.fn(),
  createUnit: jest.fn(),
  updateUnit: jest.fn(),
  retireUnit: jest.fn(),
}));

const units = jest.mocked(getUnits);
const create = jest.mocked(createUnit);
const update = jest.mocked(updateUnit);
const retire = jest.mocked(retireUnit);

const rowOf = (name: string) => screen.getByText(name).closest('.units-tree__unit') as HTMLElement;

async function openPage() {
  saveSession(signedIn('staff'));
  render(<UnitsPage />);
  await screen.findByText('青山镇');
}

beforeEach(() => {
  restoreSession();
  for (const mock of [units, create, update, retire]) mock.mockReset();
  units.mockResolvedValue(unitTree());
});

describe('UnitsPage', () => {
  it('draws the tree indented by level, a retired unit greyed and said so, without actions', async () => {
    await openPage();

    expect(rowOf('青山镇')).toHaveClass('is-depth-0');
    expect(rowOf('红星村')).toHaveClass('is-depth-1');
    expect(rowOf('第一网格')).toHaveClass('is-depth-2');
    expect(rowOf('老庄村')).toHaveClass('is-retired');
    expect(within(rowOf('老庄村')).getByText('✕ 已撤销')).toBeInTheDocument();
    expect(within(rowOf('老庄村')).queryByText('撤销')).not.toBeInTheDocument();
    // The reader's own scope cannot be retired; a grid has nothing below it.
    expect(within(rowOf('青山镇')).queryByText('撤销')).not.toBeInTheDocument();
    expect(within(rowOf('第一网格')).queryByText(/^添加/)).not.toBeInTheDocument();
  });

  it('adds a village under the township', async () => {
    create.mockResolvedValueOnce({
      ...unitTree().units[1]!,
      id: 9,
      name: '新华村',
      path: '/1/2/9/',
    });
    await openPage();

    fireEvent.click(within(rowOf('青山镇')).getByText('添加村（社区）'));
    fireEvent.click(screen.getByText('添加'));
    expect(screen.getByText('请填写单位名称')).toBeInTheDocument();

    fireEvent.input(screen.getByPlaceholderText('例如：前进村'), { target: { value: ' 新华村 ' } });
    fireEvent.click(screen.getByText('添加'));

    expect(await screen.findByText('✓ 已在青山镇下添加村（社区）：新华村')).toBeInTheDocument();
    expect(create).toHaveBeenCalledWith({ parentId: 2, name: '新华村' });
    expect(units).toHaveBeenCalledTimes(2);
  });

  it("edits a township's hotlines, saying which row is wrong", async () => {
    update.mockResolvedValueOnce({
      ...unitTree().units[0]!,
      hotlines: [{ name: '镇卫生院', phone: '0571-88880001' }],
    });
    await openPage();

    fireEvent.click(within(rowOf('青山镇')).getByText('改名、服务热线'));
    fireEvent.click(screen.getByText('＋ 添加一条热线'));
    fireEvent.input(screen.getByPlaceholderText('例如：镇卫生院'), {
      target: { value: '镇卫生院' },
    });
    fireEvent.input(screen.getByPlaceholderText('例如：0371-12345'), {
      target: { value: '卫生院电话' },
    });
    fireEvent.click(screen.getByText('保存'));

    expect(
      screen.getByText('热线电话只能是数字和横线，例如 0371-12345 或 12345'),
    ).toBeInTheDocument();
    expect(update).not.toHaveBeenCalled();

    fireEvent.input(screen.getByPlaceholderText('例如：0371-12345'), {
      target: { value: '0571-88880001' },
    });
    fireEvent.click(screen.getByText('保存'));

    expect(await screen.findByText('✓ 已保存：青山镇')).toBeInTheDocument();
    expect(update).toHaveBeenCalledWith(2, {
      name: '青山镇',
      hotlines: [{ name: '镇卫生院', phone: '0571-88880001' }],
    });
  });

  it("asks before retiring, and shows the server's reason when it refuses", async () => {
    retire.mockRejectedValueOnce(new ApiError('UNIT_IN_USE', ERRORS.UNIT_IN_USE.message, 409));
    await openPage();

    fireEvent.click(within(rowOf('前进村')).getByText('撤销'));
    expect(screen.getByText('确定撤销“前进村”吗？')).toBeInTheDocument();
    expect(screen.getByText(/它下面还有1位在岗干部/)).toBeInTheDocument();
    expect(retire).not.toHaveBeenCalled();

    fireEvent.click(screen.getByText('确定撤销'));

    expect(await screen.findByText(`! ${ERRORS.UNIT_IN_USE.message}`)).toBeInTheDocument();
    expect(retire).toHaveBeenCalledWith(4);
    fireEvent.click(screen.getByText('再想想'));
    expect(screen.queryByText('确定撤销“前进村”吗？')).not.toBeInTheDocument();
  });
});
