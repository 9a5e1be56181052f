import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { ActorRole } from '@mqlk/shared';
import type { ReactNode } from 'react';

import { MessageScreen } from '../../../components/message-screen';
import { Page } from '../../../components/page';
import { RequireRole } from '../../../components/work-access';
import { routeOf, type PageName } from '../../../constants/routes';
import { STAFF_ROLES, currentUser } from '../../../services/session';
import { classNames } from '../../../utils/format';
import './office.scss';
import { pressable } from '../../../components/pressable';

export type OfficeSection =
  | 'officeHome'
  | 'figures'
  | 'anomalies'
  | 'officeUnits'
  | 'officeCadres'
  | 'officeHouseholds'
  | 'officePrint'
  | 'officeLedger'
  | 'officeAccounts'
  | 'officeCalendar'
  | 'officeAudit';

export const SECTIONS: readonly {
  page: OfficeSection;
  label: string;
  /** what the home tile says it is for */
  about: string;
  adminOnly?: boolean;
}[] = [
  { page: 'officeHome', label: '管理首页', about: '' },
  {
    page: 'figures',
    label: '统计指标',
    about: '满意率、按时办结率等全部指标，排名和走势，每个数字都能查到具体诉求；下载月报',
  },
  {
    page: 'anomalies',
    label: '评价异常',
    about: '集中评价、一人评多名干部、办结即评价、代填高分：仅供核查，不改变指标',
  },
  {
    page: 'officeUnits',
    label: '组织架构',
    about: '乡镇、村（社区）、网格，乡镇的服务热线',
  },
  {
    page: 'officeCadres',
    label: '干部',
    about: '新增、修改、Excel导入，联系卡，事随人转',
  },
  {
    page: 'officeHouseholds',
    label: '联户台账',
    about: '联户的登记和结对，走访覆盖率，90天未走访的户',
  },
  { page: 'officePrint', label: '打印联系卡', about: '按村或乡镇打印，A4每页8张' },
  { page: 'officeLedger', label: '民情台账', about: '按时间、状态、类别筛选，导出Excel' },
  { page: 'officeAccounts', label: '账号', about: '工作人员和干部的账号，重置密码' },
  { page: 'officeCalendar', label: '工作日历', about: '节假日、调休和办理时限' },
  { page: 'officeAudit', label: '操作日志', about: '谁在什么时候做了什么', adminOnly: true },
];

export const isAdmin = () => currentUser()?.role === 'admin';

export function visibleSections() {
  const admin = isAdmin();
  return SECTIONS.filter((s) => admin || !s.adminOnly);
}

export const openPage = (page: PageName, params: Record<string, string | number> = {}) =>
  void Taro.navigateTo({ url: routeOf(page, params) });

interface OfficePageProps {
  title: string;
  /** which section's link is marked as the current one */
  section: OfficeSection;
  /** staff and admins unless said otherwise (操作日志: admins only) */
  roles?: readonly ActorRole[];
  className?: string;
  children: ReactNode;
}

/**
 * A page of the 管理后台: desktop width, staff and admins only, with the sections in a bar on a
 * desktop and the way back to 管理首页 on a phone.
 */
export function OfficePage({
  title,
  section,
  roles = STAFF_ROLES,
  className,
  children,
}: OfficePageProps) {
  return (
    <Page wide className={classNames('office-page', className)}>
      <RequireRole roles={STAFF_ROLES}>
        <OfficeNav section={section} />
        <Text className="office-page__title">{title}</Text>
        {roles.includes(currentUser()?.role ?? 'resident') ? (
          children
        ) : (
          <MessageScreen
            tone="warning"
            icon="!"
            title="只有县级系统管理员可以使用这里"
            body="如需查看，请联系县里的系统管理员。"
          />
        )}
      </RequireRole>
    </Page>
  );
}

function OfficeNav({ section }: { section: OfficeSection }) {
  const go = (page: OfficeSection) => void Taro.redirectTo({ url: routeOf(page) });
  return (
    <View className="office-nav">
      {section === 'officeHome' ? null : (
        <Text className="office-nav__back" {...pressable({ onPress: () => go('officeHome') })}>
          ‹ 管理首页
        </Text>
      )}
      <View className="office-nav__bar">
        {visibleSections().map((s) => (
          <Text
            key={s.page}
            className={classNames('office-nav__link', s.page === section && 'is-current')}
            {...pressable({ onPress: s.page === section ? undefined : () => go(s.page) })}
          >
            {s.label}
          </Text>
        ))}
      </View>
    </View>
  );
}
