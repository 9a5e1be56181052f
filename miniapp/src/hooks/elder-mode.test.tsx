import Taro from '@tarojs/taro';
import { Text } from '@tarojs/components';
import { act, fireEvent, render, screen } from '@testing-library/react';

import { storage } from '../../test/taro-mock';
import { ElderSwitch } from '../components/elder-switch';
import { Page } from '../components/page';
import { prefersLargeText } from '../platform/system';
import { prefersLargeText as weappPrefersLargeText } from '../platform/system.weapp';
import {
  ELDER_MODE_STORAGE_KEY,
  isElderMode,
  resetElderModeCache,
  setElderMode,
} from './elder-mode';

jest.mock('../platform/system', () => ({ prefersLargeText: jest.fn(() => false) }));

const systemLarge = jest.mocked(prefersLargeText);

function renderPage() {
  render(
    <Page ownElderSwitch>
      <Text>正文</Text>
      <ElderSwitch />
    </Page>,
  );
  const root = screen.getByText('正文').closest('.mq-page');
  if (!root) throw new Error('page root not rendered');
  return root;
}

beforeEach(() => {
  resetElderModeCache();
  systemLarge.mockReturnValue(false);
});

describe('长辈模式', () => {
  it('is off by default on a phone with normal text size', () => {
    const root = renderPage();

    expect(root).not.toHaveClass('mq-page--elder');
    expect(screen.getByText('未开启')).toBeInTheDocument();
  });

  it('turns itself on when the phone asks for large text', () => {
    systemLarge.mockReturnValue(true);

    const root = renderPage();

    expect(root).toHaveClass('mq-page--elder');
    expect(screen.getByText('✓ 已开启')).toBeInTheDocument();
  });

  it("follows the person's own choice over the phone setting", () => {
    systemLarge.mockReturnValue(true);
    storage.set(ELDER_MODE_STORAGE_KEY, 'off');

    expect(renderPage()).not.toHaveClass('mq-page--elder');
  });

  it('switches on with one tap, says so in words, and remembers it', () => {
    const root = renderPage();

    fireEvent.click(screen.getByText('长辈模式'));

    expect(root).toHaveClass('mq-page--elder');
    expect(screen.getByText('✓ 已开启')).toBeInTheDocument();
    expect(storage.get(ELDER_MODE_STORAGE_KEY)).toBe('on');
    resetElderModeCache();
    expect(isElderMode()).toBe(true);
  });

  it('can be switched from the foot of any other page (a staff page too)', () => {
    render(
      <Page>
        <Text>工作台</Text>
      </Page>,
    );
    const root = screen.getByText('工作台').closest('.mq-page');
    const toggle = screen.getByRole('switch', { name: '长辈模式' });
    expect(toggle).toHaveAttribute('aria-checked', 'false');

    fireEvent.keyDown(toggle, { key: 'Enter' });

    expect(root).toHaveClass('mq-page--elder');
    expect(toggle).toHaveAttribute('aria-checked', 'true');
    expect(storage.get(ELDER_MODE_STORAGE_KEY)).toBe('on');
  });

  it('updates pages already open when switched elsewhere', () => {
    const root = renderPage();

    act(() => setElderMode(true));

    expect(root).toHaveClass('mq-page--elder');
  });
});

describe('large text detection in WeChat', () => {
  const systemInfo = jest.mocked(Taro.getSystemInfoSync);

  it.each([
    [17, false],
    [18, true],
    [20, true],
    [undefined, false],
  ])('fontSizeSetting %s → %s', (fontSizeSetting, expected) => {
    systemInfo.mockReturnValueOnce({ fontSizeSetting } as never);

    expect(weappPrefersLargeText()).toBe(expected);
  });
});
