import Taro from '@tarojs/taro';
import type { PropsWithChildren } from 'react';

import { PAGE_PATHS, routeOf } from './constants/routes';
import { API_BASE_URL } from './services/config';
import { setApiBaseUrl, setPasswordChangeRequiredHandler } from './services/http';
import { markPasswordChangeRequired, restoreSession } from './services/session';
import './app.scss';

setApiBaseUrl(API_BASE_URL);
restoreSession();

// An initial or reset password opens nothing until it is changed: whichever call the server
// refused for it, the person is taken to 修改密码 (once, not again from that page itself).
setPasswordChangeRequiredHandler(() => {
  markPasswordChangeRequired();
  const pages = Taro.getCurrentPages();
  const here = pages[pages.length - 1]?.route ?? '';
  if (!here.includes(PAGE_PATHS.password)) void Taro.redirectTo({ url: routeOf('password') });
});

function App({ children }: PropsWithChildren) {
  // children is the page being rendered.
  return children;
}

export default App;
