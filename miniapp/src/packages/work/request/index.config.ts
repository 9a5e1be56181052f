export default definePageConfig({
  navigationBarTitleText: '办理诉求',
});
