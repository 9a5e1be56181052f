import type { ReactElement } from 'react';

import type { PhoneLinkProps } from './phone-link-props';

/** In a browser the resident signed in with an SMS code: the phone is already theirs. */
export function PhoneLink(_props: PhoneLinkProps): ReactElement | null {
  return null;
}
