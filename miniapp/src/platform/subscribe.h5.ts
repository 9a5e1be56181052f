import type { SubscribeTemplate } from '@mqlk/shared';

/*
 * Browsers have no subscribe messages: a resident who came through a browser hears by SMS, and
 * everyone reads the 消息 list. Both functions exist so that pages call them the same way.
 */

export function prefetchSubscribeTemplates(): void {}

export async function askSubscription(_kinds: SubscribeTemplate[]): Promise<void> {}
