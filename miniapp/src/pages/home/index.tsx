import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';

import { Btn } from '../../components/btn';
import { CardEntry } from '../../components/card-entry';
import { ElderSwitch } from '../../components/elder-switch';
import { Page } from '../../components/page';
import { routeOf } from '../../constants/routes';
import { unreadLabel, useUnreadCount } from '../../hooks/use-unread';
import { WORK_ROLES, currentUser, workLandingPage } from '../../services/session';
import './index.scss';

export default function HomePage() {
  // Read again whenever the page shows: a resident signs in on another page (to submit, or in
  // 我反映的事情) and comes back here.
  const [user, setUser] = useState(currentUser);
  useDidShow(() => setUser(currentUser()));
  const atWork = user !== null && WORK_ROLES.includes(user.role);
  const resident = user?.role === 'resident';
  const unread = useUnreadCount(resident);
  const go = (url: string) => () => void Taro.navigateTo({ url });
  return (
    <Page className="home-page" ownElderSwitch>
      <View className="mq-section">
        <Text className="home-page__title">民情联系卡</Text>
        <Text className="home-page__intro">
          扫一扫干部发给您的联系卡，就能找到为您服务的干部：打电话，或者把您的困难、问题、建议写下来交给他。每件事都有人签收、限时办理，办完请您评价。
        </Text>
      </View>

      <View className="mq-section">
        <CardEntry />
      </View>

      <View className="home-page__entries">
        <Btn kind="secondary" size="big" onClick={go(routeOf('mine'))}>
          我反映的事情
        </Btn>
        {resident ? (
          <Btn
            kind="secondary"
            size="big"
            onClick={go(routeOf('messages'))}
            className="home-page__next"
          >
            {unreadLabel('我的消息', unread.count)}
          </Btn>
        ) : null}
        <Btn
          kind="plain"
          size="big"
          onClick={go(routeOf(user && atWork ? workLandingPage(user) : 'signIn'))}
          className="home-page__next"
        >
          {atWork ? (user?.role === 'admin' ? '进入管理后台' : '进入干部工作台') : '干部登录'}
        </Btn>
      </View>

      <ElderSwitch />
    </Page>
  );
}
