import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { CadreDetail, OfficeCadre, TransferPostResult } from '@mqlk/shared';
import { useState, type ReactNode } from 'react';

import { Btn } from '../../../components/btn';
import { MessageScreen } from '../../../components/message-screen';
import { WorkError } from '../../../components/work-access';
import { useLoad } from '../../../hooks/use-load';
import { getCadre, getUnits } from '../../../services/api/office';
import { OfficePage, openPage } from '../components/office-page';
import { unitNodes, type UnitNode } from '../components/units';
import { CardsSection } from './cards';
import { DeactivateCadre } from './deactivate';
import { PhotoSection } from './photo';
import { ProfileForm } from './profile';
import { TransferDone, TransferPost } from './transfer';
import './index.scss';

/** 干部详情: the profile, the cards, 事随人转 and 停用. */
export default function CadrePage() {
  const { params } = useRouter();
  const id = Number(params.id);
  return (
    <OfficePage title="干部详情" section="officeCadres">
      {Number.isInteger(id) && id > 0 ? (
        <CadreView id={id} />
      ) : (
        <MessageScreen tone="warning" icon="?" title="没有找到这位干部" body="请从干部名单里打开。">
          <Btn kind="primary" size="big" onClick={() => openPage('officeCadres')}>
            去干部名单
          </Btn>
        </MessageScreen>
      )}
    </OfficePage>
  );
}

interface Loaded {
  detail: CadreDetail;
  units: UnitNode[];
}

async function load(id: number): Promise<Loaded> {
  const [detail, tree] = await Promise.all([getCadre(id), getUnits()]);
  return { detail, units: unitNodes(tree) };
}

function CadreView({ id }: { id: number }) {
  const { state, reload, refresh, replace } = useLoad(() => load(id), String(id));
  const [transferred, setTransferred] = useState<TransferPostResult | null>(null);
  const [stopped, setStopped] = useState(false);

  if (state.status === 'loading') return <Text className="office-page__loading">正在加载…</Text>;
  if (state.status === 'failed') return <WorkError error={state.error} onRetry={reload} />;
  const { detail, units } = state.data;
  const { cadre } = detail;
  const withCadre = (next: OfficeCadre) => replace({ units, detail: { ...detail, cadre: next } });

  return (
    <View>
      <View className="mq-section cadre-page__head">
        <View className="cadre-page__who">
          <Text className="cadre-page__name">{cadre.name}</Text>
          <Text className="cadre-page__post">
            {cadre.post} · {cadre.unitName}
          </Text>
          {cadre.active ? (
            <Text className="office-tag office-tag--on">● 在岗</Text>
          ) : (
            <Text className="office-tag office-tag--off">✕ 已停用</Text>
          )}
        </View>
        <View className="office-facts">
          <Fact label="手机号">{detail.phone}</Fact>
          <Fact label="登录账号">{cadre.username ?? '—'}</Fact>
          <Fact label="未办结诉求">{cadre.openRequests}件</Fact>
          {cadre.successorName ? <Fact label="接任">{cadre.successorName}</Fact> : null}
        </View>
      </View>

      {transferred ? <TransferDone result={transferred} /> : null}
      {stopped ? <Text className="office-done">✓ 已停用{cadre.name}</Text> : null}

      {cadre.active ? (
        <ProfileForm
          key={cadre.id}
          detail={detail}
          units={units}
          onSaved={(saved) => {
            withCadre(saved);
            refresh();
          }}
        />
      ) : (
        <View className="mq-section office-facts">
          <Text className="mq-section__title">基本信息</Text>
          <Fact label="职责">{cadre.duties}</Fact>
          <Fact label="一线工作日">{cadre.dutyDays}</Fact>
          <Text className="mq-muted">已停用的干部不能再修改。</Text>
        </View>
      )}

      {cadre.active ? <PhotoSection cadre={cadre} onChanged={withCadre} /> : null}

      <CardsSection detail={detail} onChanged={refresh} />

      {cadre.active ? (
        <>
          <Fold title="事随人转（调岗、离任）" openLabel="事随人转…">
            <TransferPost
              cadre={cadre}
              units={units}
              onDone={(result) => {
                setTransferred(result);
                withCadre(result.from);
                refresh();
              }}
            />
          </Fold>
          <Fold title="停用干部" openLabel="停用干部…">
            <DeactivateCadre
              cadre={cadre}
              onDone={(next) => {
                setStopped(true);
                withCadre(next);
                refresh();
              }}
            />
          </Fold>
        </>
      ) : null}
    </View>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className="office-facts__line">
      <Text className="office-facts__label">{label}</Text>
      <Text className="office-facts__value">{children}</Text>
    </View>
  );
}

/** A step that is not the everyday one: a button until it is wanted; folding keeps what was typed. */
function Fold({
  title,
  openLabel,
  children,
}: {
  title: string;
  openLabel: string;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const [opened, setOpened] = useState(false);
  return (
    <View className="office-fold">
      {open ? null : (
        <Btn
          kind="secondary"
          onClick={() => {
            setOpen(true);
            setOpened(true);
          }}
        >
          {openLabel}
        </Btn>
      )}
      {opened ? (
        <View className={open ? 'mq-section cadre-page__fold' : 'cadre-page__fold is-hidden'}>
          <View className="office-fold__head">
            <Text className="mq-section__title">{title}</Text>
            <Btn kind="plain" size="small" onClick={() => setOpen(false)}>
              收起
            </Btn>
          </View>
          {children}
        </View>
      ) : null}
    </View>
  );
}
