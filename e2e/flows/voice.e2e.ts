import type { Browser, Page } from 'playwright-core';
import { launchBrowser, phonePage, type Product, shot, startProduct } from '../harness';
import { DEMO, field, see, shown, signInAtWork } from '../pages';

/** Chromium's fake microphone (a beeping tone), granted without asking. */
const FAKE_MICROPHONE = ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'];

/** Waits until the page's `<audio>` has really played a while (not only been asked to). */
const heardPlaying = (page: Page) =>
  page.waitForFunction(() => {
    const audio = document.querySelector<HTMLAudioElement>('audio.mq-voice-audio');
    return audio !== null && !audio.paused && audio.currentTime > 0.3;
  });

/** Taps 按住说话 once, lets it record `ms`, taps again to stop. */
async function record(page: Page, ms: number): Promise<void> {
  await shown(page).getByText('按住说话', { exact: true }).click();
  await see(shown(page).getByText(/正在录音 \d+秒 \/ 60秒/)).toBeVisible();
  await page.waitForTimeout(ms);
}

describe('a voice-only request in a real browser: 按住说话 → replay → submit → the cadre plays it', () => {
  let product: Product;
  let browser: Browser;
  let number: string;

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchBrowser(FAKE_MICROPHONE);
  });
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  it('a resident records, replays, re-records and sends a request without writing a word', async () => {
    const resident = await phonePage(browser);
    await resident.goto(`${product.baseUrl}/c/${DEMO.card}`);
    await shown(resident).getByText('我要反映').first().click();
    const form = shown(resident);
    await form.getByText('实际困难', { exact: true }).click();
    await form.getByText('饮水', { exact: true }).click();
    await see(form.getByText('按住说话', { exact: true })).toBeVisible();
    await shot(resident, 'voice-01-form');

    // Tap to start, tap to stop: for hands that cannot hold a button down.
    await record(resident, 2500);
    await shot(resident, 'voice-02-recording');
    await form.getByText('松开或点一下结束').click();
    await see(form.getByText(/已录好一段\d+秒的语音/)).toBeVisible();
    await form.getByText('▶ 听一遍').click();
    await heardPlaying(resident);
    await see(form.getByText('■ 停止播放')).toBeVisible();
    await shot(resident, 'voice-03-replay');
    await form.getByText('■ 停止播放').click();

    // Not happy with it: delete and say it again, this time in 长辈模式.
    await form.getByText('删除重录').click();
    await resident.goBack();
    await shown(resident).getByText('长辈模式').click();
    await shown(resident).getByText('✓ 已开启').waitFor();
    await shown(resident).getByText('我要反映').first().click();
    const elderForm = shown(resident);
    await see(elderForm.getByText('按住说话', { exact: true })).toBeVisible();
    const talk = await elderForm.locator('.voice-recorder__talk').boundingBox();
    expect(talk!.height).toBeGreaterThanOrEqual(60);
    await shot(resident, 'voice-04-form-elder');
    await record(resident, 3000);
    await shot(resident, 'voice-05-recording-elder');
    await elderForm.getByText('松开或点一下结束').click();
    await see(elderForm.getByText(/已录好一段\d+秒的语音/)).toBeVisible();

    await elderForm.getByText('请点这里表示同意', { exact: false }).click();
    await field(elderForm, '请输入11位手机号').fill('13912340099');
    await elderForm.getByText('获取验证码').click();
    const hint = await elderForm.getByText(/测试环境验证码/).textContent();
    await field(elderForm, '6位数字').fill(/(\d{6})/.exec(hint ?? '')![1]!);
    await shot(resident, 'voice-06-ready-elder');
    await elderForm.getByText('提交', { exact: true }).click();

    const done = shown(resident)
      .getByText(/MQ-\d{8}-\d{4}/)
      .first();
    await done.waitFor();
    number = /MQ-\d{8}-\d{4}/.exec((await done.textContent()) ?? '')![0];
    await shot(resident, 'voice-07-submitted-elder');

    // The resident hears their own recording on their request's page.
    await shown(resident).getByText('查看这件事的进展').click();
    await shown(resident)
      .getByText(/▶ 播放群众的语音（\d+秒）/)
      .click();
    await heardPlaying(resident);
    await shot(resident, 'voice-08-resident-request-elder');
    await resident.context().close();
  });

  it('the cadre sees a voice request in the inbox and plays it beside its transcript', async () => {
    const cadre = await phonePage(browser);
    await signInAtWork(cadre, product.baseUrl, 'cadre01');
    await shown(cadre).getByText(number).waitFor();
    await see(shown(cadre).getByText('（语音诉求）').first()).toBeVisible();
    await shot(cadre, 'voice-09-cadre-inbox');
    await shown(cadre).getByText(number).click();
    await see(shown(cadre).getByText(/【本地测试转写】一段\d秒的语音/)).toBeVisible();
    await shown(cadre)
      .getByText(/▶ 播放群众的语音（\d+秒）/)
      .click();
    await heardPlaying(cadre);
    await see(shown(cadre).getByText('■ 停止播放')).toBeVisible();
    await shot(cadre, 'voice-10-cadre-plays');
    await cadre.context().close();
  });
});
