import Taro, { useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { ERRORS, cardAloud, type CardView } from '@mqlk/shared';
import { useEffect, useState } from 'react';

import { Btn } from '../../components/btn';
import { DescribedImage } from '../../components/described-image';
import { CallButton } from '../../components/call-button';
import { ElderSwitch } from '../../components/elder-switch';
import { MessageScreen } from '../../components/message-screen';
import { Page } from '../../components/page';
import { ReadAloud } from '../../components/read-aloud';
import { routeOf } from '../../constants/routes';
import { useLoad } from '../../hooks/use-load';
import { cardCodeOfPage } from '../../platform/card-launch';
import { dropServerCard } from '../../platform/server-card';
import { getCard } from '../../services/api/cards';
import { forgetCard, rememberCard, rememberedCard } from '../../services/last-card';
import { NETWORK_ERROR, type ApiError } from '../../services/http';
import { assetUrl } from '../../services/assets';
import { cardShare } from './share';
import './index.scss';

/** What a scan opens: the cadre on the card, a way to call them, and 我要反映. */
export default function CardPage() {
  const { params } = useRouter();
  // A mistyped or damaged code is caught here by its check character, before any request.
  const [link] = useState(() => cardCodeOfPage(params));
  const code = link.ok ? link.code : null;
  const { state, reload } = useLoad(code ? () => getCard(code) : null, code ?? '');
  // The card opened last time, shown at once while the fresh copy comes over a weak network.
  const [kept] = useState(() => (code ? rememberedCard(code) : null));
  const card = state.status === 'ready' ? state.data : kept;
  const offline = state.status === 'failed' && state.error.code === NETWORK_ERROR;
  // The card the server drew (H5 `/c/<code>`) gives way once this page has something to show.
  useEffect(() => {
    if (state.status !== 'loading' || kept || !code) dropServerCard();
  }, [state.status, kept, code]);
  useEffect(() => {
    if (state.status === 'ready') rememberCard(state.data);
    else if (state.status === 'failed' && code && state.error.code !== NETWORK_ERROR)
      forgetCard(code);
  }, [state, code]);

  useShareAppMessage(() => cardShare(code ?? '', card));
  useShareTimeline(() => {
    const { title, query } = cardShare(code ?? '', card);
    return { title, query };
  });

  // Opened with no card at all (e.g. from WeChat's recent list): the home page is the way in.
  const noCard = !link.ok && link.reason === 'not_card_link' && !params.q && !params.scene;
  useEffect(() => {
    if (noCard) Taro.redirectTo({ url: routeOf('home') }).catch(() => undefined);
  }, [noCard]);

  if (noCard) return <Page className="card-page" />;
  if (!link.ok) {
    return (
      <Page className="card-page" ownElderSwitch>
        <MessageScreen
          tone="danger"
          icon="!"
          title={link.reason === 'not_card_link' ? '这不是民情联系卡的二维码' : '卡片编码有误'}
          body={ERRORS.CARD_CODE_INVALID.message}
        >
          <HomeButton />
        </MessageScreen>
        <View className="card-page__footer">
          <ElderSwitch />
        </View>
      </Page>
    );
  }

  return (
    <Page className="card-page" ownElderSwitch>
      {state.status === 'loading' && !kept ? (
        <Text className="card-page__loading">正在打开联系卡…</Text>
      ) : null}
      {state.status === 'failed' && !(offline && kept) ? (
        <CardError error={state.error} onRetry={reload} />
      ) : null}
      {offline && kept ? (
        <View className="card-page__stale" {...{ role: 'status' }}>
          <Text>网络不好，下面是您上次打开时的联系卡。</Text>
          <Btn kind="secondary" onClick={reload}>
            重新加载
          </Btn>
        </View>
      ) : null}
      {card && (state.status !== 'failed' || offline) && card.replacedBy ? (
        <ReplacedCard card={card} newCode={card.replacedBy} />
      ) : null}
      {card && (state.status !== 'failed' || offline) && !card.replacedBy ? (
        <CardContent card={card} />
      ) : null}
      <View className="card-page__footer">
        <ElderSwitch />
      </View>
    </Page>
  );
}

function CardContent({ card }: { card: CardView }) {
  const { cadre } = card;
  const place = [card.townshipName, card.villageName ?? cadre.unitName].filter(Boolean).join(' · ');
  const report = () => Taro.navigateTo({ url: routeOf('submit', { cardCode: card.code }) });
  return (
    <View>
      <View className="mq-section card-page__cadre">
        {cadre.photoUrl ? (
          <DescribedImage
            className="card-page__photo"
            src={assetUrl(cadre.photoUrl)}
            mode="aspectFill"
            alt={`${cadre.name}的照片`}
          />
        ) : null}
        <Text className="card-page__name">{cadre.name}</Text>
        <Text className="card-page__post">{cadre.post}</Text>
        <Text className="card-page__place">{place}</Text>
        {card.helpCard ? (
          <Text className="card-page__help">
            民困帮扶卡：{cadre.name}是您家的结亲干部，有事直接反映，不用再写地址。
          </Text>
        ) : null}
        {card.handedOverFrom ? (
          <Text className="card-page__handover">
            原联系人{card.handedOverFrom}已调整，现由{cadre.name}联系，您的事情照常办理。
          </Text>
        ) : null}
        <ReadAloud source={{ kind: 'card', code: card.code, text: cardAloud(cadre) }} />
      </View>

      <View className="card-page__actions">
        <CallButton phone={cadre.phone} label={`打电话给${cadre.name}`} size="big" />
        <Btn kind="primary" size="big" onClick={report} className="card-page__report">
          我要反映
        </Btn>
        <Text className="card-page__report-hint">有困难、有问题、有建议，都可以写下来交给我</Text>
      </View>

      <View className="mq-section">
        <Text className="mq-section__title">我负责的工作</Text>
        <Text className="card-page__text">{cadre.duties}</Text>
        <Text className="mq-section__title card-page__subtitle">一线工作日</Text>
        <Text className="card-page__text">{cadre.dutyDays}</Text>
      </View>

      {card.hotlines.length > 0 ? (
        <View className="mq-section">
          <Text className="mq-section__title">民众服务卡 · 常用电话</Text>
          {card.hotlines.map((line) => (
            <View className="card-page__hotline" key={`${line.name}-${line.phone}`}>
              <CallButton phone={line.phone} label={line.name} tone="soft" />
            </View>
          ))}
        </View>
      ) : null}

      <View className="card-page__more">
        <Btn kind="plain" onClick={() => Taro.navigateTo({ url: routeOf('mine') })}>
          查看我反映过的事情
        </Btn>
      </View>
    </View>
  );
}

/** A lost card that was re-issued (补卡): it takes nothing itself, but leads to the new card. */
function ReplacedCard({ card, newCode }: { card: CardView; newCode: string }) {
  return (
    <MessageScreen
      tone="neutral"
      icon="✕"
      title="这张联系卡已停用"
      body={`${card.cadre.name}已经换发了新的联系卡，请打开新卡找${card.cadre.name}反映。`}
    >
      <Btn
        kind="primary"
        size="big"
        onClick={() => void Taro.redirectTo({ url: routeOf('card', { code: newCode }) })}
      >
        打开新的联系卡
      </Btn>
    </MessageScreen>
  );
}

function CardError({ error, onRetry }: { error: ApiError; onRetry: () => void }) {
  switch (error.code) {
    case 'CARD_CODE_INVALID':
      return (
        <MessageScreen tone="danger" icon="!" title="卡片编码有误" body={error.message}>
          <HomeButton />
        </MessageScreen>
      );
    case 'CARD_NOT_FOUND':
      return (
        <MessageScreen tone="warning" icon="?" title="没有找到这张联系卡" body={error.message}>
          <HomeButton />
        </MessageScreen>
      );
    case 'CARD_REVOKED':
      return (
        <MessageScreen tone="neutral" icon="✕" title="这张联系卡已停用" body={error.message}>
          <HomeButton />
        </MessageScreen>
      );
    default:
      return (
        <MessageScreen tone="warning" icon="!" title="联系卡没有打开" body={error.message}>
          <Btn kind="primary" size="big" onClick={onRetry}>
            重试
          </Btn>
        </MessageScreen>
      );
  }
}

function HomeButton() {
  return (
    <Btn kind="secondary" onClick={() => Taro.reLaunch({ url: routeOf('home') })}>
      回到首页重新扫码
    </Btn>
  );
}
