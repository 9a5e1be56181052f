import Taro from '@tarojs/taro';
import type { ActorRole } from '@mqlk/shared';
import type { ReactNode } from 'react';

import { routeOf } from '../constants/routes';
import type { ApiError } from '../services/http';
import { currentUser, isSignedInAs } from '../services/session';
import { Btn } from './btn';
import { MessageScreen } from './message-screen';

const toSignIn = () => void Taro.redirectTo({ url: routeOf('signIn') });
const toPassword = () => void Taro.redirectTo({ url: routeOf('password') });

/** An initial or reset password: the server takes nothing else until it is changed. */
function ChangePasswordFirst() {
  return (
    <MessageScreen
      tone="warning"
      icon="!"
      title="请先修改密码"
      body="这是单位发给您的初始密码（或刚被重置的密码）。改成只有您自己知道的密码后，才能继续使用。"
    >
      <Btn kind="primary" size="big" onClick={toPassword}>
        去修改密码
      </Btn>
    </MessageScreen>
  );
}

/** Work and township pages: only for the roles given; anyone else is sent to sign in. */
export function RequireRole({
  roles,
  passwordPage = false,
  children,
}: {
  roles: readonly ActorRole[];
  /** 修改密码 itself, the one page open to an account that must change its password. */
  passwordPage?: boolean;
  children: ReactNode;
}) {
  if (isSignedInAs(roles)) {
    const blocked = !passwordPage && currentUser()?.mustChangePassword;
    return blocked ? <ChangePasswordFirst /> : <>{children}</>;
  }
  return (
    <MessageScreen
      tone="warning"
      icon="!"
      title="请先登录"
      body={
        roles.includes('cadre')
          ? '这里是干部工作台，请用干部或工作人员账号登录。'
          : '这里是乡镇工作台，请用乡镇（县）工作人员账号登录。'
      }
    >
      <Btn kind="primary" size="big" onClick={toSignIn}>
        去登录
      </Btn>
    </MessageScreen>
  );
}

/** A failed load on a work page: sign in again when the session ended, else try again. */
export function WorkError({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  const signedOut = error.code === 'UNAUTHENTICATED' || error.code === 'SESSION_EXPIRED';
  if (error.code === 'PASSWORD_CHANGE_REQUIRED') return <ChangePasswordFirst />;
  return (
    <MessageScreen
      tone="warning"
      icon="!"
      title={signedOut ? '请重新登录' : '没有加载出来'}
      body={error.message}
    >
      {signedOut ? (
        <Btn kind="primary" size="big" onClick={toSignIn}>
          去登录
        </Btn>
      ) : (
        <Btn kind="primary" size="big" onClick={onRetry}>
          重试
        </Btn>
      )}
    </MessageScreen>
  );
}
