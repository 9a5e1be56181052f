import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { isMovedAway, type Action, type RequestDetail } from '@mqlk/shared';
import { useState } from 'react';

import { Badge } from '../../../components/badge';
import { MessageScreen } from '../../../components/message-screen';
import { MovedAway } from '../../../components/moved-away';
import { Page } from '../../../components/page';
import { RatingsList } from '../../../components/ratings-list';
import { RequestBody, RequestHeader, RequestResult } from '../../../components/request-detail';
import { Timeline } from '../../../components/timeline';
import { RequireRole, WorkError } from '../../../components/work-access';
import { routeOf } from '../../../constants/routes';
import { useLoad } from '../../../hooks/use-load';
import { getRequest } from '../../../services/api/requests';
import { asApiError, type ApiError } from '../../../services/http';
import { STAFF_ROLES, WORK_ROLES, isSignedInAs } from '../../../services/session';
import { takeTicket } from '../components/ticket-handoff';
import { AcceptAction, ReplyAction, ResolveAction } from './actions';
import { ConfirmationCode } from './confirmation-code';
import { ContentReviewSection, contentMarks } from './content-holds';
import { CancelAction, EscalateAction, TransferAction } from './handover';
import { isStale, type Run, type Said } from './move';
import { ClocksSection, RectificationNotice, SupervisionNotice } from './notices';
import { PublicSummaryAction, SuperviseAction, VerifyAction } from './oversight';
import './index.scss';

/** How the page was reached: from the record page, right after filing (`filed`). */
type Filed = 'on_behalf' | 'on_spot' | null;

const ARRIVAL_TEXT: Record<Exclude<Filed, null>, string> = {
  on_behalf: '已代群众登记。群众用登记的手机号登录后，可以查看办理进展、评价办理。',
  on_spot: '已登记当场解决。请群众扫下面的确认码确认，确认后才算办结。',
};

const DEFAULT_AWAY = { title: '已交给别人办理', body: '这件事现在由对方办理，您已看不到它了。' };

/** Cadres and staff work a request here: each move the reader may make, with its form. */
export default function WorkRequestPage() {
  const { params } = useRouter();
  const id = Number(params.id);
  const filed: Filed =
    params.filed === 'on_behalf' || params.filed === 'on_spot' ? params.filed : null;
  return (
    <Page className="work-request-page" wide>
      <RequireRole roles={WORK_ROLES}>
        {Number.isInteger(id) && id > 0 ? (
          <WorkRequest id={id} filed={filed} />
        ) : (
          <MessageScreen tone="warning" icon="?" title="没有找到这条诉求" />
        )}
      </RequireRole>
    </Page>
  );
}

function WorkRequest({ id, filed }: { id: number; filed: Filed }) {
  const { state, reload, refresh, replace } = useLoad(() => getRequest(id), String(id));
  const [problem, setProblem] = useState<ApiError | null>(null);
  const [done, setDone] = useState(filed ? ARRIVAL_TEXT[filed] : '');
  const [away, setAway] = useState<Said['away'] | null>(null);
  const [ticket] = useState(() => takeTicket(id));

  const showStale = (failure: ApiError) => {
    setDone('');
    setProblem(failure);
    refresh();
  };

  const run: Run = async (move, said = {}) => {
    setProblem(null);
    setDone('');
    try {
      const result = await move();
      if (isMovedAway(result)) {
        setAway(said.away ?? DEFAULT_AWAY);
        return null;
      }
      replace(result);
      const text = typeof said.done === 'function' ? said.done(result) : said.done;
      setDone(text ?? '已保存，群众可以看到最新进展。');
      return null;
    } catch (error) {
      const failure = asApiError(error);
      if (isStale(failure)) showStale(failure);
      return failure;
    }
  };

  if (away) {
    return (
      <MovedAway
        title={away.title}
        body={away.body}
        backLabel="回到待办"
        onBack={() => void Taro.reLaunch({ url: routeOf('inbox') })}
      />
    );
  }
  if (state.status === 'loading')
    return <Text className="work-request-page__loading">正在加载…</Text>;
  if (state.status === 'failed') return <WorkError error={state.error} onRetry={reload} />;
  const request = state.data;
  const can = (action: Action) => request.allowedActions.includes(action);
  const props = { request, run };
  const staff = isSignedInAs(STAFF_ROLES);

  return (
    <View>
      <RequestHeader request={request} forWork />
      {request.flaggedToCounty ? (
        <View className="work-request-page__flags">
          <Badge tone="danger" icon="!" label="二次差评，已报县" />
        </View>
      ) : null}
      {problem ? (
        <View className="work-request-page__problem">
          <Text>! {problem.message}</Text>
          {isStale(problem) ? <Text>下面已经是最新的情况。</Text> : null}
        </View>
      ) : null}
      {done ? <Text className="work-request-page__done">✓ {done}</Text> : null}
      <SupervisionNotice request={request} />
      <RectificationNotice request={request} />
      {can('cancel') ? (
        <ConfirmationCode
          request={request}
          initial={ticket}
          showAtOnce={filed === 'on_spot'}
          onStale={showStale}
        />
      ) : null}
      <RequestResult request={request} />
      {/* A cadre gets the request without what WeChat held, and a line in its place. */}
      <RequestBody request={request} marks={contentMarks(request, staff)} />
      {staff ? <ContentReviewSection {...props} /> : null}
      {/* Ratings reach staff only: a cadre never learns one resident's rating. */}
      {staff ? <RatingsList ratings={request.ratings} title="群众评价" showExcluded /> : null}
      <Moves can={can} {...props} />
      {staff ? <PublicSummaryAction {...props} /> : null}
      <ClocksSection request={request} />
      <Timeline entries={request.timeline} />
    </View>
  );
}

function Moves({
  can,
  ...props
}: {
  can: (action: Action) => boolean;
  request: RequestDetail;
  run: Run;
}) {
  return (
    <View>
      {can('accept') ? <AcceptAction {...props} /> : null}
      {can('verify') ? <VerifyAction {...props} /> : null}
      {can('resolve') ? <ResolveAction {...props} /> : null}
      {can('reply') ? <ReplyAction {...props} /> : null}
      {can('escalate') ? <EscalateAction {...props} /> : null}
      {can('transfer') ? <TransferAction {...props} /> : null}
      {can('cancel') ? <CancelAction {...props} /> : null}
      {can('supervise') ? <SuperviseAction {...props} /> : null}
    </View>
  );
}
