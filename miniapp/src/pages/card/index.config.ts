export default definePageConfig({
  navigationBarTitleText: '民情联系卡',
  // 转发给邻居 and 分享到朋友圈: the page answers both (useShareAppMessage / useShareTimeline).
  enableShareAppMessage: true,
  enableShareTimeline: true,
});
