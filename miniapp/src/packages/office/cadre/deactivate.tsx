import { Text, View } from '@tarojs/components';
import { deactivateCadreSchema, validate, type OfficeCadre } from '@mqlk/shared';

import { Btn } from '../../../components/btn';
import { deactivateCadre } from '../../../services/api/office';
import { ConfirmBox } from '../components/confirm-box';
import { FormProblem, TextAreaField, useConfirmStep, useOfficeForm } from '../components/form';

/**
 * 停用干部 without a successor. The server refuses while requests still wait on the cadre
 * (CADRE_HAS_OPEN_WORK): its message says to hand them over first, and is shown as it is.
 */
export function DeactivateCadre({
  cadre,
  onDone,
}: {
  cadre: OfficeCadre;
  onDone: (cadre: OfficeCadre) => void;
}) {
  const form = useOfficeForm({ reason: '' });
  const checked = () => validate(deactivateCadreSchema, form.values);

  const { confirming, next, back } = useConfirmStep(form, checked);

  const send = () =>
    void form.submit(checked(), async (input) => {
      onDone(await deactivateCadre(cadre.id, input));
    });

  return (
    <View>
      {cadre.openRequests > 0 ? (
        <Text className="office-warning">
          ! {cadre.name}还有{cadre.openRequests}
          条未办结的诉求：请先用上面的“事随人转”交给接任的干部，否则不能停用。
        </Text>
      ) : null}
      <TextAreaField
        label="停用原因"
        value={form.values.reason}
        onInput={(v) => {
          form.set('reason', v);
          back();
        }}
        error={form.issue('reason')}
        placeholder="例如：退休、辞职"
      />
      {confirming ? (
        <ConfirmBox
          question={`确定停用干部${cadre.name}吗？`}
          confirmLabel="确定停用"
          busyText="正在停用…"
          busy={form.busy}
          failure={form.failure}
          onConfirm={send}
          onCancel={back}
        >
          <Text>
            停用后{cadre.name}不能再登录，扫{cadre.name}
            的联系卡不能再反映诉求；和{cadre.name}
            结对的联户改为未结对，请在联户台账里重新安排结对。已经办结的诉求、评价和走访记录保留。如果有人接任，请改用“事随人转”。
          </Text>
        </ConfirmBox>
      ) : (
        <View>
          <FormProblem form={form} />
          <View className="office-form__buttons">
            <Btn kind="danger" onClick={next}>
              下一步
            </Btn>
          </View>
        </View>
      )}
    </View>
  );
}
