import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { dayOfWeek, parseLocalDate, type CardDetail } from '@mqlk/shared';
import { type ReactNode, useState } from 'react';

import { Btn } from '../../../components/btn';
import { MessageScreen } from '../../../components/message-screen';
import { WorkError } from '../../../components/work-access';
import { useLoad } from '../../../hooks/use-load';
import { downloadCardSheet, getCard } from '../../../services/api/office';
import { formatDateTime } from '../../../utils/format';
import { cardStatusText } from '../cadre/cards';
import { DownloadStatus, useDownload } from '../components/download';
import { type CardQrKind, QrKindChips } from '../components/form';
import { OfficePage, openPage } from '../components/office-page';
import './index.scss';
import { pressable } from '../../../components/pressable';

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** 联系卡: its code and link, who answers it now, its scans over 30 days, what came through it. */
export default function CardPage() {
  const { params } = useRouter();
  const id = Number(params.id);
  return (
    <OfficePage title="联系卡" section="officeCadres">
      {Number.isInteger(id) && id > 0 ? (
        <CardView id={id} />
      ) : (
        <MessageScreen
          tone="warning"
          icon="?"
          title="没有找到这张联系卡"
          body="请从干部的页面打开。"
        >
          <Btn kind="primary" size="big" onClick={() => openPage('officeCadres')}>
            去干部名单
          </Btn>
        </MessageScreen>
      )}
    </OfficePage>
  );
}

function CardView({ id }: { id: number }) {
  const { state, reload } = useLoad(() => getCard(id), String(id));
  const print = useDownload();
  const [qr, setQr] = useState<CardQrKind>('link');
  if (state.status === 'loading') return <Text className="office-page__loading">正在加载…</Text>;
  if (state.status === 'failed') return <WorkError error={state.error} onRetry={reload} />;
  const detail = state.data;
  const { card } = detail;
  const active = card.status === 'active';

  return (
    <View>
      <View className="mq-section office-facts card-page__facts">
        <View className="card-page__head">
          <Text className="card-page__code" userSelect>
            {card.code}
          </Text>
          <Text className={active ? 'office-tag office-tag--on' : 'office-tag office-tag--off'}>
            {cardStatusText(card)}
          </Text>
        </View>
        <Fact label="二维码链接">
          <Text userSelect>{card.url}</Text>
        </Fact>
        <Fact label="印的是">
          <Text
            className="card-page__link"
            {...pressable({ onPress: () => openPage('officeCadre', { id: card.cadreId }) })}
          >
            {detail.cadreName} ›
          </Text>
          <Text> · {detail.unitName}</Text>
        </Fact>
        <Fact label="现在联系">
          {detail.answeredBy
            ? `${detail.answeredBy}（事随人转，接任${detail.cadreName}）`
            : detail.cadreName}
        </Fact>
        <Fact label="签发">{formatDateTime(card.issuedAt)}</Fact>
        {card.revokedAt ? <Fact label="停用">{formatDateTime(card.revokedAt)}</Fact> : null}
        {card.replacedByCode ? <Fact label="补发的新卡">{card.replacedByCode}</Fact> : null}
        <Fact label="扫码">累计{card.scans}次</Fact>
        <Fact label="诉求">通过这张卡反映了{card.requests}件</Fact>
        {active ? (
          <View className="card-page__print">
            <QrKindChips value={qr} onChange={setQr} />
            <Btn
              kind="primary"
              busyText={print.busy && '正在生成…'}
              onClick={() => void print.run((p) => downloadCardSheet({ cardId: card.id, qr }, p))}
            >
              打印这张卡（PDF）
            </Btn>
            <DownloadStatus state={print.state} />
          </View>
        ) : null}
      </View>
      <ScansByDay detail={detail} />
    </View>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className="office-facts__line">
      <Text className="office-facts__label">{label}</Text>
      <View className="office-facts__value">{children}</View>
    </View>
  );
}

/** One bar a day, oldest first: the number beside each bar says what its length shows. */
function ScansByDay({ detail }: { detail: CardDetail }) {
  const days = detail.scansByDay;
  const total = days.reduce((sum, d) => sum + d.scans, 0);
  const most = Math.max(1, ...days.map((d) => d.scans));
  return (
    <View className="mq-section">
      <Text className="mq-section__title">最近30天扫码：共{total}次</Text>
      {total === 0 ? (
        <Text className="mq-muted card-page__none">
          {detail.card.status === 'active'
            ? '最近30天没有人扫这张卡。卡已经发到群众手里了吗？走访时可以提醒群众扫码试一试。'
            : '最近30天没有人扫这张卡。'}
        </Text>
      ) : null}
      <View className="card-page__bars">
        {days.map((day) => {
          const { month, day: date } = parseLocalDate(day.date);
          return (
            <View key={day.date} className="card-page__bar-row">
              <Text className="card-page__bar-day">
                {month}月{date}日 周{WEEKDAYS[dayOfWeek(day.date)]}
              </Text>
              <View className="card-page__bar-track">
                <View
                  className="card-page__bar"
                  style={{ width: `${Math.round((day.scans / most) * 100)}%` }}
                />
              </View>
              <Text className="card-page__bar-count">{day.scans}</Text>
            </View>
          );
        })}
      </View>
    </View>
  );
}
