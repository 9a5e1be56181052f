import { View } from '@tarojs/components';
import type { PropsWithChildren } from 'react';

import { useElderMode } from '../hooks/elder-mode';
import { ElderSwitch } from './elder-switch';
import { classNames } from '../utils/format';

interface PageProps {
  className?: string;
  /** Staff pages that are also read on a desktop browser. */
  wide?: boolean;
  /** The page shows the full 长辈模式 switch itself; otherwise a compact one closes every page. */
  ownElderSwitch?: boolean;
}

/** The root of every page: carries the 长辈模式 class that raises type and tap-target sizes. */
export function Page({ className, wide, ownElderSwitch, children }: PropsWithChildren<PageProps>) {
  const [elder] = useElderMode();
  return (
    <View
      className={classNames(
        'mq-page',
        elder && 'mq-page--elder',
        wide && 'mq-page--wide',
        className,
      )}
      // The page's content as one landmark, for screen readers (and axe's region rule).
      {...{ role: 'main' }}
    >
      {children}
      {ownElderSwitch ? null : <ElderSwitch compact />}
    </View>
  );
}
