/**
 * Request categories: the four kinds the ledgers use plus policy questions, each with sub-topics.
 * `conduct` (干部作风) is special: it never goes to, and is never seen by, the cadre it is about.
 */
export const CATEGORY_CODES = [
  'difficulty',
  'shortcoming',
  'suggestion',
  'conduct',
  'policy',
] as const;
export type CategoryCode = (typeof CATEGORY_CODES)[number];

export const CONDUCT_CATEGORY: CategoryCode = 'conduct';

export const SUB_TOPIC_CODES = [
  'medical',
  'schooling',
  'employment',
  'social_security',
  'subsistence',
  'water',
  'roads',
  'housing_safety',
  'sanitation',
  'dispute',
  'public_order',
  'attitude',
  'inaction',
  'integrity',
  'other',
] as const;
export type SubTopicCode = (typeof SUB_TOPIC_CODES)[number];

export const SUB_TOPIC_LABELS: Record<SubTopicCode, string> = {
  medical: '就医',
  schooling: '就学',
  employment: '就业',
  social_security: '社保',
  subsistence: '低保救助',
  water: '饮水',
  roads: '道路交通',
  housing_safety: '住房安全',
  sanitation: '环境卫生',
  dispute: '矛盾纠纷',
  public_order: '治安',
  attitude: '服务态度',
  inaction: '推诿拖延',
  integrity: '廉洁问题',
  other: '其他',
};

export interface CategoryDefinition {
  code: CategoryCode;
  label: string;
  /** One plain line shown under the choice, for residents who are unsure which to pick. */
  hint: string;
  subTopics: readonly SubTopicCode[];
}

const LIVELIHOOD: readonly SubTopicCode[] = [
  'medical',
  'schooling',
  'employment',
  'social_security',
  'subsistence',
  'water',
  'roads',
  'housing_safety',
  'sanitation',
  'dispute',
  'public_order',
  'other',
];

export const CATEGORIES: readonly CategoryDefinition[] = [
  {
    code: 'difficulty',
    label: '实际困难',
    hint: '生活、生产中遇到的具体困难',
    subTopics: LIVELIHOOD,
  },
  {
    code: 'shortcoming',
    label: '工作不足',
    hint: '觉得哪项工作没做好、做得不够',
    subTopics: LIVELIHOOD,
  },
  {
    code: 'suggestion',
    label: '发展建议',
    hint: '对村里、镇里发展的想法和建议',
    subTopics: LIVELIHOOD,
  },
  {
    code: 'policy',
    label: '政策咨询',
    hint: '想问清楚某项政策怎么办、能不能办',
    subTopics: LIVELIHOOD,
  },
  {
    code: 'conduct',
    label: '干部作风',
    hint: '反映干部的态度、作风问题（由乡镇直接处理，被反映的干部看不到）',
    subTopics: ['attitude', 'inaction', 'integrity', 'other'],
  },
];

export function categoryLabel(code: CategoryCode): string {
  return CATEGORIES.find((c) => c.code === code)?.label ?? code;
}

export function isConductComplaint(category: CategoryCode): boolean {
  return category === CONDUCT_CATEGORY;
}

export function isSubTopicOf(category: CategoryCode, subTopic: SubTopicCode): boolean {
  return CATEGORIES.find((c) => c.code === category)?.subTopics.includes(subTopic) ?? false;
}
