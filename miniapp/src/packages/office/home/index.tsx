import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ACTOR_ROLE_LABELS } from '@mqlk/shared';

import { Btn } from '../../../components/btn';
import { routeOf } from '../../../constants/routes';
import { useLoad } from '../../../hooks/use-load';
import { signOut } from '../../../services/account';
import { getCalendar } from '../../../services/api/office';
import { currentUser } from '../../../services/session';
import { OfficePage, isAdmin, openPage, visibleSections } from '../components/office-page';
import './index.scss';
import { pressable } from '../../../components/pressable';

/** 管理首页: who is signed in and over what, a warning when next year has no calendar, the sections. */
export default function OfficeHomePage() {
  return (
    <OfficePage title="管理后台" section="officeHome">
      <OfficeHome />
    </OfficePage>
  );
}

function OfficeHome() {
  const user = currentUser();
  const staff = user?.role === 'staff';
  const leave = () => {
    signOut();
    void Taro.reLaunch({ url: routeOf('signIn') });
  };
  return (
    <View>
      <View className="mq-section office-home__who">
        <View className="office-home__name">
          <Text className="office-home__user">{user?.displayName}</Text>
          <Text className="office-home__scope">
            {user ? ACTOR_ROLE_LABELS[user.role] : ''} · 管辖范围：{user?.orgUnitName ?? '—'}
          </Text>
        </View>
        <View className="office-home__actions">
          <Btn
            kind="plain"
            size="small"
            onClick={() => openPage('password', { next: 'officeHome' })}
          >
            修改密码
          </Btn>
          <Btn kind="plain" size="small" onClick={leave}>
            退出登录
          </Btn>
        </View>
      </View>

      <CalendarWarning />

      <View className="office-home__tiles">
        {visibleSections()
          .filter((s) => s.page !== 'officeHome')
          .map((section) => (
            <View
              key={section.page}
              className="office-home__tile"
              hoverClass="office-home__tile--pressed"
              {...pressable({ onPress: () => openPage(section.page) })}
            >
              <Text className="office-home__tile-title">{section.label} ›</Text>
              <Text className="office-home__tile-about">{section.about}</Text>
            </View>
          ))}
      </View>

      {staff ? (
        <View className="office-home__work">
          <Btn kind="secondary" onClick={() => openPage('inbox')}>
            我的待办
          </Btn>
          <Btn kind="secondary" onClick={() => openPage('figures')}>
            乡镇工作台：满意度、超期和作风投诉
          </Btn>
        </View>
      ) : null}
    </View>
  );
}

/** Next year's holidays not entered yet: every deadline after New Year would count weekdays only. */
function CalendarWarning() {
  const { state } = useLoad(() => getCalendar(), 'calendar');
  if (state.status !== 'ready' || !state.data.missingNotice) return null;
  return (
    <View className="office-warning office-home__calendar">
      <Text className="office-home__calendar-text">⚠ {state.data.missingNotice}</Text>
      <Text className="office-home__calendar-text">
        {isAdmin()
          ? '请在“工作日历”里录入国务院公布的放假和调休安排。'
          : '请提醒县里的系统管理员在“工作日历”里录入。'}
      </Text>
      <View className="office-form__buttons">
        <Btn kind="secondary" size="small" onClick={() => openPage('officeCalendar')}>
          打开工作日历
        </Btn>
      </View>
    </View>
  );
}
