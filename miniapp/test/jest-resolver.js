// Pages import `@tarojs/components`; the H5 build swaps in the pure-React set, and so does this.
// A moduleNameMapper entry cannot do it: components-react itself imports `@tarojs/components`
// (its Picker and Button use View and ScrollView from there), and pointing that back at its own
// index is a cycle that breaks at load time, so those imports get the two components directly.
const path = require('node:path');

const componentsReact = path.dirname(require.resolve('@tarojs/components-react/package.json'));
const insideComponents = path.join(__dirname, 'components-inside-react.js');

module.exports = (request, options) => {
  if (request === '@tarojs/components') {
    return options.basedir.startsWith(componentsReact)
      ? insideComponents
      : options.defaultResolver('@tarojs/components-react', options);
  }
  return options.defaultResolver(request, options);
};
