import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { RequestDetail } from '@mqlk/shared';
import { useState } from 'react';

import { MessageScreen } from '../../../components/message-screen';
import { Page } from '../../../components/page';
import { RatingsList } from '../../../components/ratings-list';
import { RequestBody, RequestHeader, RequestResult } from '../../../components/request-detail';
import { Timeline } from '../../../components/timeline';
import { RequireRole, WorkError } from '../../../components/work-access';
import { useLoad } from '../../../hooks/use-load';
import { getRequest } from '../../../services/api/requests';
import { asApiError, type ApiError } from '../../../services/http';
import { WORK_ROLES } from '../../../services/session';
import { AcceptAction, ReplyAction, ResolveAction, type Run } from './actions';
import './index.scss';

/** Someone else got there first: say so, and show the request as it is now. */
const STALE = ['VERSION_CONFLICT', 'ALREADY_ACCEPTED', 'TRANSITION_NOT_ALLOWED'];

export default function WorkRequestPage() {
  const { params } = useRouter();
  const id = Number(params.id);
  return (
    <Page className="work-request-page" wide>
      <RequireRole roles={WORK_ROLES}>
        {Number.isInteger(id) && id > 0 ? (
          <WorkRequest id={id} />
        ) : (
          <MessageScreen tone="warning" icon="?" title="没有找到这条诉求" />
        )}
      </RequireRole>
    </Page>
  );
}

function WorkRequest({ id }: { id: number }) {
  const { state, reload, refresh, replace } = useLoad(() => getRequest(id), String(id));
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [done, setDone] = useState('');

  const run: Run = async (action) => {
    setProblem(null);
    setDone('');
    try {
      replace(await action());
      setDone('已保存，群众可以看到最新进展。');
      return true;
    } catch (error) {
      const failure = asApiError(error);
      setProblem(failure);
      if (STALE.includes(failure.code)) refresh();
      return false;
    }
  };

  if (state.status === 'loading')
    return <Text className="work-request-page__loading">正在加载…</Text>;
  if (state.status === 'failed') return <WorkError error={state.error} onRetry={reload} />;
  const request = state.data;
  const can = (action: RequestDetail['allowedActions'][number]) =>
    request.allowedActions.includes(action);

  return (
    <View>
      <RequestHeader request={request} forWork />
      {problem ? (
        <View className="work-request-page__problem">
          <Text>! {problem.message}</Text>
          {STALE.includes(problem.code) ? <Text>下面已经是最新的情况。</Text> : null}
        </View>
      ) : null}
      {done ? <Text className="work-request-page__done">✓ {done}</Text> : null}
      <RequestResult request={request} />
      <RequestBody request={request} />
      {can('accept') ? <AcceptAction request={request} run={run} /> : null}
      {can('resolve') ? <ResolveAction request={request} run={run} /> : null}
      {can('reply') ? <ReplyAction request={request} run={run} /> : null}
      <RatingsList ratings={request.ratings} title="群众评价" />
      <Timeline entries={request.timeline} />
    </View>
  );
}
