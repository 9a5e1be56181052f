export default definePageConfig({
  navigationBarTitleText: '联户 · 走访日记',
});
