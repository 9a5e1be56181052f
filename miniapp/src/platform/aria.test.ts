import { roleProps as h5 } from './aria.h5';
import { roleProps as weapp } from './aria.weapp';

describe('a control’s role for the screen reader', () => {
  it('is ARIA’s role in H5, and WeChat’s aria-role in the mini-program', () => {
    expect(h5('switch')).toEqual({ role: 'switch' });
    expect(weapp('switch')).toEqual({ 'aria-role': 'switch' });
  });
});
