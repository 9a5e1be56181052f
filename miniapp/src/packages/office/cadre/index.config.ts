export default definePageConfig({
  navigationBarTitleText: '干部详情',
});
