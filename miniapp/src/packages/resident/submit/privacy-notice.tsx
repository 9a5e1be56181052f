import { Text, View } from '@tarojs/components';

import { ConsentBox } from '../../../components/consent-box';

/**
 * How long a closed request is kept. DESIGN.md §5 asks for retention rules without fixing the
 * period: this is the period the notice promises, to be confirmed with the county.
 */
export const RETENTION_TEXT = '事情办结后保存3年，到期删除或去掉能认出您的信息';

const POINTS: [string, string][] = [
  ['收集什么', '您写的内容和照片、联系电话，以及用来确认是您本人的手机号或微信账号。'],
  ['用来做什么', '把事情交给负责的干部办理、办理中联系您、请您评价办理结果。'],
  [
    '谁能看到',
    '负责办理的干部和乡镇（县）工作人员。电话号码只显示部分数字；村里公示只写事情类别和办理情况，不写您的姓名、电话和原话。反映干部作风的，被反映的干部看不到。',
  ],
  ['保存多久', `${RETENTION_TEXT}。您可以随时查看自己反映过的事情。`],
];

interface PrivacyNoticeProps {
  consent: boolean;
  onToggle: () => void;
  error?: string;
}

export function PrivacyNotice({ consent, onToggle, error }: PrivacyNoticeProps) {
  return (
    <View className="mq-section privacy">
      <Text className="mq-section__title">个人信息保护说明</Text>
      {POINTS.map(([title, body]) => (
        <View className="privacy__point" key={title}>
          <Text className="privacy__title">{title}：</Text>
          <Text className="privacy__body">{body}</Text>
        </View>
      ))}
      <ConsentBox className="privacy__consent" checked={consent} onToggle={onToggle} error={error}>
        {consent ? '已同意' : '请点这里表示同意'}：我已阅读并同意《个人信息保护说明》
      </ConsentBox>
    </View>
  );
}
