import Taro from '@tarojs/taro';
import type { SubscribeTemplate, SubscribeTemplateIds } from '@mqlk/shared';

import { getSubscribeTemplates } from '../services/api/notices';

/*
 * WeChat shows the subscribe dialog only when it is asked inside a tap handler, before anything
 * has been awaited there: the template ids must already be in memory by then. Pages prefetch
 * them when they open; a tap that comes before they arrive simply asks nothing this time.
 */
let templates: SubscribeTemplateIds | null = null;
let fetching: Promise<void> | null = null;

export function prefetchSubscribeTemplates(): void {
  if (templates || fetching) return;
  fetching = getSubscribeTemplates().then(
    (ids) => {
      templates = ids;
      fetching = null;
    },
    () => {
      // Tried again at the next page or tap: the dialog is a nicety, never worth an error.
      fetching = null;
    },
  );
}

/**
 * Asks the person to subscribe to these templates (those the server has set up). Call it first
 * thing in a tap handler and do not wait for it: a refusal, or an old WeChat without the API,
 * is normal and changes nothing for the action the tap started.
 */
export async function askSubscription(kinds: SubscribeTemplate[]): Promise<void> {
  if (!templates) {
    prefetchSubscribeTemplates();
    return;
  }
  const known = templates;
  const tmplIds = kinds.map((kind) => known[kind]).filter((id): id is string => Boolean(id));
  if (tmplIds.length === 0) return;
  try {
    // Taro's types ask for Alipay's entityIds as well; WeChat takes tmplIds alone.
    await Taro.requestSubscribeMessage({ tmplIds } as Taro.requestSubscribeMessage.Option);
  } catch {
    // Refused, or closed: the 消息 list still carries every notice.
  }
}
