export default definePageConfig({
  navigationBarTitleText: '评价异常提示',
});
