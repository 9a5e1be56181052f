import type { PropsWithChildren } from 'react';

import { API_BASE_URL } from './services/config';
import { setApiBaseUrl } from './services/http';
import { restoreSession } from './services/session';
import './app.scss';

setApiBaseUrl(API_BASE_URL);
restoreSession();

function App({ children }: PropsWithChildren) {
  // children is the page being rendered.
  return children;
}

export default App;
