import jsQR from 'jsqr';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { Api, randomPhone } from '../api';
import { launchBrowser, newPage, phonePage, type Product, shot, startProduct } from '../harness';
import {
  DEMO,
  field,
  measure,
  pageText,
  see,
  shown,
  signInAtWork,
  signInResident,
  useSession,
} from '../pages';

/**
 * Every move of a request through the pages people use: staff verify a bad review (founded and
 * unfounded), the cadre rectifies, the resident rates again; 当场解决 confirmed by the resident with
 * the QR code from the cadre's phone; 代填 found by the resident after sign-in; transfer; escalate;
 * a 督办 mark; and the cadre's view of a request rated 1 next to one rated 5. What a flow is not
 * about is arranged through the API first.
 */
describe('every move in a real browser', () => {
  let product: Product;
  let browser: Browser;
  let api: Api;
  let cadre: Page;
  let staff: Page;
  let cadreToken: string;

  /** The status badge in the request's header. */
  const status = (page: Page, label: string) =>
    shown(page).locator('.mq-request-header .mq-badge', { hasText: label });

  const openAtWork = async (page: Page, id: number) => {
    await page.goto(`${product.baseUrl}/work/request?id=${id}`);
    await shown(page).locator('.mq-request-header').waitFor();
  };

  /** A request through 张建国's card, by a new resident; returns its id and the resident. */
  const submitted = async (text = '村东头自来水停了三天了，老人挑水很困难') => {
    const phone = randomPhone();
    const resident = await api.resident(phone);
    const r = await api.submit(resident.token, DEMO.card, text);
    return { ...r, resident, phone };
  };

  const rated = async (level: number, comment: string) => {
    const r = await submitted();
    await api.handle(cadreToken, r.id);
    await api.rate(r.resident.token, r.id, level, comment);
    return r;
  };

  beforeAll(async () => {
    product = await startProduct();
    browser = await launchBrowser();
    api = new Api(product.baseUrl);
    cadreToken = await api.signIn('cadre01');
    cadre = await phonePage(browser);
    await signInAtWork(cadre, product.baseUrl, 'cadre01');
    staff = await newPage(browser, { viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    await signInAtWork(staff, product.baseUrl, 'shiqiao');
  });
  afterAll(async () => {
    await browser?.close();
    await product?.stop();
  });

  it('bad review → staff verify (founded) → the cadre rectifies → the resident rates again → closed', async () => {
    const r = await rated(1, '修了两天又漏了，没人管');
    await staff.goto(`${product.baseUrl}/township/queue`);
    await shown(staff).getByText(r.number).waitFor();
    await shot(staff, 'm09-staff-review-queue');
    await shown(staff).getByText(r.number).click();
    const page = shown(staff);
    await page.getByText('差评核实', { exact: true }).first().waitFor();
    await page.getByText('属实', { exact: true }).click();
    await field(
      page,
      '写清楚核实了什么、办理人要怎么整改。办理人只看到这段话，看不到群众的评价。',
    ).fill('核实属实：阀门没有更换。请三个工作日内重新上门更换阀门并回访群众。');
    await shot(staff, 'm10-staff-verify-founded');
    await page.getByText('提交核实结果').click();
    await see(status(staff, '整改中')).toBeVisible();

    await openAtWork(cadre, r.id);
    const task = shown(cadre);
    await task.getByText('核实属实：阀门没有更换。', { exact: false }).first().waitFor();
    const text = await pageText(cadre);
    expect(text).toContain('整改');
    expect(text).not.toContain('修了两天又漏了');
    expect(text).not.toContain('非常不满意');
    await shot(cadre, 'm11-cadre-rectification-task');
    await task.getByText('已解决', { exact: true }).click();
    await field(task, '怎么办的、办成什么样').fill('已重新更换阀门，第二天回访群众，不再漏水。');
    await field(task, '比如：村东头自来水管道已修复，恢复供水').fill('漏水阀门已重新更换');
    await task.getByText('整改完成，再次办结').click();
    await see(status(cadre, '已办结')).toBeVisible();
    await shot(cadre, 'm12-cadre-rectified');

    // Signed in already (the per-phone SMS pause would hold a second code back for a minute).
    const resident = await phonePage(browser);
    await useSession(resident, product.baseUrl, r.resident.session);
    await resident.goto(`${product.baseUrl}/mine`);
    await shown(resident).getByText(r.number).click();
    const detail = shown(resident);
    await detail.getByText('提交评价').waitFor();
    await detail.getByText('已解决', { exact: true }).click();
    await detail.getByText('满意', { exact: true }).click();
    await shot(resident, 'm13-resident-rates-again');
    await detail.getByText('提交评价').click();
    await see(status(resident, '已关闭')).toBeVisible();
    await shot(resident, 'm14-resident-closed');
    await resident.context().close();
  });

  it('the unfounded path: closed, the rating left out, and the cadre never sees the verification', async () => {
    const r = await rated(1, '故意给差评，他家和村里有矛盾');
    await openAtWork(staff, r.id);
    const page = shown(staff);
    await page.getByText('不属实', { exact: true }).click();
    await page.getByText('恶意评价', { exact: true }).click();
    await field(page, '写清楚依据：核实了什么、为什么不属实').fill(
      '电话回访和现场查看，水管已修好；群众因宅基地纠纷给差评。',
    );
    await shot(staff, 'm15-staff-verify-unfounded');
    await page.getByText('提交核实结果').click();
    await see(status(staff, '已关闭')).toBeVisible();
    await see(shown(staff).getByText('不计入统计').first()).toBeVisible();
    await shot(staff, 'm16-staff-unfounded-closed');

    await openAtWork(cadre, r.id);
    const text = await pageText(cadre);
    expect(text).toContain('已办结');
    expect(text).not.toContain('差评核实');
    expect(text).not.toContain('恶意评价');
    expect(text).not.toContain('已关闭');
  });

  it('the cadre’s view of a request rated 1 and of one rated 5 look the same', async () => {
    const one = await rated(1, '态度很差，推来推去');
    const five = await rated(5, '非常感谢张书记');
    const views: string[] = [];
    for (const [r, name] of [
      [one, 'm17-cadre-view-rated-1'],
      [five, 'm18-cadre-view-rated-5'],
    ] as const) {
      await openAtWork(cadre, r.id);
      await shown(cadre).getByText('办理经过', { exact: false }).waitFor();
      await shot(cadre, name);
      // Numbers, times and the phone differ by construction; everything else must not.
      views.push((await pageText(cadre)).replace(/\d+/g, '#'));
    }
    expect(views[0]).toContain('已办结');
    expect(views[0]).toEqual(views[1]);
  });

  it('当场解决: the cadre records it, the resident scans the QR code, signs in and confirms', async () => {
    const phone = randomPhone();
    await cadre.goto(`${product.baseUrl}/work`);
    await shown(cadre).getByText('登记当场解决').click();
    const form = shown(cadre);
    await form.getByText('走访代录', { exact: true }).click();
    await form.getByText('实际困难', { exact: true }).click();
    await form.getByText('住房安全', { exact: true }).click();
    await field(form, '用群众自己的话写：什么地方、什么事、希望怎么解决').fill(
      '独居老人家里电线老化，插座冒火花，担心着火。',
    );
    await field(form, '当场怎么解决的，群众确认时会看到这段话').fill(
      '当场更换了插座和一段老化电线，试用正常。',
    );
    await field(form, '比如：老人家里老化的电线已更换').fill('独居老人家里老化的电线已更换');
    await field(form, '群众本人的11位手机号').fill(phone);
    await form.getByText('已向群众说明个人信息保护说明，群众同意').click();
    await shot(cadre, 'm19-cadre-records-on-spot');
    await form.getByText('登记，出示确认码').click();
    const qr = shown(cadre).locator('.work-confirm__qr img');
    await qr.waitFor();
    await cadre.waitForFunction(
      (img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0,
      await qr.elementHandle(),
    );
    await shot(cadre, 'm20-cadre-shows-qr');
    // What the resident's camera reads off the cadre's screen.
    const src = (await qr.getAttribute('src'))!;
    const png = PNG.sync.read(Buffer.from(src.split(',')[1]!, 'base64'));
    const link = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
    expect(link).toMatch(new RegExp(`^${product.baseUrl}/confirm/[0-9A-Za-z]{24}$`));

    // An elderly resident, with 长辈模式 on from the card page: it stays on for the confirmation.
    const resident = await phonePage(browser);
    await resident.goto(`${product.baseUrl}/c/${DEMO.card}`);
    await shown(resident).getByText('长辈模式').click();
    await shown(resident).getByText('✓ 已开启').waitFor();
    await resident.goto(link!);
    const confirm = shown(resident);
    await confirm.getByText('请确认这件事已经解决').waitFor();
    const elder = await measure(resident);
    expect(elder.smallestText).toBeGreaterThanOrEqual(18);
    expect(Math.min(elder.smallestTap.width, elder.smallestTap.height)).toBeGreaterThanOrEqual(60);
    await field(confirm, '请输入11位手机号').fill(phone);
    await confirm.getByText('获取验证码').click();
    const hint = await confirm.getByText(/测试环境验证码/).textContent();
    await field(confirm, '6位数字').fill(/(\d{6})/.exec(hint ?? '')![1]!);
    await shot(resident, 'm21-resident-confirms');
    await confirm.getByText('确认，已经解决了').click();
    await see(shown(resident).getByText('已确认，谢谢您')).toBeVisible();
    await shot(resident, 'm22-resident-confirmed');
    await resident.context().close();
  });

  it('当场解决 confirmed from the resident’s own list, without the QR code', async () => {
    const phone = randomPhone();
    const resident = await api.resident(phone);
    await api.call(
      'POST',
      '/api/requests/on-spot',
      cadreToken,
      {
        channel: 'phone',
        category: 'policy',
        text: '问城乡居民医保今年的缴费截止时间',
        note: '电话里当场告诉了截止时间和缴费方式',
        publicSummary: '已答复医保缴费截止时间',
        residentPhone: phone,
        consent: true,
      },
      { 'idempotency-key': `onspot${Date.now()}` },
    );
    const page = await phonePage(browser);
    await useSession(page, product.baseUrl, resident.session);
    await page.goto(`${product.baseUrl}/mine`);
    await shown(page).getByText('政策咨询', { exact: false }).first().click();
    await shown(page).getByText('请确认这件事已经解决').waitFor();
    await shot(page, 'm22b-resident-confirms-from-list');
    await shown(page).getByText('确认，已经解决了').click();
    await see(shown(page).getByText('请您评价这次办理')).toBeVisible();
    await page.context().close();
  });

  it('代填: the cadre files for a resident, who finds it after signing in with that phone', async () => {
    const phone = randomPhone();
    await cadre.goto(`${product.baseUrl}/work`);
    await shown(cadre).getByText('代群众登记').click();
    const form = shown(cadre);
    await form.getByText('电话反映', { exact: true }).click();
    await form.getByText('政策咨询', { exact: true }).click();
    await form.getByText('社保', { exact: true }).click();
    await field(form, '用群众自己的话写：什么地方、什么事、希望怎么解决').fill(
      '想问问城乡居民医保在手机上怎么缴费，儿子在外地。',
    );
    await field(form, '群众本人的11位手机号').fill(phone);
    await form.getByText('已向群众说明个人信息保护说明，群众同意').click();
    await shot(cadre, 'm23-cadre-files-for-resident');
    await form.getByText('登记', { exact: true }).click();
    const header = shown(cadre).locator('.mq-request-header');
    await header.waitFor();
    const number = /MQ-\d{8}-\d{4}/.exec((await header.textContent()) ?? '')![0];
    await shot(cadre, 'm24-cadre-filed');

    const resident = await phonePage(browser);
    await signInResident(resident, product.baseUrl, phone);
    await see(shown(resident).getByText(number)).toBeVisible();
    await shot(resident, 'm25-resident-finds-filed-request');
    await resident.context().close();
  });

  it('transfer: to another cadre of the village; the first cadre keeps it in 经手', async () => {
    const r = await submitted('二组路口的路灯坏了一个月了');
    await openAtWork(cadre, r.id);
    const page = shown(cadre);
    await page.getByText('转办给其他人…').click();
    await page.getByText('李秀英', { exact: false }).first().click();
    await field(page, '比如：这件事归二组管，转给二组网格员').fill('二组的路灯归李秀英负责');
    await shot(cadre, 'm26-cadre-transfers');
    await page.getByText('转办给李秀英').click();
    await see(shown(cadre).getByText('李秀英').first()).toBeVisible();
    await shot(cadre, 'm27-cadre-transferred');
    await cadre.goto(`${product.baseUrl}/work`);
    await shown(cadre).getByText('经手', { exact: true }).click();
    await see(shown(cadre).getByText(r.number)).toBeVisible();
    await see(
      shown(cadre)
        .getByText(/现由李秀英/)
        .first(),
    ).toBeVisible();
    await shot(cadre, 'm28-cadre-handled-list');
  });

  it('escalate from the cadre page, with a reason and a confirm step', async () => {
    const r = await submitted('村道塌方一段，需要镇里协调修路');
    await openAtWork(cadre, r.id);
    const page = shown(cadre);
    await page
      .getByText(/上报.*…/)
      .first()
      .click();
    await field(page, '写清楚为什么本级办不了、已经做了什么').fill(
      '塌方有二十米长，需要镇里协调交通站和资金。',
    );
    await page.getByText('下一步').click();
    await page.getByText(/确定上报到/).waitFor();
    await shot(cadre, 'm29-cadre-escalates');
    await page.getByText('确定上报', { exact: true }).click();
    await see(
      shown(cadre)
        .getByText(/乡镇级/)
        .first(),
    ).toBeVisible();
    await shot(cadre, 'm30-cadre-escalated');
    const now = await api.detail(await api.signIn('shiqiao'), r.id);
    expect(now.status).toBe('submitted');
  });

  it('a 督办 mark on the owner’s inbox and request page', async () => {
    const r = await submitted('村委会门口的垃圾三天没人清运了');
    await openAtWork(staff, r.id);
    const page = shown(staff);
    await page.getByText('督办这件事…').click();
    await field(page, '比如：请于本周五前办结，并向群众回复').fill(
      '群众反映多次，请今天内签收并联系群众。',
    );
    await page.getByText('发出督办').click();
    await see(
      shown(staff).getByText('群众反映多次，请今天内签收并联系群众。').first(),
    ).toBeVisible();
    await shot(staff, 'm31-staff-supervises');

    await cadre.goto(`${product.baseUrl}/work`);
    const item = shown(cadre).locator('.mq-request-item', { hasText: r.number });
    await see(item.getByText('督办', { exact: false }).first()).toBeVisible();
    await shot(cadre, 'm32-cadre-inbox-supervised');
    await item.click();
    await see(
      shown(cadre).getByText('群众反映多次，请今天内签收并联系群众。').first(),
    ).toBeVisible();
    await shot(cadre, 'm33-cadre-request-supervised');
  });
});
