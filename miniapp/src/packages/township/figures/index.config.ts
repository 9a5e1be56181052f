export default definePageConfig({
  navigationBarTitleText: '统计指标',
});
