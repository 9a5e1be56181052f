import { View } from '@tarojs/components';
import { SPECIAL_GROUP_LABELS, type Household } from '@mqlk/shared';

import { Badge } from '../../../components/badge';

/** A household's 特殊群体 (★) and free tags (#) as badges; nothing when it has none. */
export function HouseholdBadges({
  household: h,
  className,
}: {
  household: Pick<Household, 'specialGroups' | 'freeTags'>;
  className: string;
}) {
  if (h.specialGroups.length + h.freeTags.length === 0) return null;
  return (
    <View className={className}>
      {h.specialGroups.map((g) => (
        <Badge key={g} tone="warning" icon="★" label={SPECIAL_GROUP_LABELS[g]} />
      ))}
      {h.freeTags.map((t) => (
        <Badge key={t} tone="neutral" icon="#" label={t} />
      ))}
    </View>
  );
}
