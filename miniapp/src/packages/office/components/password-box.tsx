import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';

/**
 * An initial password, shown this once: the server keeps only its hash. Large, selectable, with
 * what to do with it.
 */
export function PasswordBox({
  title,
  rows,
  children,
}: {
  title: string;
  rows: readonly { name: string; username: string; password: string }[];
  children?: ReactNode;
}) {
  return (
    <View className="office-secret">
      <Text className="office-secret__title">✓ {title}</Text>
      {rows.map((row) => (
        <View key={row.username} className="office-secret__row">
          <Text className="office-secret__who">
            {row.name} · 登录账号 {row.username}
          </Text>
          <View className="office-secret__line">
            <Text className="office-secret__label">初始密码</Text>
            <Text className="office-secret__password" userSelect>
              {row.password}
            </Text>
          </View>
        </View>
      ))}
      <Text className="office-secret__note">
        请抄下来交给本人，首次登录须修改。这个密码只显示这一次，离开本页后就看不到了；忘了可以在“账号”里重置。
      </Text>
      {children}
    </View>
  );
}
