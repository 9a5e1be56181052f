import type { SubscribeTemplateIds } from '@mqlk/shared';

jest.mock('../services/api/notices', () => ({ getSubscribeTemplates: jest.fn() }));

const TEMPLATES: SubscribeTemplateIds = {
  progress: 'tpl-progress',
  newRequest: 'tpl-new',
  reminder: 'tpl-reminder',
};

/** A fresh copy of the module each time: its template cache lives for the app's lifetime. */
async function load(file: 'weapp' | 'h5') {
  jest.resetModules();
  const { default: Taro } = await import('@tarojs/taro');
  const api = await import('../services/api/notices');
  const subscribe =
    file === 'weapp' ? await import('./subscribe.weapp') : await import('./subscribe.h5');
  return {
    subscribe,
    ask: jest.mocked(Taro.requestSubscribeMessage),
    templates: jest.mocked(api.getSubscribeTemplates),
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('subscribe messages in WeChat', () => {
  it('asks at once, inside the tap, for the templates fetched when the page opened', async () => {
    const { subscribe, ask, templates } = await load('weapp');
    templates.mockResolvedValue(TEMPLATES);
    subscribe.prefetchSubscribeTemplates();
    subscribe.prefetchSubscribeTemplates();
    await settle();

    const asked = subscribe.askSubscription(['newRequest', 'reminder']);
    // Called before anything is awaited: WeChat refuses the dialog outside the tap.
    expect(ask).toHaveBeenCalledWith({ tmplIds: ['tpl-new', 'tpl-reminder'] });
    await asked;

    subscribe.prefetchSubscribeTemplates();
    await subscribe.askSubscription(['progress']);
    expect(ask).toHaveBeenLastCalledWith({ tmplIds: ['tpl-progress'] });
    expect(templates).toHaveBeenCalledTimes(1);
  });

  it('leaves out templates the server has not set up, and asks nothing when none are', async () => {
    const { subscribe, ask, templates } = await load('weapp');
    templates.mockResolvedValue({ progress: null, newRequest: 'tpl-new', reminder: null });
    subscribe.prefetchSubscribeTemplates();
    await settle();

    await subscribe.askSubscription(['newRequest', 'reminder']);
    expect(ask).toHaveBeenCalledWith({ tmplIds: ['tpl-new'] });

    await subscribe.askSubscription(['progress']);
    expect(ask).toHaveBeenCalledTimes(1);
  });

  it('asks nothing when tapped before the ids arrived, and fetches them for the next tap', async () => {
    const { subscribe, ask, templates } = await load('weapp');
    templates.mockResolvedValue(TEMPLATES);

    await subscribe.askSubscription(['progress']);
    expect(ask).not.toHaveBeenCalled();
    expect(templates).toHaveBeenCalledTimes(1);
    await settle();

    await subscribe.askSubscription(['progress']);
    expect(ask).toHaveBeenCalledWith({ tmplIds: ['tpl-progress'] });
  });

  it('tries the fetch again after it failed', async () => {
    const { subscribe, ask, templates } = await load('weapp');
    templates.mockRejectedValueOnce(new Error('offline')).mockResolvedValueOnce(TEMPLATES);
    subscribe.prefetchSubscribeTemplates();
    await settle();

    await subscribe.askSubscription(['progress']);
    expect(ask).not.toHaveBeenCalled();
    await settle();

    await subscribe.askSubscription(['progress']);
    expect(ask).toHaveBeenCalledTimes(1);
    expect(templates).toHaveBeenCalledTimes(2);
  });

  it('takes a refusal or a failure quietly', async () => {
    const { subscribe, ask, templates } = await load('weapp');
    templates.mockResolvedValue(TEMPLATES);
    subscribe.prefetchSubscribeTemplates();
    await settle();
    ask.mockRejectedValueOnce({ errMsg: 'requestSubscribeMessage:fail cancel', errCode: 20004 });

    await expect(subscribe.askSubscription(['progress'])).resolves.toBeUndefined();
  });
});

describe('subscribe messages in a browser', () => {
  it('do nothing: no WeChat API, no fetch', async () => {
    const { subscribe, ask, templates } = await load('h5');

    subscribe.prefetchSubscribeTemplates();
    await subscribe.askSubscription(['progress', 'newRequest', 'reminder']);

    expect(templates).not.toHaveBeenCalled();
    expect(ask).not.toHaveBeenCalled();
  });
});
