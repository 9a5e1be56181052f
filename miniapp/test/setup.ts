import '@testing-library/jest-dom';

import { setRouterParams, storage } from './taro-mock';

// Module state of src/ (session, 长辈模式) is reset by the tests that use it: importing those
// modules here would load them before a test file's jest.mock could replace what they import.
beforeEach(() => {
  storage.clear();
  setRouterParams({});
  window.history.replaceState(null, '', '/');
});

// components-react's Input uses onConfirm (Enter) but also passes it on to <input>, which React
// reports; that upstream slip is the only warning silenced here.
const reportError = console.error.bind(console);
jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
  if (typeof args[0] === 'string' && args[0].includes('Unknown event handler property `%s`')) {
    if (args[1] === 'onConfirm') return;
  }
  reportError(...args);
});
