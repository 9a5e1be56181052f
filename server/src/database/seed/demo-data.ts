import { createHash } from 'node:crypto';
import { type RandomBytes, generateCardCode } from '@mqlk/shared';
import type { Hotline } from '../../modules/org/org-unit.entity';

/**
 * The demo organisation: a fictional county with two townships, four villages, two grids each, a
 * few cadres and staff. Every name, number and phone here is made up; none is a real person's.
 */

/** One password for every demo account (documented in the README and printed at start). */
export const DEMO_PASSWORD = 'Demo@2026';

/**
 * Bytes from sha256(label:counter): card codes made with it are valid codes (base62 + check
 * character) and the same on every machine, so the README and tests can name them.
 */
export function deterministicRandom(label: string): RandomBytes {
  let counter = 0;
  return (length) => {
    const out = new Uint8Array(length);
    let filled = 0;
    while (filled < length) {
      const block = createHash('sha256').update(`${label}:${counter++}`).digest();
      const take = Math.min(block.length, length - filled);
      out.set(block.subarray(0, take), filled);
      filled += take;
    }
    return out;
  };
}

export interface DemoCadre {
  username: string;
  name: string;
  post: string;
  /** the village (or township) the cadre belongs to */
  unit: string;
  phone: string;
  duties: string;
  dutyDays: string;
}

export interface DemoVillage {
  name: string;
  grids: [string, string];
}

export interface DemoTownship {
  name: string;
  hotlines: Hotline[];
  villages: DemoVillage[];
}

export const DEMO_COUNTY = {
  name: '青山县',
  hotlines: [{ name: '政务服务便民热线', phone: '12345' }] as Hotline[],
};

export const DEMO_TOWNSHIPS: DemoTownship[] = [
  {
    name: '石桥镇',
    hotlines: [
      { name: '镇便民服务中心', phone: '0571-88001001' },
      { name: '镇供水站', phone: '0571-88001002' },
      { name: '石桥供电所', phone: '0571-88001003' },
      { name: '镇卫生院', phone: '0571-88001004' },
      { name: '石桥派出所', phone: '0571-88001005' },
      { name: '镇社保服务站', phone: '0571-88001006' },
    ],
    villages: [
      { name: '东岭村', grids: ['东岭村第一网格', '东岭村第二网格'] },
      { name: '西坪村', grids: ['西坪村第一网格', '西坪村第二网格'] },
    ],
  },
  {
    name: '柳河乡',
    hotlines: [
      { name: '乡便民服务中心', phone: '0571-88002001' },
      { name: '乡供水站', phone: '0571-88002002' },
      { name: '柳河供电所', phone: '0571-88002003' },
      { name: '乡卫生院', phone: '0571-88002004' },
      { name: '柳河派出所', phone: '0571-88002005' },
      { name: '乡社保服务站', phone: '0571-88002006' },
    ],
    villages: [
      { name: '柳湾村', grids: ['柳湾村第一网格', '柳湾村第二网格'] },
      { name: '河口社区', grids: ['河口社区第一网格', '河口社区第二网格'] },
    ],
  },
];

export const DEMO_CADRES: DemoCadre[] = [
  {
    username: 'cadre01',
    name: '张建国',
    post: '村党支部书记、村委会主任',
    unit: '东岭村',
    phone: '13800000101',
    duties: '主持村里全面工作，负责矛盾纠纷调解、道路和饮水等民生项目',
    dutyDays: '每周一、周四',
  },
  {
    username: 'cadre02',
    name: '李秀英',
    post: '第一网格网格员',
    unit: '东岭村',
    phone: '13800000102',
    duties: '走访联系户，代办社保、医保、低保等事项，收集和反映群众诉求',
    dutyDays: '每周二、周五',
  },
  {
    username: 'cadre03',
    name: '王志强',
    post: '村党支部书记',
    unit: '西坪村',
    phone: '13800000103',
    duties: '负责村级事务和集体经济发展，协调住房安全、环境卫生整治',
    dutyDays: '每周一、周三',
  },
  {
    username: 'cadre04',
    name: '赵丽华',
    post: '第二网格网格员',
    unit: '西坪村',
    phone: '13800000104',
    duties: '联系空巢老人、留守儿童家庭，代办民生事项，排查安全隐患',
    dutyDays: '每周二、周四',
  },
  {
    username: 'cadre05',
    name: '陈国平',
    post: '村党总支书记',
    unit: '柳湾村',
    phone: '13800000105',
    duties: '负责村里全面工作，牵头处理灌溉用水、道路交通等问题',
    dutyDays: '每周一、周五',
  },
  {
    username: 'cadre06',
    name: '刘桂芳',
    post: '第一网格网格员',
    unit: '柳湾村',
    phone: '13800000106',
    duties: '走访联系户，收集诉求，协助办理就医、就学、就业相关事项',
    dutyDays: '每周三、周六',
  },
  {
    username: 'cadre07',
    name: '周文斌',
    post: '社区党委书记',
    unit: '河口社区',
    phone: '13800000107',
    duties: '主持社区工作，负责物业、治安、环境卫生等居民关心的事',
    dutyDays: '每周二、周四',
  },
  {
    username: 'cadre08',
    name: '吴晓燕',
    post: '第二网格网格员',
    unit: '河口社区',
    phone: '13800000108',
    duties: '联系居民户，代办证明和社保业务，调解邻里纠纷',
    dutyDays: '每周一、周三',
  },
  {
    username: 'cadre09',
    name: '孙海涛',
    post: '镇党委委员、包村干部',
    unit: '石桥镇',
    phone: '13800000109',
    duties: '包联东岭村、西坪村，督促办理群众诉求，协调村里解决不了的问题',
    dutyDays: '每周三',
  },
  {
    username: 'cadre10',
    name: '郑红梅',
    post: '乡党委委员、包村干部',
    unit: '柳河乡',
    phone: '13800000110',
    duties: '包联柳湾村、河口社区，督促办理群众诉求，协调村里解决不了的问题',
    dutyDays: '每周四',
  },
];

export interface DemoStaff {
  username: string;
  displayName: string;
  /** a county admin (the township office: accounts, calendar, audit log) */
  role?: 'staff' | 'admin';
  /** the township or the county: their scope */
  unit: string;
}

export const DEMO_STAFF: DemoStaff[] = [
  { username: 'shiqiao', displayName: '石桥镇党政办', unit: '石桥镇' },
  { username: 'liuhe', displayName: '柳河乡党政办', unit: '柳河乡' },
  { username: 'qingshan', displayName: '青山县委组织部', unit: '青山县' },
  { username: 'admin', displayName: '青山县系统管理员', unit: '青山县', role: 'admin' },
];

/** The fixed code of each demo cadre's active card, by username (cadre01 … cadre10). */
export const DEMO_CARD_CODES: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries(
    DEMO_CADRES.map((cadre, i) => [
      cadre.username,
      generateCardCode(deterministicRandom(`demo-card-${String(i + 1).padStart(2, '0')}`)),
    ]),
  ),
);

/** A revoked (lost) card of cadre01: scanning it shows the "card no longer in use" message. */
export const DEMO_REVOKED_CARD_CODE = generateCardCode(deterministicRandom('demo-card-revoked-01'));
export const DEMO_REVOKED_CARD_OWNER = 'cadre01';
