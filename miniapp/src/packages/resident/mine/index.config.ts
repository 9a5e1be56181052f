export default definePageConfig({
  navigationBarTitleText: '我反映的事情',
});
