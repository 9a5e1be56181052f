import {
  CONTENT_DECISION_STATE,
  CONTENT_HOLD_STATE_NAMES,
  CONTENT_HOLD_STATES,
  CONTENT_ITEM_NAMES,
  HIDDEN_TEXT_PREVIEW,
  contentLabelReason,
  hidesContent,
  holdsContent,
  seesHeldContent,
} from '../src/content/content-security';
import { ACTOR_ROLES } from '../src/lifecycle/actors';

describe('内容安全 (content security)', () => {
  it("reads WeChat's labels in plain words, and an unknown one as 其他 with its number", () => {
    expect(
      [10001, 20001, 20002, 20003, 20006, 20008, 20012, 20013, 21000].map(contentLabelReason),
    ).toEqual(['广告', '时政', '色情', '辱骂', '违法犯罪', '欺诈', '低俗', '版权', '其他']);
    expect(contentLabelReason(20099)).toBe('其他（20099）');
    expect(contentLabelReason(0)).toBe('其他（0）');
  });

  it('holds anything WeChat does not pass: risky, review, and answers it may add later', () => {
    expect(holdsContent('pass')).toBe(false);
    expect(holdsContent('risky')).toBe(true);
    expect(holdsContent('review')).toBe(true);
    expect(holdsContent('')).toBe(true);
    expect(holdsContent('PASS')).toBe(true);
  });

  it('shows a held item to staff, admins and its writer only', () => {
    const seen = ACTOR_ROLES.filter((r) => r !== 'system').map((role) => [
      role,
      seesHeldContent(role, false),
      seesHeldContent(role, true),
    ]);
    expect(seen).toEqual([
      ['resident', false, true],
      ['cadre', false, true],
      ['staff', true, true],
      ['admin', true, true],
    ]);
  });

  it('hides an item from a cadre until staff release it', () => {
    expect(CONTENT_HOLD_STATES.filter(hidesContent)).toEqual(['held', 'withheld']);
    expect(CONTENT_DECISION_STATE).toEqual({ release: 'released', withhold: 'withheld' });
  });

  it('names every item and state in Chinese', () => {
    expect(CONTENT_ITEM_NAMES).toEqual({ text: '文字', photo: '照片', voice: '录音' });
    expect(HIDDEN_TEXT_PREVIEW).toEqual({
      held: '（文字内容待乡镇审核）',
      withheld: '（文字内容经乡镇审核不予转交）',
    });
    expect(CONTENT_HOLD_STATE_NAMES).toEqual({
      held: '待审核',
      released: '已放行',
      withheld: '不予转交',
    });
  });
});
