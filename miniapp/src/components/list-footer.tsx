import { Text, View } from '@tarojs/components';

import type { Paged } from '../hooks/use-paged';
import { Btn } from './btn';

/** Under a list: 加载更多, or how many there are when all are shown, or the error with 重试. */
export function ListFooter<T>({ list }: { list: Paged<T> }) {
  if (list.status === 'failed' && list.items.length > 0) {
    return (
      <View className="mq-list-footer">
        <Text className="mq-field-error">! {list.error?.message}</Text>
        <Btn kind="secondary" onClick={list.loadMore}>
          重试
        </Btn>
      </View>
    );
  }
  if (list.items.length === 0) return null;
  return (
    <View className="mq-list-footer">
      {list.hasMore ? (
        <Btn
          kind="secondary"
          busyText={list.status === 'more' && '正在加载…'}
          onClick={list.loadMore}
        >
          加载更多（已显示{list.items.length}条，共{list.total}条）
        </Btn>
      ) : (
        <Text className="mq-muted">共{list.total}条，已全部显示</Text>
      )}
    </View>
  );
}
