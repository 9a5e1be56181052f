export default definePageConfig({
  navigationBarTitleText: '干部登录',
});
