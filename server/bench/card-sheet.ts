/**
 * Benchmark, not a test: renders a township's worth of cards (40, realistic field lengths) to a PDF
 * and prints its size, page count, render time (first run, with the font read, and a warm run)
 * and the process's peak RSS.
 *
 *   pnpm --filter @mqlk/server bench:cards
 *   BENCH_CARDS=400 pnpm --filter @mqlk/server bench:cards
 */
import { performance } from 'node:perf_hooks';
import { generateCardCode } from '@mqlk/shared';
import { resolveCardFont } from '../src/modules/print/card-font';
import { type PrintableCard, renderCardSheetToBuffer } from '../src/modules/print/card-sheet';

const COUNT = Number(process.env.BENCH_CARDS ?? 40);
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = [
  '建国',
  '秀英',
  '志强',
  '丽娟',
  '海燕',
  '国栋',
  '晓明',
  '玉兰',
  '德华',
  '春梅',
  '伟',
  '静',
];
const DUTIES =
  '负责本网格内群众诉求的收集、登记和上报，协助开展矛盾纠纷排查化解、政策宣传、安全隐患巡查、' +
  '独居老人和困难群众走访；对群众反映的问题做到件件有回音、事事有着落，并及时反馈办理结果。';

function cards(n: number): PrintableCard[] {
  return Array.from({ length: n }, (_, i) => ({
    code: generateCardCode(),
    name: SURNAMES.charAt(i % SURNAMES.length) + GIVEN[i % GIVEN.length]!,
    post: i % 5 === 0 ? '村党支部书记、村委会主任' : '专职网格员',
    unitName: `第${(i % 6) + 1}网格`,
    villageName: `${['东岭', '西溪', '南山', '北塘'][i % 4]}村`,
    townshipName: '东岭镇',
    phone: `139${String(20_000_000 + i * 104_729).slice(0, 8)}`,
    duties: DUTIES.slice(0, 60 + ((i * 37) % (DUTIES.length - 60))),
    dutyDays: i % 2 ? '每周一、周四' : '每周二、周五上午',
    hotlines: [
      { name: '镇党政综合办', phone: '0571-88001001' },
      { name: '便民服务中心', phone: '0571-88001002' },
      { name: '综治中心', phone: '0571-88001003' },
      { name: '农业农村办', phone: '0571-88001004' },
      { name: '监督电话', phone: '0571-88001012' },
    ],
  }));
}

async function main() {
  const font = resolveCardFont();
  const list = cards(COUNT);
  const options = { publicBaseUrl: 'https://mqlk.example.cn' };
  const runs: { ms: number; bytes: number; pages: number }[] = [];
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    const pdf = await renderCardSheetToBuffer(list, options);
    // pdfkit writes page objects uncompressed: counting them needs no PDF reader.
    const pages = pdf.toString('latin1').match(/\/Type \/Page\n/g)?.length ?? 0;
    runs.push({ ms: performance.now() - started, bytes: pdf.length, pages });
  }
  const warm = runs.slice(1).map((r) => r.ms);
  console.log(`cards:        ${COUNT} (font: ${font.source}, ${font.regular.path})`);
  console.log(`pdf:          ${(runs[0]!.bytes / 1024).toFixed(1)} KB, ${runs[0]!.pages} pages`);
  console.log(`render, cold: ${runs[0]!.ms.toFixed(0)} ms (font file read and parsed)`);
  console.log(`render, warm: ${Math.min(...warm).toFixed(0)} ms (best of ${warm.length})`);
  console.log(`peak RSS:     ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
