/**
 * Topics: the kinds of information the ITA checklists ask for, independent of a year's item
 * numbering. A checklist item lists its topics; each topic names the content type (and kind)
 * whose entries satisfy it. Item numbers change every year, topics do not.
 */
export type DisclosureTypeName =
  | 'unit-profile'
  | 'executive'
  | 'law'
  | 'news'
  | 'qa'
  | 'e-service'
  | 'plan'
  | 'report'
  | 'manual'
  | 'procurement-announcement'
  | 'procurement-summary'
  | 'activity'
  | 'policy-declaration';

/** kind: null means any entry of the type. */
export type Satisfier = { type: DisclosureTypeName; kind: string | null };

const s = (type: DisclosureTypeName, kind: string | null = null): Satisfier => ({ type, kind });

export const TOPICS = {
  structure: { th: 'โครงสร้างหน่วยงาน', by: [s('unit-profile')] },
  powers_duties: { th: 'อำนาจหน้าที่', by: [s('unit-profile')] },
  executives: { th: 'ข้อมูลผู้บริหาร', by: [s('executive')] },
  contact: { th: 'ข้อมูลการติดต่อ', by: [s('unit-profile')] },
  social_network: { th: 'ช่องทางโซเชียลมีเดีย', by: [s('unit-profile')] },
  laws: { th: 'กฎหมายที่เกี่ยวข้อง', by: [s('law')] },
  news: { th: 'ข่าวประชาสัมพันธ์', by: [s('news')] },
  qa: { th: 'ช่องทางถาม-ตอบ (Q&A)', by: [s('qa')] },
  pdpa_policy: {
    th: 'นโยบายคุ้มครองข้อมูลส่วนบุคคล',
    by: [s('policy-declaration', 'personal_data_protection')],
  },
  strategic_plan: {
    th: 'แผนยุทธศาสตร์/แผนพัฒนา',
    by: [s('plan', 'strategic'), s('plan', 'development')],
  },
  annual_action_plan: {
    th: 'แผนปฏิบัติการประจำปี',
    by: [s('plan', 'annual_action'), s('plan', 'action_and_budget')],
  },
  budget_spending_plan: {
    th: 'แผนการใช้จ่ายงบประมาณประจำปี',
    by: [s('plan', 'budget_spending'), s('plan', 'action_and_budget')],
  },
  operations_6m_report: {
    th: 'รายงานการดำเนินงานรอบ 6 เดือน',
    by: [s('report', 'operations_6m'), s('report', 'operations_budget_6m')],
  },
  budget_6m_report: {
    th: 'รายงานการใช้จ่ายงบประมาณรอบ 6 เดือน',
    by: [s('report', 'budget_6m'), s('report', 'operations_budget_6m')],
  },
  annual_performance_report: {
    th: 'รายงานผลการดำเนินงานประจำปี',
    by: [s('report', 'annual_performance')],
  },
  annual_budget_report: {
    th: 'รายงานผลการใช้จ่ายงบประมาณประจำปี',
    by: [s('report', 'annual_budget')],
  },
  staff_manual: { th: 'คู่มือการปฏิบัติงาน', by: [s('manual', 'staff_operations')] },
  service_manual: { th: 'คู่มือการให้บริการ', by: [s('manual', 'service')] },
  service_statistics: { th: 'สถิติการให้บริการ', by: [s('report', 'service_statistics')] },
  satisfaction_survey: { th: 'ผลสำรวจความพึงพอใจ', by: [s('report', 'satisfaction_survey')] },
  e_service: { th: 'E-Service', by: [s('e-service', 'e_service')] },
  procurement_plan: { th: 'แผนการจัดซื้อจัดจ้าง', by: [s('plan', 'procurement')] },
  procurement_announcements: { th: 'ประกาศจัดซื้อจัดจ้าง', by: [s('procurement-announcement')] },
  procurement_monthly: { th: 'สรุปผลการจัดซื้อจัดจ้างรายเดือน', by: [s('procurement-summary')] },
  procurement_annual_report: {
    th: 'รายงานผลการจัดซื้อจัดจ้างประจำปี',
    by: [s('report', 'annual_procurement')],
  },
  hr_policy_plan: {
    th: 'นโยบาย/แผนบริหารทรัพยากรบุคคล',
    by: [s('plan', 'hr'), s('policy-declaration', 'hr_policy')],
  },
  hr_implementation: {
    th: 'การดำเนินการด้านทรัพยากรบุคคล',
    by: [s('activity', 'hr_implementation'), s('activity', 'hr_development')],
  },
  hr_criteria: { th: 'หลักเกณฑ์การบริหารทรัพยากรบุคคล', by: [s('manual', 'hr_criteria')] },
  hr_annual_report: { th: 'รายงานผลการบริหารทรัพยากรบุคคล', by: [s('report', 'hr_annual')] },
  complaint_guideline: {
    th: 'แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริต',
    by: [s('manual', 'complaint_handling')],
  },
  complaint_channel: {
    th: 'ช่องทางแจ้งเรื่องร้องเรียนการทุจริต',
    by: [s('e-service', 'corruption_complaint_channel')],
  },
  complaint_statistics: {
    th: 'สถิติเรื่องร้องเรียนการทุจริต',
    by: [s('report', 'complaint_statistics')],
  },
  opinion_channel: { th: 'ช่องทางรับฟังความคิดเห็น', by: [s('e-service', 'opinion_channel')] },
  participation: { th: 'การเปิดโอกาสให้มีส่วนร่วม', by: [s('activity', 'participation')] },
  integrity_intent: {
    th: 'เจตจำนงสุจริตของผู้บริหาร',
    by: [s('policy-declaration', 'integrity_intent')],
  },
  executive_participation: {
    th: 'การมีส่วนร่วมของผู้บริหาร',
    by: [s('activity', 'executive_participation')],
  },
  risk_assessment: { th: 'การประเมินความเสี่ยงการทุจริต', by: [s('report', 'risk_assessment')] },
  risk_management_action: {
    th: 'การจัดการความเสี่ยงการทุจริต',
    by: [s('activity', 'risk_management_action'), s('plan', 'risk_management')],
  },
  risk_management_report: {
    th: 'รายงานผลการจัดการความเสี่ยงการทุจริต',
    by: [s('report', 'risk_management_result')],
  },
  integrity_culture: {
    th: 'การเสริมสร้างวัฒนธรรมองค์กร',
    by: [s('activity', 'integrity_culture')],
  },
  anti_corruption_plan: { th: 'แผนปฏิบัติการป้องกันการทุจริต', by: [s('plan', 'anti_corruption')] },
  anti_corruption_projects: {
    th: 'โครงการ/กิจกรรมป้องกันการทุจริต',
    by: [s('activity', 'anti_corruption_project'), s('plan', 'anti_corruption')],
  },
  anti_corruption_6m_report: {
    th: 'รายงานการป้องกันการทุจริตรอบ 6 เดือน',
    by: [s('report', 'anti_corruption_6m')],
  },
  anti_corruption_report: {
    th: 'รายงานผลการป้องกันการทุจริต',
    by: [s('report', 'anti_corruption_annual')],
  },
  integrity_measures: {
    th: 'มาตรการส่งเสริมคุณธรรมและความโปร่งใส',
    by: [s('plan', 'integrity_measures')],
  },
  integrity_measures_action: {
    th: 'การดำเนินการตามมาตรการ',
    // The generated half-year progress report (POST /integrity/documents) is what was done.
    by: [s('activity', 'integrity_measures_action'), s('report', 'integrity_measures_6m')],
  },
  integrity_measures_report: {
    th: 'รายงานผลตามมาตรการส่งเสริมคุณธรรม',
    by: [s('report', 'integrity_measures_result')],
  },
  no_gift_policy: { th: 'นโยบาย No Gift', by: [s('policy-declaration', 'no_gift')] },
  no_gift_culture: { th: 'การสร้างวัฒนธรรม No Gift', by: [s('activity', 'no_gift_culture')] },
  no_gift_report: { th: 'รายงานผลตามนโยบาย No Gift', by: [s('report', 'no_gift')] },
  gift_receipt_report: {
    th: 'รายงานการรับทรัพย์สินโดยธรรมจรรยา',
    by: [s('report', 'gift_receipt')],
  },
  code_of_ethics: { th: 'ประมวลจริยธรรม', by: [s('manual', 'code_of_ethics')] },
  ethics_promotion: { th: 'การขับเคลื่อนจริยธรรม', by: [s('activity', 'ethics_promotion')] },
  ethics_assessment: { th: 'การประเมินจริยธรรม', by: [s('report', 'ethics_assessment')] },
  internal_control: { th: 'การประเมินผลควบคุมภายใน', by: [s('report', 'internal_control')] },
  self_assessment: { th: 'รายงานการประเมินตนเอง (SAR)', by: [s('report', 'self_assessment')] },
  ita_improvement: {
    th: 'การนำผล ITA ไปพัฒนาองค์กร',
    // The measures plan is built from the analysis of the previous ITA results.
    by: [s('report', 'ita_improvement'), s('plan', 'integrity_measures')],
  },
} as const satisfies Record<string, { th: string; by: readonly Satisfier[] }>;

export type Topic = keyof typeof TOPICS;

export const TOPIC_NAMES = Object.keys(TOPICS) as Topic[];

export const isTopic = (value: unknown): value is Topic =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(TOPICS, value);

/** Content types (and kinds) that satisfy an item with these topics. */
export const satisfiersOf = (topics: readonly string[]): Satisfier[] => {
  const seen = new Map<string, Satisfier>();
  for (const topic of topics) {
    if (!isTopic(topic)) continue;
    for (const sat of TOPICS[topic].by) seen.set(`${sat.type}:${sat.kind ?? '*'}`, sat);
  }
  return [...seen.values()];
};

/** The topics an entry of this type and kind satisfies. */
export const topicsSatisfiedBy = (type: string, kind: string | null | undefined): Topic[] =>
  TOPIC_NAMES.filter((topic) =>
    TOPICS[topic].by.some((sat) => sat.type === type && (sat.kind === null || sat.kind === kind)),
  );

/**
 * Topics from an item's Thai title, for lists imported without explicit topics. Ordered: the
 * first rule that matches wins, so combined items ("โครงสร้างและอำนาจหน้าที่") come before the
 * single ones. Whitespace is removed before matching.
 */
const RULES: ReadonlyArray<readonly [RegExp, readonly Topic[]]> = [
  [/^โครงสร้างและอำนาจหน้าที่/, ['structure', 'powers_duties']],
  [/^โครงสร้าง/, ['structure']],
  [/^อำนาจหน้าที่/, ['powers_duties']],
  [/^ข้อมูลผู้บริหาร/, ['executives']],
  [/^ข้อมูลการติดต่อและช่องทางการสอบถาม/, ['contact', 'qa']],
  [/^ข้อมูลการติดต่อ/, ['contact']],
  [/^กฎหมายที่เกี่ยวข้อง/, ['laws']],
  [/^ข่าวประชาสัมพันธ์/, ['news']],
  [/^Q&A/i, ['qa']],
  [/^SocialNetwork/i, ['social_network']],
  [/นโยบายคุ้มครองข้อมูลส่วนบุคคล/, ['pdpa_policy']],
  [/^แผนยุทธศาสตร์|^แผนพัฒนา/, ['strategic_plan']],
  [
    /^แผนและความก้าวหน้าในการดำเนินงานและการใช้งบประมาณ/,
    ['annual_action_plan', 'budget_spending_plan', 'operations_6m_report', 'budget_6m_report'],
  ],
  [
    /^แผน(ดำเนินงาน|ปฏิบัติราชการ)และ(การใช้งบประมาณ|แผนการใช้จ่ายงบประมาณ)/,
    ['annual_action_plan', 'budget_spending_plan'],
  ],
  [/^แผนดำเนินงาน|^แผนปฏิบัติราชการ/, ['annual_action_plan']],
  [
    /^รายงานการกำกับติดตามการดำเนินงานและการใช้งบประมาณ/,
    ['operations_6m_report', 'budget_6m_report'],
  ],
  [/^รายงานการกำกับติดตามการดำเนินงาน/, ['operations_6m_report']],
  [/^รายงานการกำกับติดตามการใช้จ่ายงบประมาณ/, ['budget_6m_report']],
  [/^รายงานการกำกับติดตามการดำเนินการป้องกันการทุจริต/, ['anti_corruption_6m_report']],
  [/^รายงานผลการดำเนินงาน/, ['annual_performance_report']],
  [/^(รายงาน)?ผลการใช้จ่ายงบประมาณ/, ['annual_budget_report']],
  [/^แผนการใช้จ่ายงบประมาณ/, ['budget_spending_plan']],
  [/^รายงานผลการประเมินตนเอง|SAR/, ['self_assessment']],
  [/^คู่มือหรือ(มาตรฐาน|แนวทาง|ขั้นตอน)การปฏิบัติงาน/, ['staff_manual']],
  [/^คู่มือหรือ(มาตรฐาน|แนวทาง|ขั้นตอน)การ(ให้|ขอรับ)บริการ/, ['service_manual']],
  [/^ข้อมูล(เชิง)?สถิติและความพึงพอใจ/, ['service_statistics', 'satisfaction_survey']],
  [/^ข้อมูล(เชิง)?สถิติการให้บริการ/, ['service_statistics']],
  [/ความพึงพอใจ/, ['satisfaction_survey']],
  [/E-?Service/i, ['e_service']],
  [/^แผนการจัดซื้อจัดจ้าง/, ['procurement_plan']],
  [/^รายการการจัดซื้อจัดจ้าง/, ['procurement_announcements', 'procurement_plan']],
  [/^ประกาศ(ต่างๆ)?เกี่ยวกับการจัดซื้อจัดจ้าง/, ['procurement_announcements']],
  [/^สรุปผลการจัดซื้อจัดจ้าง.*รายเดือน/, ['procurement_monthly']],
  [/^รายงาน(สรุป)?ผลการจัดซื้อจัดจ้าง/, ['procurement_annual_report']],
  [/^หลักเกณฑ์และแผนการบริหารและพัฒนาทรัพยากรบุคคล/, ['hr_criteria', 'hr_policy_plan']],
  [/^หลักเกณฑ์การบริหารและพัฒนาทรัพยากรบุคคล/, ['hr_criteria']],
  [/^(นโยบาย(หรือแผน)?|แผน)การบริหาร(และพัฒนา)?ทรัพยากรบุคคล/, ['hr_policy_plan']],
  [/^การดำเนินการตามนโยบาย(หรือแผน)?การบริหารทรัพยากรบุคคล/, ['hr_implementation']],
  [/^การดำเนินโครงการ\/กิจกรรมที่แสดงถึงการพัฒนาทรัพยากรบุคคล/, ['hr_implementation']],
  [
    /^รายงานผลการ(บริหารและพัฒนาทรัพยากรบุคคล|ดำเนินโครงการ\/กิจกรรมที่แสดงถึงการพัฒนาทรัพยากรบุคคล)/,
    ['hr_annual_report'],
  ],
  [/^การบริหารและพัฒนาทรัพยากรบุคคล/, ['hr_policy_plan', 'hr_criteria', 'hr_implementation']],
  [/^แนว(ทาง)?ปฏิบัติการจัดการ(เรื่อง)?ร้องเรียน/, ['complaint_guideline']],
  [/^ช่องทางแจ้งเรื่องร้องเรียน/, ['complaint_channel']],
  [/^ข้อมูล(เชิง)?สถิติเรื่องร้องเรียน/, ['complaint_statistics']],
  [/^ช่องทางการรับฟังความคิดเห็น/, ['opinion_channel']],
  [/^(ผล)?การเปิดโอกาสให้(เกิดการ)?มีส่วนร่วม/, ['participation']],
  [/^เจตจำนงสุจริต/, ['integrity_intent']],
  [/^การมีส่วนร่วมของผู้บริหาร/, ['executive_participation']],
  [/^การประเมินความเสี่ยง/, ['risk_assessment']],
  [/^การดำเนินการเพื่อจัดการความเสี่ยง/, ['risk_management_action']],
  [
    /^รายงานผลการดำเนินการ(เพื่อจัดการความเสี่ยง|ตามแผนบริหารจัดการความเสี่ยง)/,
    ['risk_management_report'],
  ],
  [/^การเสริมสร้างวัฒนธรรมองค์กร/, ['integrity_culture']],
  [/^แผนปฏิบัติการป้องกันการทุจริต/, ['anti_corruption_plan']],
  [/^โครงการ\/กิจกรรมที่เกี่ยวข้องกับการป้องกันการทุจริต/, ['anti_corruption_projects']],
  [
    /^รายงานผลการดำเนิน(การ|การตามแผนปฏิบัติการ|โครงการ\/กิจกรรมที่เกี่ยวกับการ)ป้องกันการทุจริต/,
    ['anti_corruption_report'],
  ],
  [/^รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใส/, ['integrity_measures_report']],
  [/^มาตรการส่งเสริมคุณธรรมและความโปร่งใส/, ['integrity_measures']],
  [/^การดำเนินการตามมาตรการส่งเสริมคุณธรรม/, ['integrity_measures_action']],
  [/^ประกาศเจตนารมณ์และการสร้างวัฒนธรรม.*NoGift/i, ['no_gift_policy', 'no_gift_culture']],
  [
    /^การขับเคลื่อนนโยบายNoGift.*รับทรัพย์สิน/i,
    ['no_gift_policy', 'no_gift_culture', 'gift_receipt_report'],
  ],
  [/^การขับเคลื่อนนโยบายNoGift/i, ['no_gift_policy', 'no_gift_culture']],
  [/^(ประกาศเจตนารมณ์)?นโยบาย.*NoGift/i, ['no_gift_policy']],
  [/^การสร้างวัฒนธรรมNoGift/i, ['no_gift_culture']],
  [/^รายงานผลตามนโยบายNoGift/i, ['no_gift_report']],
  [/^รายงานการรับทรัพย์สิน/, ['gift_receipt_report']],
  [/^ประมวลจริยธรรมและการขับเคลื่อนจริยธรรม/, ['code_of_ethics', 'ethics_promotion']],
  [/^ประมวลจริยธรรม/, ['code_of_ethics']],
  [/^การขับเคลื่อนจริยธรรม/, ['ethics_promotion']],
  [/^การประเมินจริยธรรม/, ['ethics_assessment']],
  [/^การประเมินผลควบคุมภายใน/, ['internal_control']],
  [/^การนำผลการประเมินITA/i, ['ita_improvement']],
];

export const topicsFromTitle = (titleTh: string): Topic[] => {
  const compact = titleTh.replace(/\s+/g, '');
  for (const [pattern, topics] of RULES) if (pattern.test(compact)) return [...topics];
  return [];
};
