import { Text, View } from '@tarojs/components';
import type { ConfirmationTicket, RequestDetail } from '@mqlk/shared';
import { useEffect, useRef, useState } from 'react';

import { Btn } from '../../../components/btn';
import { DescribedImage } from '../../../components/described-image';
import { confirmationTicket } from '../../../services/api/requests';
import { asApiError, type ApiError } from '../../../services/http';
import { formatDateTime } from '../../../utils/format';
import { isStale } from './move';

const QR_ALT = '当场解决确认码（二维码），请群众用微信扫码确认';

interface ConfirmationCodeProps {
  request: RequestDetail;
  /** A code that came with the page (a record just made), shown at once. */
  initial: ConfirmationTicket | null;
  /** Ask for a code as soon as the page opens (a record just made, whose code did not come along). */
  showAtOnce: boolean;
  /** The request changed meanwhile (e.g. the resident confirmed it): show it as it is now. */
  onStale: (error: ApiError) => void;
}

/**
 * 出示确认码: a 当场解决 record counts once the resident confirms it, by scanning this QR code on
 * the cadre's phone or opening the link sent by SMS. Every new code replaces the one before.
 */
export function ConfirmationCode({ request, initial, showAtOnce, onStale }: ConfirmationCodeProps) {
  const [ticket, setTicket] = useState<ConfirmationTicket | null>(initial);
  const [busy, setBusy] = useState<'show' | 'sms' | null>(null);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [sms, setSms] = useState<{ sentTo: string | null; devSms: string } | null>(null);

  const ask = async (sendSms: boolean) => {
    if (busy) return;
    setBusy(sendSms ? 'sms' : 'show');
    setFailure(null);
    try {
      const next = await confirmationTicket(request.id, sendSms);
      setTicket(next);
      setSms(sendSms ? { sentTo: next.smsSentTo, devSms: next.devSms ?? '' } : null);
    } catch (error) {
      const failed = asApiError(error);
      if (isStale(failed)) onStale(failed);
      else setFailure(failed);
    } finally {
      setBusy(null);
    }
  };

  const asked = useRef(false);
  useEffect(() => {
    if (showAtOnce && !initial && !asked.current) {
      asked.current = true;
      void ask(false);
    }
    // Once, when the page opens; `ask` and the props are as they were then.
  }, []);

  return (
    <View className="mq-section work-action work-confirm">
      <Text className="mq-section__title">请群众确认</Text>
      <Text className="work-action__hint">
        当场解决的事，要群众确认后才算办结。请群众用微信扫下面的二维码，或打开短信里的链接，用登记的手机号
        {request.contactPhoneMasked ? `（${request.contactPhoneMasked}）` : ''}验证后确认。
      </Text>
      {ticket ? (
        <View className="work-confirm__ticket">
          <DescribedImage
            className="work-confirm__qr"
            src={ticket.qrDataUrl}
            mode="aspectFit"
            alt={QR_ALT}
          />
          <Text className="work-confirm__expiry">有效期至 {formatDateTime(ticket.expiresAt)}</Text>
          <Text className="mq-label">确认链接</Text>
          <Text className="work-confirm__link" userSelect>
            {ticket.link}
          </Text>
        </View>
      ) : null}
      {sms ? (
        <Text className={sms.sentTo ? 'work-confirm__sent' : 'mq-field-error'}>
          {sms.sentTo
            ? `✓ 已发送到 ${sms.sentTo}`
            : '! 这件事没有登记手机号，短信没有发出，请让群众扫码确认'}
        </Text>
      ) : null}
      {sms?.devSms ? <Text className="work-confirm__dev">测试环境短信：{sms.devSms}</Text> : null}
      {failure ? <Text className="mq-field-error">! {failure.message}</Text> : null}
      <Btn
        kind={ticket ? 'secondary' : 'primary'}
        size="big"
        busyText={busy === 'show' && '正在生成确认码…'}
        onClick={() => void ask(false)}
      >
        {ticket ? '换一个新的确认码' : '出示确认码'}
      </Btn>
      <Btn
        kind="secondary"
        className="work-confirm__sms"
        busyText={busy === 'sms' && '正在发送…'}
        onClick={() => void ask(true)}
      >
        短信发送给群众
      </Btn>
      {ticket ? (
        <Text className="mq-muted">换新的确认码或发短信后，之前的二维码和链接就不能用了。</Text>
      ) : null}
    </View>
  );
}
