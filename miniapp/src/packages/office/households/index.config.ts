export default definePageConfig({
  navigationBarTitleText: '联户台账',
});
