/**
 * Thai labels of every enumeration value and of booleans: one source for the server (exports,
 * notifications, generated documents) and for the admin panel (edit-form selects, list cells,
 * list filters — src/admin/fields.tsx). No imports: the admin bundle imports this file as is.
 *
 * Keyed by attribute name; where two content types share an attribute name (kind, status) the
 * values are merged, so a value has one label whichever type it belongs to.
 * tests/unit/enum-labels.test.js checks that every enumeration value of every schema has one.
 */

export const WORKFLOW_STATE_LABELS: Record<string, string> = {
  draft: 'ฉบับร่าง',
  submitted: 'รออนุมัติ',
  changes_requested: 'ขอให้แก้ไข',
  approved: 'อนุมัติแล้ว',
  published: 'เผยแพร่แล้ว',
};

export const PROCUREMENT_METHOD_LABELS: Record<string, string> = {
  specific: 'เฉพาะเจาะจง',
  selection: 'คัดเลือก',
  e_bidding: 'ประกวดราคาอิเล็กทรอนิกส์ (e-bidding)',
  e_market: 'ตลาดอิเล็กทรอนิกส์ (e-market)',
  other: 'อื่น ๆ',
};

export const CADENCE_LABELS: Record<string, string> = {
  standing: 'เผยแพร่ต่อเนื่องและเป็นปัจจุบัน',
  annual_current_fy: 'รายปี (ปีงบประมาณที่ประเมิน)',
  annual_previous_fy: 'รายปี (ย้อนหลัง 1 ปีงบประมาณ)',
  half_year_current_fy: 'รอบ 6 เดือนแรกของปีงบประมาณ',
  monthly: 'รายเดือน',
  event_current_fy: 'ตามเหตุการณ์ในปีงบประมาณ',
  multi_year_covering_current_fy: 'แผนหลายปีที่ครอบคลุมปีงบประมาณ',
  unknown: 'ไม่ระบุ (ถือเป็นเผยแพร่ต่อเนื่อง)',
};

export const UNIT_GROUP_LABELS: Record<string, string> = {
  faculty: 'คณะ',
  office: 'สำนัก',
  division_centre: 'กองและศูนย์',
  school: 'สถานศึกษา',
  provincial_agency: 'หน่วยงานส่วนภูมิภาค',
  other: 'อื่น ๆ',
};

/** `kind` of every disclosure type (news, laws, manuals, plans, reports, …). */
export const KIND_LABELS: Record<string, string> = {
  // news
  public_relations: 'ข่าวประชาสัมพันธ์',
  announcement: 'ประกาศ',
  event: 'กิจกรรม',
  // law
  act: 'พระราชบัญญัติ',
  royal_decree: 'พระราชกฤษฎีกา',
  regulation: 'ระเบียบ',
  rule: 'ข้อบังคับ',
  order: 'คำสั่ง',
  // activity
  participation: 'การมีส่วนร่วม',
  executive_participation: 'การมีส่วนร่วมของผู้บริหาร',
  ethics_promotion: 'การส่งเสริมคุณธรรมและจริยธรรม',
  integrity_culture: 'การสร้างวัฒนธรรมสุจริต',
  no_gift_culture: 'การสร้างวัฒนธรรมไม่รับของขวัญ (No Gift)',
  risk_management_action: 'การดำเนินการตามมาตรการจัดการความเสี่ยง',
  integrity_measures_action: 'การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส',
  hr_implementation: 'การบริหารและพัฒนาทรัพยากรบุคคล',
  hr_development: 'การพัฒนาบุคลากร',
  anti_corruption_project: 'โครงการต่อต้านการทุจริต',
  // e-service
  e_service: 'บริการออนไลน์ (e-Service)',
  corruption_complaint_channel: 'ช่องทางแจ้งเรื่องร้องเรียนการทุจริต',
  complaint_channel: 'ช่องทางรับเรื่องร้องเรียน',
  opinion_channel: 'ช่องทางรับฟังความคิดเห็น',
  // manual
  staff_operations: 'คู่มือการปฏิบัติงาน',
  service: 'คู่มือการให้บริการ',
  complaint_handling: 'คู่มือการจัดการเรื่องร้องเรียน',
  hr_criteria: 'หลักเกณฑ์การบริหารและพัฒนาทรัพยากรบุคคล',
  code_of_ethics: 'ประมวลจริยธรรม',
  // plan
  strategic: 'แผนยุทธศาสตร์',
  development: 'แผนพัฒนา',
  annual_action: 'แผนปฏิบัติการประจำปี',
  budget_spending: 'แผนการใช้จ่ายงบประมาณ',
  action_and_budget: 'แผนปฏิบัติการและแผนการใช้จ่ายงบประมาณ',
  procurement: 'แผนการจัดซื้อจัดจ้าง',
  hr: 'แผนการบริหารและพัฒนาทรัพยากรบุคคล',
  anti_corruption: 'แผนป้องกันการทุจริต',
  integrity_measures: 'มาตรการส่งเสริมคุณธรรมและความโปร่งใส',
  risk_management: 'แผนบริหารความเสี่ยง',
  // policy declaration
  no_gift: 'นโยบายไม่รับของขวัญ (No Gift Policy)',
  personal_data_protection: 'นโยบายคุ้มครองข้อมูลส่วนบุคคล',
  integrity_intent: 'เจตจำนงสุจริตของผู้บริหาร',
  hr_policy: 'นโยบายการบริหารทรัพยากรบุคคล',
  // procurement announcement
  invitation: 'ประกาศเชิญชวน',
  price_reference: 'ราคากลาง',
  winner: 'ประกาศผู้ชนะ',
  cancellation: 'ประกาศยกเลิก',
  progress: 'ความก้าวหน้าการจัดซื้อจัดจ้าง',
  // qa
  channel: 'ช่องทางถาม-ตอบ',
  faq: 'คำถามที่พบบ่อย',
  // report
  operations_6m: 'รายงานผลการดำเนินงานรอบ 6 เดือน',
  budget_6m: 'รายงานผลการใช้จ่ายงบประมาณรอบ 6 เดือน',
  operations_budget_6m: 'รายงานผลการดำเนินงานและการใช้จ่ายงบประมาณรอบ 6 เดือน',
  annual_performance: 'รายงานผลการดำเนินงานประจำปี',
  annual_budget: 'รายงานผลการใช้จ่ายงบประมาณประจำปี',
  annual_procurement: 'รายงานผลการจัดซื้อจัดจ้างประจำปี',
  service_statistics: 'ข้อมูลสถิติการให้บริการ',
  satisfaction_survey: 'ผลสำรวจความพึงพอใจการให้บริการ',
  complaint_statistics: 'ข้อมูลสถิติเรื่องร้องเรียน',
  risk_assessment: 'การประเมินความเสี่ยงการทุจริต',
  risk_management_result: 'ผลการบริหารความเสี่ยง',
  gift_receipt: 'รายงานการรับของขวัญ',
  ethics_assessment: 'ผลการประเมินจริยธรรม',
  hr_annual: 'รายงานผลการบริหารและพัฒนาทรัพยากรบุคคลประจำปี',
  anti_corruption_6m: 'รายงานผลการป้องกันการทุจริตรอบ 6 เดือน',
  anti_corruption_annual: 'รายงานผลการป้องกันการทุจริตประจำปี',
  integrity_measures_6m: 'รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรม รอบ 6 เดือน',
  integrity_measures_result: 'ผลการดำเนินการตามมาตรการส่งเสริมคุณธรรม',
  internal_control: 'รายงานการควบคุมภายใน',
  self_assessment: 'ผลการประเมินตนเอง',
  ita_improvement: 'มาตรการยกระดับ ITA',
  // participation request (the widget's wording: แจ้งข้อมูลไม่ถูกต้อง)
  correction: 'แจ้งข้อมูลไม่ถูกต้อง',
  question: 'คำถาม',
  // participation complaint category
  bribery: 'การเรียกรับสินบน',
  abuse_of_power: 'การใช้อำนาจโดยมิชอบ',
  conflict_of_interest: 'ผลประโยชน์ทับซ้อน',
  misconduct: 'การประพฤติมิชอบ',
  other: 'อื่น ๆ',
};

/** Complaint categories where a kind label of the same value reads differently. */
export const PARTICIPATION_CATEGORY_LABELS: Record<string, string> = {
  bribery: 'การเรียกรับสินบน',
  procurement: 'การจัดซื้อจัดจ้าง',
  abuse_of_power: 'การใช้อำนาจโดยมิชอบ',
  conflict_of_interest: 'ผลประโยชน์ทับซ้อน',
  misconduct: 'การประพฤติมิชอบ',
  other: 'อื่น ๆ',
};

/** Kinds of the public's requests (inbox): the same words as in KIND_LABELS. */
export const PARTICIPATION_KIND_LABELS: Record<string, string> = {
  correction: KIND_LABELS.correction,
  question: KIND_LABELS.question,
};

export const STATUS_LABELS: Record<string, string> = {
  // ITA checklist
  official: 'ทางการ',
  provisional: 'ชั่วคราว (คัดลอกจากปีก่อน)',
  // participation complaints and requests
  received: 'รับเรื่องแล้ว',
  assigned: 'มอบหมายแล้ว',
  investigating: 'กำลังตรวจสอบ',
  answered: 'ตอบแล้ว',
  resolved: 'ดำเนินการเสร็จแล้ว',
  rejected: 'ไม่รับเรื่อง',
};

export const MEMBERSHIP_ROLE_LABELS: Record<string, string> = {
  editor: 'บรรณาธิการ',
  approver: 'ผู้อนุมัติ',
  publisher: 'ผู้เผยแพร่ส่วนกลาง',
  monitor: 'ผู้ติดตาม',
  'complaint-officer': 'เจ้าหน้าที่รับเรื่องร้องเรียน',
  admin: 'ผู้ดูแลระบบ',
};

/** Enumeration labels by attribute name. */
/** The status of a step of an integrity-measures plan in a progress report (issue 14). */
export const PROGRESS_STATUS_LABELS: Record<string, string> = {
  not_started: 'ยังไม่ดำเนินการ',
  in_progress: 'อยู่ระหว่างดำเนินการ',
  done: 'ดำเนินการแล้วเสร็จ',
  cancelled: 'ยกเลิก',
};

export const ENUM_LABELS: Record<string, Record<string, string>> = {
  workflowState: WORKFLOW_STATE_LABELS,
  method: PROCUREMENT_METHOD_LABELS,
  cadence: CADENCE_LABELS,
  group: UNIT_GROUP_LABELS,
  kind: KIND_LABELS,
  category: KIND_LABELS,
  status: STATUS_LABELS,
  role: MEMBERSHIP_ROLE_LABELS,
  publishingMode: { self: 'เผยแพร่เอง', central: 'เผยแพร่โดยส่วนกลาง' },
  origin: { carry_over: 'ยกมาจากปีก่อน', publish: 'เผยแพร่ในปีนี้' },
  state: { to_confirm: 'รอยืนยัน', confirmed: 'ยืนยันแล้ว' },
  stage: { approved: 'เมื่ออนุมัติ', published: 'เมื่อเผยแพร่' },
  source: {
    shipped: 'มากับระบบ',
    import: 'นำเข้า',
    copy: 'คัดลอกจากปีก่อน',
    manual: 'สร้างเอง',
  },
  platform: {
    facebook: 'Facebook',
    line: 'LINE',
    youtube: 'YouTube',
    x: 'X (Twitter)',
    instagram: 'Instagram',
    tiktok: 'TikTok',
    website: 'เว็บไซต์',
    other: 'อื่น ๆ',
  },
};

/** The Thai label of an enumeration value (the value itself when none is known). */
export const enumLabel = (field: string, value: unknown): string => {
  if (value === null || value === undefined || value === '') return '-';
  const v = String(value);
  return ENUM_LABELS[field]?.[v] ?? v;
};

export const BOOLEAN_LABELS = { true: 'ใช่', false: 'ไม่ใช่' } as const;

export const booleanLabel = (value: unknown): string =>
  value === null || value === undefined ? '-' : value ? BOOLEAN_LABELS.true : BOOLEAN_LABELS.false;

/** Integer attributes that hold a Buddhist-Era year: shown as written, never "2,569". */
export const isYearField = (name: string): boolean => /(^y|Y)ear$/.test(name);
