import { Picker, Text, View } from '@tarojs/components';
import { useState } from 'react';

import { Btn } from '../../../components/btn';
import { downloadMonthlyReport, type ReportFormat } from '../../../services/api/stats';
import { lastMonth, monthLabel, shiftMonth, type Month } from '../../../utils/period';
import { DownloadStatus, useDownload } from '../../office/components/download';

/** The earliest month the picker offers: before the system there is nothing to report. */
const FIRST_MONTH = '2020-01';

const FORMATS: readonly { format: ReportFormat; label: string }[] = [
  { format: 'pdf', label: '下载月报（PDF，可打印）' },
  { format: 'xlsx', label: '下载月报（Excel）' },
];

interface MonthlyReportProps {
  /** the figures page's unit; undefined: the reader's own scope */
  unitId: number | undefined;
  unitName: string;
}

/**
 * 月报: a month that is over, for the unit the figures page shows, as a PDF to print or a
 * workbook to work on. The month defaults to last month; this month cannot be chosen (the server
 * refuses it too, and says so).
 */
export function MonthlyReport({ unitId, unitName }: MonthlyReportProps) {
  const latest = lastMonth();
  const [month, setMonth] = useState<Month>(latest);
  const file = useDownload();
  const [running, setRunning] = useState<ReportFormat>('pdf');

  const choose = (next: Month) => {
    if (next > latest || next < FIRST_MONTH) return;
    setMonth(next);
    file.reset();
  };
  const download = (format: ReportFormat) => {
    if (file.busy) return;
    setRunning(format);
    void file.run((progress) =>
      downloadMonthlyReport({ ...(unitId ? { unitId } : {}), month }, format, progress),
    );
  };

  return (
    <View className="mq-section monthly-report">
      <Text className="mq-section__title">月报</Text>
      <Text className="mq-muted monthly-report__intro">
        一个月的全部指标、排名、超期诉求、差评及整改情况、各级办结占比。单位就是上面选的单位；只能生成已经结束的月份。
      </Text>
      <View className="monthly-report__line">
        <View className="monthly-report__what">
          <Text className="mq-label">单位</Text>
          <Text className="monthly-report__unit">{unitName}</Text>
        </View>
        <View className="monthly-report__what">
          <Text className="mq-label">月份</Text>
          <View className="monthly-report__month">
            <Btn kind="plain" size="small" onClick={() => choose(shiftMonth(month, -1))}>
              ‹ 前一个月
            </Btn>
            <Picker
              mode="date"
              fields="month"
              value={month}
              start={FIRST_MONTH}
              end={latest}
              onChange={(e) => choose(String(e.detail.value).slice(0, 7))}
            >
              <View className="monthly-report__field">
                <Text className="monthly-report__month-label">{monthLabel(month)}</Text>
                <Text className="monthly-report__change">修改</Text>
              </View>
            </Picker>
            <Btn
              kind="plain"
              size="small"
              disabled={month >= latest}
              onClick={() => choose(shiftMonth(month, 1))}
            >
              后一个月 ›
            </Btn>
          </View>
        </View>
      </View>
      <View className="monthly-report__buttons">
        {FORMATS.map(({ format, label }) => (
          <Btn
            key={format}
            kind={format === 'pdf' ? 'primary' : 'secondary'}
            disabled={file.busy && running !== format}
            busyText={file.busy && running === format && '正在生成…'}
            onClick={() => download(format)}
          >
            {label}
          </Btn>
        ))}
      </View>
      <DownloadStatus state={file.state} />
    </View>
  );
}
