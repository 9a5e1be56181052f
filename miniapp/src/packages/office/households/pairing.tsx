import { Text } from '@tarojs/components';
import {
  type Household,
  type Pairing,
  PAIRING_LABELS,
  PAIRINGS,
  SPECIAL_GROUP_LABELS,
  SPECIAL_GROUPS,
} from '@mqlk/shared';

import { formatLocalDay } from '../../../utils/format';
import { Chips } from '../components/form';

const PAIRING_OPTIONS: readonly { key: Pairing | ''; label: string }[] = PAIRINGS.map((p) => ({
  key: p,
  label: PAIRING_LABELS[p],
}));

/** 结交 / 结友 / 结亲: none chosen until one is tapped. */
export function PairingChips({
  value,
  onChange,
  error,
}: {
  value: Pairing | null;
  onChange: (pairing: Pairing) => void;
  error?: string | undefined;
}) {
  return (
    <Chips
      label="结对方式"
      options={PAIRING_OPTIONS}
      value={value ?? ''}
      onChange={(key) => {
        if (key) onChange(key);
      }}
      error={error}
    />
  );
}

export const PAIRING_HINT = '结交、结友为一般联系；结亲用于生活困难、需要经常帮扶的户。';

/** 张三 · 结亲, or 未结对. */
export function pairingText(h: Pick<Household, 'cadreName' | 'pairing'>): string {
  return h.cadreName && h.pairing ? `${h.cadreName} · ${PAIRING_LABELS[h.pairing]}` : '未结对';
}

/** 2026年11月1日, or 从未走访. */
export const lastVisitText = (h: Pick<Household, 'lastVisitOn'>): string =>
  h.lastVisitOn ? formatLocalDay(h.lastVisitOn) : '从未走访';

/** The special groups first, in the vocabulary's order and marked, then the free tags; — when none. */
export function HouseholdTags({ household }: { household: Household }) {
  if (household.specialGroups.length === 0 && household.freeTags.length === 0) {
    return <Text className="mq-muted">—</Text>;
  }
  return (
    <Text className="household-tags">
      {SPECIAL_GROUPS.filter((g) => household.specialGroups.includes(g)).map((g) => (
        <Text key={g} className="household-tag household-tag--special">
          {SPECIAL_GROUP_LABELS[g]}
        </Text>
      ))}
      {household.freeTags.map((t) => (
        <Text key={t} className="household-tag">
          {t}
        </Text>
      ))}
    </Text>
  );
}
