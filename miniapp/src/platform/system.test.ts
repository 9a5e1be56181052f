import { prefersLargeText } from './system.h5';

describe('large text detection in a browser', () => {
  afterEach(() => jest.restoreAllMocks());

  it.each([
    ['16px', false],
    ['18px', false],
    ['20px', true],
  ])('default text size %s → %s', (fontSize, expected) => {
    jest.spyOn(window, 'getComputedStyle').mockReturnValue({ fontSize } as CSSStyleDeclaration);

    expect(prefersLargeText()).toBe(expected);
  });
});
