export default definePageConfig({
  navigationBarTitleText: '代群众登记',
});
