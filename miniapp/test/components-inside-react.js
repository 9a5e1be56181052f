// What components-react's own files import from `@tarojs/components` (see jest-resolver.js).
const path = require('node:path');

const dist = path.join(
  path.dirname(require.resolve('@tarojs/components-react/package.json')),
  'dist',
  'components',
);

module.exports = {
  View: require(path.join(dist, 'view', 'index.js')).default,
  ScrollView: require(path.join(dist, 'scroll-view', 'index.js')).default,
};
