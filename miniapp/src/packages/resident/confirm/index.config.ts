export default definePageConfig({
  navigationBarTitleText: '确认事情已解决',
});
