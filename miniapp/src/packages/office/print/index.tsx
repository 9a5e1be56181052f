import { Text, View } from '@tarojs/components';
import { ORG_UNIT_KIND_LABELS } from '@mqlk/shared';
import { useState } from 'react';

import { Btn } from '../../../components/btn';
import { WorkError } from '../../../components/work-access';
import { useLoad } from '../../../hooks/use-load';
import { downloadCardSheet, getUnits } from '../../../services/api/office';
import { DownloadStatus, useDownload } from '../components/download';
import { type CardQrKind, QrKindChips } from '../components/form';
import { OfficePage } from '../components/office-page';
import { UnitChooser } from '../components/unit-chooser';
import { isOpenUnit, unitNodes, type UnitNode } from '../components/units';

/** A whole village's or township's cards at once; one card is printed from its cadre's page. */
const PRINTABLE = (unit: UnitNode) =>
  isOpenUnit(unit) && (unit.kind === 'village' || unit.kind === 'township');

/** 打印联系卡: every active card of a village or township as one PDF, A4, 8 to a page. */
export default function PrintPage() {
  return (
    <OfficePage title="打印联系卡" section="officePrint">
      <Print />
    </OfficePage>
  );
}

function Print() {
  const units = useLoad(getUnits, 'units');
  const [unitId, setUnitId] = useState<number | null>(null);
  const [problem, setProblem] = useState('');
  const [qr, setQr] = useState<CardQrKind>('link');
  const sheet = useDownload();

  if (units.state.status === 'loading')
    return <Text className="office-page__loading">正在加载…</Text>;
  if (units.state.status === 'failed') {
    return <WorkError error={units.state.error} onRetry={units.reload} />;
  }
  const nodes = unitNodes(units.state.data);
  const chosen = nodes.find((u) => u.id === unitId);

  const print = () => {
    if (!unitId) {
      setProblem('请先选择村（社区）或乡镇（街道）');
      return;
    }
    setProblem('');
    void sheet.run((progress) => downloadCardSheet({ unitId, qr }, progress));
  };

  return (
    <View className="mq-section">
      <Text className="office-page__intro">
        选一个村（社区）或乡镇（街道），下载这里所有在岗干部的有效联系卡（含下面各网格）。A4
        纸，每页8张，带裁切线；正反面打印时选“长边翻转”。只打印一位干部的卡，请到干部的页面点“打印”。
      </Text>
      <UnitChooser
        label="打印哪里的联系卡"
        units={nodes}
        value={unitId}
        onChange={(id) => {
          setUnitId(id);
          setProblem('');
          sheet.reset();
        }}
        selectable={PRINTABLE}
        placeholder="请选择村（社区）或乡镇（街道）"
        error={problem || undefined}
        hint="可选的是村（社区）和乡镇（街道）；网格的卡随所在的村一起打印。"
      />
      <QrKindChips
        value={qr}
        onChange={(kind) => {
          setQr(kind);
          sheet.reset();
        }}
      />
      <Btn kind="primary" size="big" busyText={sheet.busy && '正在生成…'} onClick={print}>
        {chosen ? `下载${chosen.name}的联系卡（PDF）` : '下载联系卡（PDF）'}
      </Btn>
      <DownloadStatus state={sheet.state} />
      {chosen ? (
        <Text className="mq-muted">
          {ORG_UNIT_KIND_LABELS[chosen.kind]}：{chosen.label}
        </Text>
      ) : null}
    </View>
  );
}
