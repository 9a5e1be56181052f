export default definePageConfig({
  navigationBarTitleText: '我的指标',
});
