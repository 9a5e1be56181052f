import Taro, { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import {
  FIGURE_NAMES,
  FIGURE_PARTS,
  RATING_LEVEL_LABELS,
  categoryLabel,
  type FigureName,
  type FigureRequest,
  type RatingLevel,
  type RequestStatus,
} from '@mqlk/shared';

import { StatusBadge } from '../../../components/badge';
import { ListFooter } from '../../../components/list-footer';
import { MessageScreen } from '../../../components/message-screen';
import { Page } from '../../../components/page';
import { RequireRole, WorkError } from '../../../components/work-access';
import { routeOf } from '../../../constants/routes';
import { usePaged, type Paged } from '../../../hooks/use-paged';
import { listFigureRequests, type FigureSource } from '../../../services/api/stats';
import { WORK_ROLES, currentUser } from '../../../services/session';
import { FIGURE_PART_LABELS, partTitle } from '../../../utils/figures';
import { formatDateTime, formatLocalDay } from '../../../utils/format';
import './index.scss';
import { pressable } from '../../../components/pressable';

/**
 * 指标明细: the requests behind one number of a figures page, as many as the number says, for
 * staff (from 统计指标) and for a cadre (their own figures, never those resting on ratings).
 */
export default function FigureRequestsPage() {
  return (
    <Page className="figure-requests" wide>
      <RequireRole roles={WORK_ROLES}>
        <FigureRequests />
      </RequireRole>
    </Page>
  );
}

interface Opened {
  source: FigureSource;
  /** the number clicked */
  count: number | null;
  who: string;
}

const isDate = (value: string | undefined): value is string =>
  /^\d{4}-\d{2}-\d{2}$/.test(value ?? '');
const idOf = (value: string | undefined) =>
  value && /^\d+$/.test(value) ? Number(value) : undefined;

/** Query values reach a page still encoded in WeChat (and in Taro's H5 router). */
function decoded(value: string | undefined): string {
  if (!value) return '';
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The link's query, checked: a hand-edited or cut-off link says so instead of guessing. */
export function openedFrom(params: Partial<Record<string, string>>): Opened | null {
  const { figure, part, from, to, n, who } = params;
  if (!(FIGURE_NAMES as readonly string[]).includes(figure ?? '')) return null;
  if (part !== 'numerator' && part !== 'denominator') return null;
  if (!isDate(from) || !isDate(to)) return null;
  const unitId = idOf(params.unitId);
  const cadreId = idOf(params.cadreId);
  const staffUserId = idOf(params.staffUserId);
  return {
    source: {
      figure: figure as FigureName,
      part,
      from,
      to,
      ...(unitId ? { unitId } : {}),
      ...(cadreId ? { cadreId } : {}),
      ...(staffUserId ? { staffUserId } : {}),
    },
    count: n !== undefined && /^\d+$/.test(n) ? Number(n) : null,
    who: decoded(who),
  };
}

/** After a resolution a cadre reads 已办结, whatever the rating did next (DESIGN.md §3 "Rating"). */
const AFTER_RESOLUTION: readonly RequestStatus[] = ['resolved', 'under_review', 'closed'];

function FigureRequests() {
  const { params } = useRouter();
  const opened = openedFrom(params);
  const list = usePaged(
    opened ? (page) => listFigureRequests(opened.source, page) : null,
    JSON.stringify(opened?.source ?? null),
  );
  if (!opened) {
    return (
      <MessageScreen
        tone="warning"
        icon="!"
        title="链接不完整"
        body="请回到统计页面，再点一次要查看的数字。"
      />
    );
  }
  const { source } = opened;
  const parts = FIGURE_PART_LABELS[source.figure];
  const what = source.part === 'numerator' ? parts.numerator : (parts.denominator ?? '');
  return (
    <View>
      <BackLink />
      <View className="mq-section figure-requests__head">
        <Text className="figure-requests__title">{partTitle(source.figure, source.part)}</Text>
        <Text className="figure-requests__what">{what}</Text>
        <Text className="mq-muted figure-requests__scope">
          {opened.who ? `${opened.who} · ` : ''}
          {formatLocalDay(source.from)}至{formatLocalDay(source.to)}
        </Text>
        <CountCheck list={list} count={opened.count} />
      </View>
      <Rows
        list={list}
        ratings={showsRatings(source, currentUser()?.role)}
        dateLabel={dateLabelOf(source.figure)}
      />
    </View>
  );
}

/** Back to the figures the number was on; from a bookmark, to the reader's own figures page. */
function BackLink() {
  const back = () =>
    void Taro.navigateBack().catch(() =>
      Taro.redirectTo({
        url: routeOf(currentUser()?.role === 'cadre' ? 'myFigures' : 'figures'),
      }),
    );
  return (
    <Text className="figure-requests__back" {...pressable({ onPress: back })}>
      ‹ 返回统计
    </Text>
  );
}

/** The list's count beside the number that was clicked: they must be the same. */
function CountCheck({ list, count }: { list: Paged<FigureRequest>; count: number | null }) {
  if (list.status === 'loading' || (list.status === 'failed' && list.items.length === 0)) {
    return null;
  }
  if (count === null) {
    return <Text className="figure-requests__count">共{list.total}条</Text>;
  }
  if (count === list.total) {
    return (
      <Text className="figure-requests__count figure-requests__count--same">
        ✓ 共{list.total}条，与统计页上的数字 {count} 一致
      </Text>
    );
  }
  return (
    <Text className="figure-requests__count figure-requests__count--differs">
      ⚠ 共{list.total}条，与统计页上的数字 {count}
      不一致。可能是打开这一页前后又有新的办理或评价，请回到统计页刷新后再看；仍不一致请告诉系统管理员。
    </Text>
  );
}

/**
 * Whether the requests behind a part are ratings (满意率, 差评率…): only then has each its rating's
 * level, and only staff see it.
 */
export function showsRatings(source: FigureSource, role: string | undefined): boolean {
  if (role === 'cadre') return false;
  const parts = FIGURE_PARTS[source.figure];
  const measures = source.part === 'numerator' ? parts.numerator : (parts.denominator ?? []);
  return measures.some((measure) => measure.startsWith('rating'));
}

/** A clock's fact counts on its due date; every other on the day it happened. */
const dateLabelOf = (figure: FigureName) =>
  figure === 'onTime' || figure === 'responsiveness' ? '到期日期' : '计入日期';

function Rows({
  list,
  ratings,
  dateLabel,
}: {
  list: Paged<FigureRequest>;
  ratings: boolean;
  dateLabel: string;
}) {
  const cadre = currentUser()?.role === 'cadre';
  if (list.status === 'loading') {
    return <Text className="figure-requests__loading">正在加载…</Text>;
  }
  if (list.status === 'failed' && list.items.length === 0 && list.error) {
    return <WorkError error={list.error} onRetry={list.reload} />;
  }
  if (list.items.length === 0) {
    return (
      <MessageScreen
        tone="neutral"
        icon="○"
        title="没有诉求"
        body="这个数字是0，没有可以列出的诉求。"
      />
    );
  }
  const open = (item: FigureRequest) =>
    void Taro.navigateTo({ url: routeOf('workRequest', { id: item.requestId }) });
  return (
    <View>
      <View className="figure-requests__list">
        <View
          className={`figure-requests__row figure-requests__heading${ratings ? ' has-rating' : ''}`}
        >
          {[
            '诉求编号',
            dateLabel,
            '类别',
            '状态',
            '办理人',
            '时限',
            ...(ratings ? ['评价'] : []),
          ].map((label) => (
            <Text key={label} className="figure-requests__cell">
              {label}
            </Text>
          ))}
        </View>
        {list.items.map((item, index) => (
          <Row
            key={`${item.requestId}-${index}`}
            item={item}
            cadre={cadre}
            ratings={ratings}
            dateLabel={dateLabel}
            onOpen={open}
          />
        ))}
      </View>
      <ListFooter list={list} />
    </View>
  );
}

function Row({
  item,
  cadre,
  ratings,
  dateLabel,
  onOpen,
}: {
  item: FigureRequest;
  cadre: boolean;
  ratings: boolean;
  dateLabel: string;
  onOpen: (item: FigureRequest) => void;
}) {
  const status = cadre && AFTER_RESOLUTION.includes(item.status) ? 'resolved' : item.status;
  return (
    <View
      className={`figure-requests__row${ratings ? ' has-rating' : ''}`}
      hoverClass="is-pressed"
      {...pressable({ onPress: () => onOpen(item) })}
    >
      <View className="figure-requests__cell figure-requests__number">
        <Text className="figure-requests__open">{item.number} ›</Text>
        <Text className="mq-muted">{formatDateTime(item.submittedAt)}提交</Text>
      </View>
      <Cell label={dateLabel}>{formatLocalDay(item.date)}</Cell>
      <Cell label="类别">{categoryLabel(item.category)}</Cell>
      <View className="figure-requests__cell">
        <Text className="figure-requests__label">状态</Text>
        <StatusBadge status={status} />
      </View>
      <Cell label="办理人">{item.ownerName}</Cell>
      <Cell label="时限">
        {item.clock === 'met' ? '✓ 按时' : item.clock === 'missed' ? '⚠ 超时' : '—'}
      </Cell>
      {ratings ? (
        <Cell label="评价">
          {item.ratingLevel
            ? `${item.ratingLevel}星 ${RATING_LEVEL_LABELS[item.ratingLevel as RatingLevel]}`
            : '—'}
        </Cell>
      ) : null}
    </View>
  );
}

function Cell({ label, children }: { label: string; children: string }) {
  return (
    <View className="figure-requests__cell">
      <Text className="figure-requests__label">{label}</Text>
      <Text>{children}</Text>
    </View>
  );
}
