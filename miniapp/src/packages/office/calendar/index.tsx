import { Text, View } from '@tarojs/components';
import {
  calendarDaySchema,
  dayOfWeek,
  deadlinePolicySchema,
  formatLocalDate,
  localDateOf,
  parseLocalDate,
  validate,
  validateWorkdaySchedule,
  yearScheduleSchema,
  type CalendarDayKind,
  type CountyCalendar,
  type FieldIssue,
} from '@mqlk/shared';
import { useState } from 'react';

import { Btn } from '../../../components/btn';
import { WorkError } from '../../../components/work-access';
import { useLoad } from '../../../hooks/use-load';
import {
  getCalendar,
  setCalendarDay,
  setDeadlinePolicy,
  setYearSchedule,
} from '../../../services/api/office';
import { formatLocalDay } from '../../../utils/format';
import { Chips, FormProblem, TextAreaField, TextField, useOfficeForm } from '../components/form';
import { OfficePage, isAdmin } from '../components/office-page';
import { Table, type Column } from '../components/table';
import { bridgeWeekends, formatDateLines, parseDateLines, type LineIssue } from './date-lines';
import './index.scss';

/** 工作日历: the county's holidays and make-up days by year, one day's change, the time limits. */
export default function CalendarPage() {
  return (
    <OfficePage title="工作日历" section="officeCalendar" className="calendar-page">
      <CalendarView />
    </OfficePage>
  );
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
type Day = CountyCalendar['days'][number];

const DAY_COLUMNS: readonly Column<Day>[] = [
  {
    key: 'date',
    label: '日期',
    width: '1.4fr',
    title: true,
    cell: (d) => `${formatLocalDay(d.date)} 周${WEEKDAYS[dayOfWeek(d.date)]}`,
  },
  {
    key: 'kind',
    label: '这一天',
    width: '1fr',
    cell: (d) => (d.working ? '▲ 调休上班' : '○ 放假'),
  },
  {
    key: 'source',
    label: '来源',
    width: '1fr',
    cell: (d) => (d.source === 'schedule' ? '全年安排' : '本县调整'),
  },
  { key: 'note', label: '说明', width: '1.6fr', cell: (d) => d.note ?? '—' },
];

function CalendarView() {
  const thisYear = parseLocalDate(localDateOf(new Date())).year;
  const [year, setYear] = useState(thisYear);
  const { state, reload, replace } = useLoad(() => getCalendar(year), String(year));
  const admin = isAdmin();
  const years = [thisYear - 1, thisYear, thisYear + 1, thisYear + 2].map((y) => ({
    key: String(y),
    label: `${y}年`,
  }));

  return (
    <View>
      <Chips
        label="年份"
        options={years}
        value={String(year)}
        onChange={(y) => setYear(Number(y))}
      />
      {state.status === 'loading' ? <Text className="office-page__loading">正在加载…</Text> : null}
      {state.status === 'failed' ? <WorkError error={state.error} onRetry={reload} /> : null}
      {state.status === 'ready' ? (
        <View>
          <YearSummary calendar={state.data} />
          {admin ? (
            <>
              <YearScheduleForm key={`year-${year}`} calendar={state.data} onSaved={replace} />
              <DayForm key={`day-${year}`} year={year} onSaved={replace} />
              <PolicyForm calendar={state.data} onSaved={replace} />
            </>
          ) : (
            <PolicyFacts calendar={state.data} />
          )}
        </View>
      ) : null}
    </View>
  );
}

function YearSummary({ calendar }: { calendar: CountyCalendar }) {
  const { year } = calendar;
  return (
    <View className="mq-section">
      <Text className="mq-section__title">
        {calendar.countyName} {year}年
      </Text>
      {calendar.missingNotice ? (
        <Text className="office-warning">⚠ {calendar.missingNotice}</Text>
      ) : null}
      {calendar.hasSchedule ? (
        <Text className="calendar-page__status">
          ✓ 已有{year}年的放假和调休安排
          {calendar.scheduleSource ? `（依据：${calendar.scheduleSource}）` : ''}
        </Text>
      ) : (
        <Text className="office-warning">
          ⚠ 还没有{year}年的放假和调休安排：这一年暂按周一至周五上班计算办理时限。
          {isAdmin() ? '国务院公布安排后，请在下面录入。' : '请提醒县里的系统管理员录入。'}
        </Text>
      )}
      {calendar.days.length === 0 ? (
        <Text className="office-empty">
          {year}年没有特殊的日子：周一至周五上班，周六、周日休息。
        </Text>
      ) : (
        <Table columns={DAY_COLUMNS} rows={calendar.days} rowKey={(d) => d.date} />
      )}
    </View>
  );
}

const lineText = (issues: readonly LineIssue[]) =>
  issues.map((i) => `第${i.line}行：${i.message}`).join('\n');

/** The national schedule as typed by the admin: dates and ranges a line, checked before sending. */
function YearScheduleForm({
  calendar,
  onSaved,
}: {
  calendar: CountyCalendar;
  onSaved: (next: CountyCalendar) => void;
}) {
  const { year } = calendar;
  const scheduled = calendar.days.filter((d) => d.source === 'schedule');
  const form = useOfficeForm({
    holidays: formatDateLines(
      bridgeWeekends(scheduled.filter((d) => !d.working).map((d) => d.date)),
    ),
    makeupWorkdays: formatDateLines(scheduled.filter((d) => d.working).map((d) => d.date)),
    source: calendar.scheduleSource ?? '',
  });
  const [saved, setSaved] = useState(false);

  const save = () => {
    setSaved(false);
    const holidays = parseDateLines(form.values.holidays, year);
    const makeup = parseDateLines(form.values.makeupWorkdays, year);
    const issues: FieldIssue[] = [];
    if (holidays.issues.length > 0)
      issues.push({ field: 'holidays', message: lineText(holidays.issues) });
    if (makeup.issues.length > 0)
      issues.push({ field: 'makeupWorkdays', message: lineText(makeup.issues) });
    if (issues.length === 0) {
      if (holidays.dates.length === 0) {
        issues.push({ field: 'holidays', message: `请至少填写${year}年的一天放假日期` });
      }
      // The shared rule the server applies: a make-up day is a weekend day, never also a holiday.
      const problems = validateWorkdaySchedule({
        year,
        holidays: holidays.dates,
        makeupWorkdays: makeup.dates,
      });
      if (problems.length > 0)
        issues.push({ field: 'makeupWorkdays', message: problems.join('\n') });
    }
    if (issues.length > 0) {
      form.setIssues(issues);
      return;
    }
    void form.submit(
      validate(yearScheduleSchema, {
        holidays: holidays.dates,
        makeupWorkdays: makeup.dates,
        source: form.values.source,
      }),
      async (input) => {
        onSaved(await setYearSchedule(year, input));
        setSaved(true);
      },
    );
  };

  return (
    <View className="mq-section">
      <Text className="mq-section__title">录入{year}年放假和调休安排</Text>
      <Text className="office-page__intro">
        按国务院办公厅的通知填写：一行一段，单独一天写 {year}-01-01，连续几天写 {year}-01-01~{year}
        -01-03（也可以用“至”）。放假日期包括赶上周末的那几天；调休上班的周六、周日写在下面。保存后，
        {year}
        年的办理时限按这份安排计算。已录入的安排显示在框里，落在周末开头或结尾的放假日不会显示（周末本来就不上班，不影响计算）。
      </Text>
      <View className="office-form__grid">
        <TextAreaField
          tall
          label="放假日期"
          value={form.values.holidays}
          onInput={(v) => form.set('holidays', v)}
          error={form.issue('holidays')}
          placeholder={`一行一段，例如 ${year}-10-01~${year}-10-07`}
        />
        <TextAreaField
          tall
          label="调休上班日期（周六、周日）"
          value={form.values.makeupWorkdays}
          onInput={(v) => form.set('makeupWorkdays', v)}
          error={form.issue('makeupWorkdays')}
          placeholder={`一行一天或一段，例如 ${year}-10-10`}
        />
        <TextField
          className="office-form__wide"
          label="依据（可不填）"
          value={form.values.source}
          onInput={(v) => form.set('source', v)}
          error={form.issue('source')}
          placeholder={`例如：国务院办公厅关于${year}年部分节假日安排的通知`}
          maxlength={100}
        />
      </View>
      <FormProblem form={form} />
      {saved && !form.failure ? <Text className="office-done">✓ 已保存{year}年的安排</Text> : null}
      <View className="office-form__buttons">
        <Btn kind="primary" busyText={form.busy && '正在保存…'} onClick={save}>
          保存{year}年安排
        </Btn>
      </View>
    </View>
  );
}

const DAY_KINDS: readonly { key: CalendarDayKind; label: string }[] = [
  { key: 'holiday', label: '放假' },
  { key: 'workday', label: '上班' },
  { key: 'default', label: '恢复（按全年安排）' },
];

/** One day the county changes itself (a flood, a local festival), or takes its change back. */
function DayForm({ year, onSaved }: { year: number; onSaved: (next: CountyCalendar) => void }) {
  const form = useOfficeForm<{ date: string; kind: CalendarDayKind; note: string }>({
    date: '',
    kind: 'holiday',
    note: '',
  });
  const [saved, setSaved] = useState('');

  const save = () => {
    setSaved('');
    void form.submit(
      validate(calendarDaySchema, { ...form.values, date: form.values.date.trim() }),
      async (input) => {
        onSaved(await setCalendarDay(input));
        setSaved(input.date);
      },
    );
  };

  return (
    <View className="mq-section">
      <Text className="mq-section__title">调整某一天</Text>
      <Text className="office-page__intro">
        本县临时放假或补班（例如防汛、地方节日），只改这一天；选“恢复”则取消本县对这一天的调整。
      </Text>
      <View className="office-form__grid">
        <TextField
          label="日期"
          value={form.values.date}
          onInput={(v) => form.set('date', v)}
          error={form.issue('date')}
          placeholder={`例如 ${formatLocalDate({ year, month: 7, day: 15 })}`}
          maxlength={10}
        />
        <TextField
          label="说明（可不填）"
          value={form.values.note}
          onInput={(v) => form.set('note', v)}
          error={form.issue('note')}
          placeholder="例如：防汛放假"
          maxlength={50}
        />
        <View className="office-form__wide">
          <Chips
            label="这一天"
            options={DAY_KINDS}
            value={form.values.kind}
            onChange={(kind) => form.set('kind', kind)}
            error={form.issue('kind')}
          />
        </View>
      </View>
      <FormProblem form={form} />
      {saved && !form.failure ? <Text className="office-done">✓ 已调整 {saved}</Text> : null}
      <View className="office-form__buttons">
        <Btn kind="primary" busyText={form.busy && '正在保存…'} onClick={save}>
          保存这一天
        </Btn>
      </View>
    </View>
  );
}

const POLICY_FIELDS = [
  { key: 'acceptDays', label: '签收时限', hint: '诉求到了以后几个工作日内签收' },
  { key: 'villageDays', label: '村级办结时限', hint: '村（社区）办理' },
  { key: 'townshipDays', label: '乡镇级办结时限', hint: '上报到乡镇后' },
  { key: 'countyDays', label: '县级办结时限', hint: '上报到县里后' },
  { key: 'rectifyDays', label: '整改时限', hint: '差评核实属实后' },
] as const;

type PolicyKey = (typeof POLICY_FIELDS)[number]['key'];

const toNumber = (s: string) => (s.trim() === '' ? undefined : Number(s.trim()));

/** The county's time limits in working days: five numbers, checked with the shared schema. */
function PolicyForm({
  calendar,
  onSaved,
}: {
  calendar: CountyCalendar;
  onSaved: (next: CountyCalendar) => void;
}) {
  const form = useOfficeForm<Record<PolicyKey, string>>(() => ({
    acceptDays: String(calendar.policy.acceptDays),
    villageDays: String(calendar.policy.villageDays),
    townshipDays: String(calendar.policy.townshipDays),
    countyDays: String(calendar.policy.countyDays),
    rectifyDays: String(calendar.policy.rectifyDays),
  }));
  const [saved, setSaved] = useState(false);

  const save = () => {
    setSaved(false);
    const input = Object.fromEntries(
      POLICY_FIELDS.map((f) => [f.key, toNumber(form.values[f.key])]),
    );
    void form.submit(validate(deadlinePolicySchema, input), async (checked) => {
      onSaved(await setDeadlinePolicy(checked));
      setSaved(true);
    });
  };

  return (
    <View className="mq-section">
      <Text className="mq-section__title">办理时限（工作日）</Text>
      <Text className="office-page__intro">
        时限从诉求到达当前办理人的第二个工作日算起，到第N个工作日18:00。修改后，新到达的诉求按新时限计算。
      </Text>
      <View className="office-form__grid calendar-page__policy">
        {POLICY_FIELDS.map((f) => (
          <TextField
            key={f.key}
            label={`${f.label}（天）`}
            value={form.values[f.key]}
            onInput={(v) => form.set(f.key, v)}
            error={form.issue(f.key)}
            hint={f.hint}
            maxlength={2}
          />
        ))}
      </View>
      <FormProblem form={form} />
      {saved && !form.failure ? <Text className="office-done">✓ 已保存办理时限</Text> : null}
      <View className="office-form__buttons">
        <Btn kind="primary" busyText={form.busy && '正在保存…'} onClick={save}>
          保存办理时限
        </Btn>
      </View>
    </View>
  );
}

function PolicyFacts({ calendar }: { calendar: CountyCalendar }) {
  return (
    <View className="mq-section office-facts">
      <Text className="mq-section__title">办理时限（工作日）</Text>
      {POLICY_FIELDS.map((f) => (
        <View key={f.key} className="office-facts__line">
          <Text className="office-facts__label calendar-page__policy-label">{f.label}</Text>
          <Text className="office-facts__value">{calendar.policy[f.key]}个工作日</Text>
        </View>
      ))}
      <Text className="mq-muted">工作日历和办理时限由县里的系统管理员修改。</Text>
    </View>
  );
}
