import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import {
  isMovedAway,
  requestDetailAloud,
  RESIDENT_NEXT_STEPS,
  type MoveResult,
  type RequestDetail,
} from '@mqlk/shared';
import { useState } from 'react';

import { Btn } from '../../../components/btn';
import { MessageScreen } from '../../../components/message-screen';
import { MovedAway } from '../../../components/moved-away';
import { Page } from '../../../components/page';
import { ReadAloud } from '../../../components/read-aloud';
import { RatingsList } from '../../../components/ratings-list';
import { RequestBody, RequestHeader, RequestResult } from '../../../components/request-detail';
import { Timeline } from '../../../components/timeline';
import { routeOf } from '../../../constants/routes';
import { useLoad } from '../../../hooks/use-load';
import { getRequest } from '../../../services/api/requests';
import { ConfirmOnSpot } from './confirm-on-spot';
import { RatingForm } from './rating-form';
import { Withdraw } from './withdraw';
import './index.scss';

/** One of the resident's requests: what they wrote, where it stands, and rating when it is done. */
export default function MyRequestPage() {
  const { params } = useRouter();
  const id = Number(params.id);
  const valid = Number.isInteger(id) && id > 0;
  const { state, reload, replace } = useLoad(valid ? () => getRequest(id) : null, String(id));
  const [gone, setGone] = useState(false);
  const onMove = (result: MoveResult) => (isMovedAway(result) ? setGone(true) : replace(result));

  if (!valid) {
    return (
      <Page>
        <MessageScreen tone="warning" icon="?" title="没有找到这条诉求" />
      </Page>
    );
  }
  if (gone) {
    return (
      <Page>
        <MovedAway
          title="已提交"
          body="这件事已转到其他部门办理，暂时不能在这里查看。"
          backLabel="我反映的事情"
          onBack={() => void Taro.redirectTo({ url: routeOf('mine') })}
        />
      </Page>
    );
  }
  return (
    <Page className="my-request-page">
      {state.status === 'loading' ? (
        <Text className="my-request-page__loading">正在加载…</Text>
      ) : null}
      {state.status === 'failed' ? (
        <MessageScreen tone="warning" icon="!" title="没有加载出来" body={state.error.message}>
          <Btn kind="primary" size="big" onClick={reload}>
            重试
          </Btn>
        </MessageScreen>
      ) : null}
      {state.status === 'ready' ? <Detail request={state.data} onChange={onMove} /> : null}
    </Page>
  );
}

function Detail({
  request,
  onChange,
}: {
  request: RequestDetail;
  onChange: (result: MoveResult) => void;
}) {
  const can = (action: RequestDetail['allowedActions'][number]) =>
    request.allowedActions.includes(action);
  return (
    <View>
      <RequestHeader request={request} />
      <View className="mq-section my-request-page__next">
        <Text className="my-request-page__next-step">
          下一步：{RESIDENT_NEXT_STEPS[request.status]}
        </Text>
        <ReadAloud
          source={{
            kind: 'request',
            id: request.id,
            text: requestDetailAloud(request, new Date()),
          }}
        />
      </View>
      {can('confirm') ? <ConfirmOnSpot request={request} onConfirmed={onChange} /> : null}
      <RequestResult request={request} />
      {can('rate') ? <RatingForm request={request} onRated={onChange} /> : null}
      <RatingsList ratings={request.ratings} title="您的评价" thanks="，谢谢您！" />
      {/* 内容安全: the resident sees all they sent; only that some of it waits, never why. */}
      {request.contentHolds.some((hold) => hold.state === 'held') ? (
        <Text className="my-request-page__held">
          您提交的部分内容需要工作人员核实后再转交干部，诉求已经送达，不影响办理。
        </Text>
      ) : null}
      <RequestBody request={request} />
      <Timeline entries={request.timeline} />
      {can('withdraw') ? <Withdraw request={request} onWithdrawn={onChange} /> : null}
    </View>
  );
}
