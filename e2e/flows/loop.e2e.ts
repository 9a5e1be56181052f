import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, phonePage, type Product, shot, startProduct } from '../harness';
import { DEMO, field, samplePng, see, shown, signInAtWork } from '../pages';

const CARD = DEMO.card;

describe('the loop in a real browser: scan → submit → handle → rate → 满意率', () => {
  let product: Product;
  let browser: Browser;
  let resident: Page;
  let number: string;

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchBrowser();
    resident = await phonePage(browser);
  });
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  it('a resident opens the card and submits a request', async () => {
    const loaded: Promise<number>[] = [];
    const count = (r: import('playwright-core').Response) =>
      void loaded.push(
        r
          .request()
          .sizes()
          .then((s) => s.responseBodySize + s.responseHeadersSize),
      );
    resident.on('response', count);
    await resident.goto(`${product.baseUrl}/c/${CARD}`);
    await see(shown(resident).getByText('张建国').first()).toBeVisible();
    resident.off('response', count);
    const bytes = (await Promise.all(loaded)).reduce((a, b) => a + b, 0);
    // A figure for the notes, measured on a cold cache: what a resident downloads to see a card.
    console.log(
      `H5 card page transfer: ${(bytes / 1024).toFixed(1)} KB in ${loaded.length} responses`,
    );
    expect(loaded.length).toBeGreaterThan(0);
    await see(shown(resident).getByText('镇供水站')).toBeVisible();
    await shot(resident, '01-card');

    await shown(resident).getByText('我要反映').first().click();
    const form = shown(resident);
    await form.getByText('实际困难', { exact: true }).click();
    await form.getByText('饮水', { exact: true }).click();
    await form
      .locator('textarea')
      .fill('东岭村三组的自来水停了三天了，老人挑水很困难，请帮忙看看。');
    // A photo from the album: the H5 app previews and shrinks it through blob: URLs, which the
    // server's Content-Security-Policy must allow.
    const chooser = resident.waitForEvent('filechooser');
    await form.getByText('拍照或选照片').click();
    await (
      await chooser
    ).setFiles({ name: 'pipe.png', mimeType: 'image/png', buffer: samplePng() });
    await see(form.getByText('提交时上传')).toBeVisible();
    await form.getByText('请点这里表示同意', { exact: false }).click();
    await field(form, '请输入11位手机号').fill('13912345678');
    await form.getByText('获取验证码').click();
    const hint = await form.getByText(/测试环境验证码/).textContent();
    const code = /(\d{6})/.exec(hint ?? '')?.[1];
    expect(code).toMatch(/^\d{6}$/);
    await field(form, '6位数字').fill(code!);
    await shot(resident, '02-submit-filled');
    await form.getByText('提交', { exact: true }).click();

    const done = shown(resident)
      .getByText(/MQ-\d{8}-\d{4}/)
      .first();
    await done.waitFor();
    number = /MQ-\d{8}-\d{4}/.exec((await done.textContent()) ?? '')![0];
    await shot(resident, '03-submitted');
  });

  it('the cadre signs in, accepts and resolves it', async () => {
    const cadre = await phonePage(browser);
    await signInAtWork(cadre, product.baseUrl, 'cadre01');
    await shown(cadre).getByText(number).waitFor();
    await shot(cadre, '04-cadre-inbox');
    await shown(cadre).getByText(number).click();
    await shown(cadre).getByText('签收，开始办理').click();
    await shown(cadre).getByText('办结，请群众评价').waitFor();
    await shown(cadre).getByText('已解决', { exact: true }).click();
    await field(shown(cadre), '怎么办的、办成什么样').fill(
      '已联系镇供水站抢修，管道已修复，恢复供水。',
    );
    await field(shown(cadre), '比如：村东头自来水管道已修复，恢复供水').fill(
      '村东头自来水管道已修复，恢复供水',
    );
    await shown(cadre).getByText('办结，请群众评价').click();
    await see(shown(cadre).getByText('已办结').first()).toBeVisible();
    await shot(cadre, '05-cadre-resolved');
    await cadre.context().close();
  });

  it('the resident sees every step and rates 5', async () => {
    await resident.goto(`${product.baseUrl}/mine`);
    await shown(resident).getByText(number).click();
    const detail = shown(resident);
    await see(detail.getByText('签收').first()).toBeVisible();
    const photo = detail.locator('.mq-request-body__photo img').first();
    await photo.waitFor();
    await resident.waitForFunction(
      (img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0,
      await photo.elementHandle(),
    );
    await detail.getByText('已解决', { exact: true }).click();
    await detail.getByText('非常满意', { exact: true }).click();
    await shot(resident, '06-rating');
    await detail.getByText('提交评价').click();
    await see(shown(resident).getByText('已关闭').first()).toBeVisible();
    await shot(resident, '07-rated');
  });

  it('the township staff see 满意率 100 % for that cadre', async () => {
    const staff = await newPage(browser, {
      viewport: { width: 1280, height: 900 },
      locale: 'zh-CN',
    });
    await signInAtWork(staff, product.baseUrl, 'shiqiao');
    await shown(staff).getByText('乡镇工作台').click();
    const row = shown(staff).locator('.figures-table__row', { hasText: '张建国' });
    await see(row).toContainText('100.0%');
    await shot(staff, '08-township-figures');
    await staff.close();
  });
});
