/** Thai field labels and help texts for the Content Manager (edit and list views). */
type Label = { label: string; description?: string };

export const COMMON_LABELS: Record<string, Label> = {
  title: { label: 'ชื่อเรื่อง' },
  slug: {
    label: 'ชื่อในลิงก์ (slug)',
    description: 'สร้างจากชื่อเรื่องโดยอัตโนมัติ ใช้เป็นส่วนหนึ่งของลิงก์บนเว็บไซต์หน่วยงาน',
  },
  unit: { label: 'หน่วยงาน', description: 'หน่วยงานเจ้าของข้อมูล' },
  fiscalYear: { label: 'ปีงบประมาณ (พ.ศ.)', description: 'เช่น 2569 (1 ต.ค. 2568 – 30 ก.ย. 2569)' },
  kind: { label: 'ประเภท' },
  date: { label: 'วันที่' },
  period: { label: 'ช่วงเวลาที่ครอบคลุม' },
  body: { label: 'รายละเอียด' },
  attachments: {
    label: 'ไฟล์แนบ',
    description: 'PDF, Word, Excel, PowerPoint, ODF, CSV หรือรูปภาพ',
  },
  isNone: {
    label: 'ประกาศว่า "ไม่มี"',
    description: 'เลือกเมื่อไม่มีข้อมูลในรอบนี้ — ITA ให้เผยแพร่ข้อความว่าไม่มี แทนการเว้นว่าง',
  },
  noneText: {
    label: 'ข้อความแจ้งว่าไม่มี',
    description: 'เช่น "ไม่มีเรื่องร้องเรียนในรอบ 6 เดือนแรก"',
  },
  checklistItems: {
    label: 'ข้อตัวชี้วัด ITA ที่ข้อมูลนี้ตอบ',
    description: 'ระบบเสนอให้ตามประเภทข้อมูล แก้ไขได้',
  },
  createdAt: { label: 'สร้างเมื่อ' },
  updatedAt: { label: 'แก้ไขล่าสุด' },
  publishedAt: { label: 'เผยแพร่เมื่อ' },
  history: { label: 'ประวัติความเป็นมา' },
  vision: { label: 'วิสัยทัศน์' },
  mission: { label: 'พันธกิจ' },
  structureChart: { label: 'แผนผังโครงสร้างหน่วยงาน' },
  powersAndDuties: {
    label: 'อำนาจหน้าที่',
    description: 'สรุปเฉพาะอำนาจหน้าที่ของหน่วยงาน ไม่ใช่กฎหมายทั้งฉบับ',
  },
  contact: { label: 'ข้อมูลการติดต่อ' },
  socialChannels: { label: 'ช่องทางโซเชียลมีเดีย' },
  position: { label: 'ตำแหน่ง' },
  photo: { label: 'รูปถ่าย' },
  phone: { label: 'โทรศัพท์' },
  email: { label: 'อีเมล' },
  sortOrder: { label: 'ลำดับการแสดง' },
  termStart: { label: 'วันที่เริ่มดำรงตำแหน่ง' },
  enactedDate: { label: 'วันที่ประกาศใช้' },
  sourceUrl: { label: 'ลิงก์แหล่งที่มา' },
  question: { label: 'คำถาม' },
  answer: { label: 'คำตอบ' },
  channelUrl: { label: 'ลิงก์ช่องทางถาม-ตอบ' },
  url: { label: 'ลิงก์' },
  howTo: { label: 'วิธีใช้งาน' },
  projectName: { label: 'ชื่อโครงการ' },
  budget: { label: 'วงเงินงบประมาณ (บาท)' },
  method: { label: 'วิธีจัดซื้อจัดจ้าง' },
  month: { label: 'เดือน (1–12)', description: 'เดือนตามปฏิทิน เช่น 10 = ตุลาคม' },
  rows: { label: 'รายการจัดซื้อจัดจ้าง (แบบ สขร.1)' },
  signedBy: { label: 'ผู้ลงนาม' },
  code: { label: 'รหัส' },
  nameTh: { label: 'ชื่อภาษาไทย' },
  nameEn: { label: 'ชื่อภาษาอังกฤษ' },
  group: { label: 'กลุ่มหน่วยงาน' },
  parent: { label: 'หน่วยงานต้นสังกัด' },
  children: { label: 'หน่วยงานในสังกัด' },
  websiteUrl: {
    label: 'เว็บไซต์หลักของหน่วยงาน',
    description:
      'เช่น https://eng.example.ac.th — ใช้สร้างลิงก์ให้ผู้ประเมิน และอนุญาตให้เว็บไซต์นี้เรียก API',
  },
  itaPathTemplate: {
    label: 'รูปแบบลิงก์หน้า ITA บนเว็บไซต์หน่วยงาน',
    description: 'เช่น /ita/{fiscalYear}#{itemCode} — ใช้ {fiscalYear} {itemCode} {unitCode}',
  },
  scheme: { label: 'ชุดตัวชี้วัดที่ใช้', description: 'เช่น general หรือ vocational-college' },
  active: { label: 'ใช้งานอยู่' },
  status: { label: 'สถานะ' },
  completeness: { label: 'ความครบถ้วนของรายการ' },
  source: { label: 'ที่มา' },
  copiedFromYear: { label: 'คัดลอกจากปี' },
  items: { label: 'ข้อตัวชี้วัด' },
  titleTh: { label: 'ชื่อข้อ (ไทย)' },
  titleEn: { label: 'ชื่อข้อ (อังกฤษ)' },
  cadence: { label: 'รอบการเผยแพร่' },
  titleUncertain: {
    label: 'ชื่อข้อยังไม่ยืนยัน',
    description: 'ยกเลิกเมื่อตรวจกับคู่มือ ป.ป.ช. แล้ว',
  },
  cadenceUncertain: {
    label: 'รอบการเผยแพร่ยังไม่ยืนยัน',
    description: 'ยกเลิกเมื่อตรวจกับคู่มือ ป.ป.ช. แล้ว',
  },
  dueMonth: {
    label: 'เดือนที่ครบกำหนด (1–12)',
    description: 'เว้นว่าง = ตามรอบการเผยแพร่ (ดู docs/compliance.md) เช่น 3 = มีนาคม',
  },
  dueDay: {
    label: 'วันที่ครบกำหนด',
    description: 'ใช้คู่กับเดือนที่ครบกำหนด (ค่าเริ่มต้น: สิ้นเดือน)',
  },
  graceDays: {
    label: 'ระยะผ่อนผันรายเดือน (วัน)',
    description:
      'ข้อรายเดือน: จำนวนวันหลังสิ้นเดือนที่ต้องเผยแพร่ (เว้นว่าง = ภายในสิ้นเดือนถัดไป)',
  },
  reviewMonths: {
    label: 'ต้องทบทวนความเป็นปัจจุบันทุก (เดือน)',
    description:
      'ข้อมูลคงที่: จำนวนเดือนหลังเผยแพร่หรือยืนยันครั้งล่าสุดที่ต้องยืนยันว่ายังเป็นปัจจุบัน (เว้นว่าง = 12 เดือน)',
  },
  primaryEmail: { label: 'ผู้รับผิดชอบหลัก (อีเมล)' },
  secondaryEmail: { label: 'ผู้รับผิดชอบรอง (อีเมล)' },
  remindDaysBefore: {
    label: 'เตือนล่วงหน้า (วัน)',
    description: 'ส่งอีเมลเตือนก่อนครบกำหนดกี่วัน (เว้นว่าง = ค่าของระบบ)',
  },
  item: { label: 'ข้อตัวชี้วัด' },
  generatedAt: { label: 'สร้างเมื่อ' },
  summary: { label: 'สรุปผล' },
  acknowledgedAt: { label: 'ผู้บริหารรับทราบเมื่อ' },
  acknowledgedBy: { label: 'ผู้รับทราบ' },
  acknowledgementNote: { label: 'ข้อสั่งการ / หมายเหตุ' },
  elements: { label: 'องค์ประกอบที่ต้องแสดง' },
  topics: { label: 'หัวข้อข้อมูลที่ตอบข้อนี้', description: 'ดู docs/checklist-mapping.md' },
  checklist: { label: 'ชุดตัวชี้วัด' },
  indicatorCode: { label: 'รหัสตัวชี้วัด' },
  indicatorTitleTh: { label: 'ชื่อตัวชี้วัด' },
  indicatorTitleEn: { label: 'ชื่อตัวชี้วัด (อังกฤษ)' },
  subindicatorCode: { label: 'รหัสตัวชี้วัดย่อย' },
  subindicatorTitleTh: { label: 'ชื่อตัวชี้วัดย่อย' },
  subindicatorTitleEn: { label: 'ชื่อตัวชี้วัดย่อย (อังกฤษ)' },
  subindicatorUncertain: { label: 'การจัดกลุ่มยังไม่ยืนยัน' },
  notes: { label: 'บันทึกของผู้ดูแล' },
  publishAt: {
    label: 'กำหนดเวลาเผยแพร่',
    description: 'เมื่ออนุมัติแล้ว ระบบจะเผยแพร่ให้เองเมื่อถึงเวลานี้',
  },
  workflowState: {
    label: 'สถานะขั้นตอนอนุมัติ',
    description: 'เปลี่ยนได้ผ่านปุ่มส่งอนุมัติ / อนุมัติ / เผยแพร่ เท่านั้น',
  },
  userEmail: {
    label: 'อีเมลผู้ใช้',
    description: 'อีเมลของบัญชีผู้ใช้ในระบบหลังบ้าน (ตั้งค่า → ผู้ใช้)',
  },
  userId: {
    label: 'รหัสบัญชีผู้ใช้',
    description:
      'กำหนดจากอีเมลโดยอัตโนมัติ สิทธิ์ผูกกับบัญชีนี้ — เปลี่ยนอีเมลภายหลังไม่เปลี่ยนสิทธิ์ ลบหรือปิดบัญชีแล้วสิทธิ์สิ้นสุด',
  },
  role: {
    label: 'บทบาท',
    description:
      'บรรณาธิการเตรียมข้อมูล · ผู้อนุมัติตรวจและอนุมัติ · ผู้เผยแพร่ส่วนกลางเผยแพร่แทนหน่วยงาน · ผู้ติดตามอ่านได้อย่างเดียว',
  },
  tokenId: {
    label: 'รหัส API token',
    description:
      'กำหนดจากชื่อ token โดยอัตโนมัติ เปลี่ยนชื่อ token ภายหลังไม่เปลี่ยนหน่วยงาน ลบ token แล้วการผูกสิ้นสุด',
  },
  tokenName: {
    label: 'ชื่อ API token',
    description: 'ชื่อของ token ที่สร้างในตั้งค่า → API Tokens',
  },
  // components
  startDate: { label: 'วันเริ่มต้น' },
  endDate: { label: 'วันสิ้นสุด' },
  address: { label: 'ที่อยู่' },
  fax: { label: 'โทรสาร' },
  website: { label: 'เว็บไซต์' },
  mapUrl: { label: 'ลิงก์แผนที่' },
  latitude: { label: 'ละติจูด' },
  longitude: { label: 'ลองจิจูด' },
  officeHours: { label: 'เวลาทำการ' },
  platform: { label: 'แพลตฟอร์ม' },
  sequence: { label: 'ลำดับที่' },
  workItem: { label: 'งานที่จัดซื้อหรือจัดจ้าง' },
  referencePrice: { label: 'ราคากลาง (บาท)' },
  bids: { label: 'รายชื่อผู้เสนอราคาและราคาที่เสนอ' },
  bidder: { label: 'ผู้เสนอราคา' },
  price: { label: 'ราคาที่เสนอ (บาท)' },
  selectedSupplier: { label: 'ผู้ได้รับการคัดเลือก' },
  agreedPrice: { label: 'ราคาที่ตกลงซื้อหรือจ้าง (บาท)' },
  selectionReason: { label: 'เหตุผลที่คัดเลือกโดยสังเขป' },
  contractNumber: { label: 'เลขที่สัญญาหรือข้อตกลง' },
  contractDate: { label: 'วันที่ของสัญญาหรือข้อตกลง' },
  // integrity measures (issue 14): the plan's measures and steps, scores, work groups, progress
  progressCadence: {
    label: 'รอบการรายงานความก้าวหน้า',
    description:
      'รายเดือน รายไตรมาส ราย 6 เดือน หรือรายปี — เดือนสิ้นรอบที่ผู้รับผิดชอบรายงานความก้าวหน้าของแต่ละขั้นตอน',
  },
  measures: {
    label: 'มาตรการ/แนวทาง',
    description:
      'ใช้กับแผนประเภท "มาตรการส่งเสริมคุณธรรมและความโปร่งใส" — นำเข้าจากตารางแบบเดียวกับเอกสารมาตรการได้ (npm run cli -- measures:import)',
  },
  issueNo: { label: 'ลำดับประเด็น', description: 'เว้นว่าง = ตามลำดับในแผน' },
  issue: { label: 'ประเด็น', description: 'ประเด็นที่ต้องพัฒนาจากผลการประเมิน ITA' },
  measure: { label: 'มาตรการ/แนวทาง' },
  target: { label: 'เป้าหมาย/ตัวชี้วัดความสำเร็จ' },
  startMonth: { label: 'เดือนเริ่มต้น' },
  endMonth: { label: 'เดือนสิ้นสุด' },
  owner: { label: 'ผู้รับผิดชอบ', description: 'เช่น กลุ่มงาน ตำแหน่ง หรือชื่อคณะทำงาน' },
  workGroup: { label: 'คณะทำงานที่รับผิดชอบ', description: 'คณะทำงานของหน่วยงานเดียวกัน' },
  steps: { label: 'ขั้นตอนหรือวิธีการปฏิบัติ' },
  members: { label: 'สมาชิกคณะทำงาน' },
  indicatorName: { label: 'ชื่อตัวชี้วัด' },
  score: { label: 'คะแนน (0–100)' },
  planDocumentId: {
    label: 'รหัสแผนมาตรการ',
    description: 'รหัสเอกสาร (documentId) ของแผนมาตรการที่รายงาน',
  },
  stepKey: { label: 'รหัสขั้นตอน', description: 'รหัสของขั้นตอนในแผนมาตรการที่รายงาน' },
  percent: { label: 'ร้อยละความก้าวหน้า (0–100)' },
  problems: { label: 'ปัญหา/อุปสรรค/ข้อจำกัด' },
  evidence: { label: 'หลักฐานการดำเนินงาน' },
};

/** Per-type overrides where the common label would mislead. */
export const TYPE_LABELS: Record<string, Record<string, Label>> = {
  'api::executive.executive': { title: { label: 'ชื่อ-นามสกุล' } },
  'api::qa.qa': { title: { label: 'หัวข้อ' } },
  'api::e-service.e-service': { title: { label: 'ชื่อบริการหรือช่องทาง' } },
  'api::unit-profile.unit-profile': {
    title: { label: 'ชื่อหน้า', description: 'เช่น "ข้อมูลพื้นฐาน คณะวิทยาศาสตร์"' },
  },
  'api::ita-checklist.ita-checklist': {
    title: { label: 'ชื่อชุดตัวชี้วัด' },
    status: {
      label: 'สถานะ',
      description: 'ทางการ = รายการที่ประกาศแล้ว · ชั่วคราว = คัดลอกจากปีก่อน รอรายการทางการ',
    },
  },
  'api::compliance-report.compliance-report': {
    period: { label: 'เดือนที่รายงาน (ค.ศ. ปี-เดือน)', description: 'เช่น 2026-10' },
  },
  'api::ita-score.ita-score': {
    indicatorCode: { label: 'รหัสตัวชี้วัด', description: 'เช่น 1, 9, 9.1 หรือ IIT' },
  },
  'api::work-group.work-group': {
    name: { label: 'ชื่อคณะทำงาน' },
    description: { label: 'หน้าที่และรายละเอียด' },
  },
  'api::integrity-progress.integrity-progress': {
    period: { label: 'รอบรายงาน (เดือนสิ้นรอบ)' },
    status: { label: 'สถานะการดำเนินงาน' },
    done: { label: 'สิ่งที่ดำเนินการแล้ว' },
  },
  'integrity.step': {
    key: { label: 'รหัสขั้นตอน (ระบบกำหนด)' },
    text: { label: 'ขั้นตอนหรือวิธีการปฏิบัติ' },
    startMonth: { label: 'เดือนเริ่มต้น', description: 'เว้นว่าง = ตามมาตรการ' },
    endMonth: { label: 'เดือนสิ้นสุด', description: 'เว้นว่าง = ตามมาตรการ' },
  },
  'shared.period': {
    label: { label: 'ชื่อช่วงเวลา', description: 'เช่น "ปีงบประมาณ 2567" หรือ "พ.ศ. 2566–2570"' },
  },
  'integrity.member': {
    name: { label: 'ชื่อ-นามสกุล' },
    role: { label: 'บทบาทในคณะทำงาน' },
  },
  'api::procurement-summary.procurement-summary': {
    isNone: { label: 'ไม่มีการจัดซื้อจัดจ้างในเดือนนี้' },
    title: {
      label: 'ชื่อเรื่อง',
      description: 'เช่น "สรุปผลการจัดซื้อจัดจ้างประจำเดือน ตุลาคม 2568"',
    },
  },
};

/** Columns of the list view, per type (the first is the main field). */
export const LIST_COLUMNS: Record<string, string[]> = {
  'api::unit.unit': ['code', 'nameTh', 'group', 'scheme'],
  'api::ita-checklist.ita-checklist': ['fiscalYear', 'scheme', 'status', 'title'],
  'api::ita-item.ita-item': ['code', 'titleTh', 'cadence', 'checklist'],
  'api::procurement-summary.procurement-summary': [
    'title',
    'unit',
    'fiscalYear',
    'month',
    'isNone',
    'workflowState',
  ],
  'api::executive.executive': ['title', 'position', 'unit'],
  'api::unit-membership.unit-membership': ['userEmail', 'unit', 'role', 'active'],
  'api::unit-api-token.unit-api-token': ['tokenName', 'unit'],
  'api::item-responsibility.item-responsibility': [
    'primaryEmail',
    'unit',
    'item',
    'secondaryEmail',
  ],
  'api::compliance-report.compliance-report': [
    'period',
    'fiscalYear',
    'generatedAt',
    'acknowledgedAt',
  ],
  'api::ita-score.ita-score': ['indicatorCode', 'unit', 'fiscalYear', 'score', 'indicatorName'],
  'api::work-group.work-group': ['name', 'unit', 'description'],
  'api::integrity-progress.integrity-progress': [
    'stepKey',
    'unit',
    'fiscalYear',
    'period',
    'status',
    'percent',
  ],
};
export const DEFAULT_LIST_COLUMNS = ['title', 'unit', 'fiscalYear', 'kind', 'workflowState'];
export const MAIN_FIELD: Record<string, string> = {
  'api::unit.unit': 'nameTh',
  'api::ita-item.ita-item': 'code',
  'api::unit-membership.unit-membership': 'userEmail',
  'api::unit-api-token.unit-api-token': 'tokenName',
  'api::item-responsibility.item-responsibility': 'primaryEmail',
  'api::compliance-report.compliance-report': 'period',
  'api::ita-score.ita-score': 'indicatorCode',
  'api::work-group.work-group': 'name',
  'api::integrity-progress.integrity-progress': 'stepKey',
};

/** Fields written by the system only: hidden in the edit view and never editable (besides unitRef). */
export const HIDDEN_FIELDS: Record<string, string[]> = {
  // A step's stable key (src/integrity/plan-keys.ts): progress refers to it.
  'integrity.step': ['key'],
};

/**
 * Help texts shipped by earlier versions and since corrected (they contradicted the form's
 * required markers or named raw values): replaced on start where still unchanged.
 */
export const REPLACED_DESCRIPTIONS: readonly string[] = [
  'หน่วยงานเจ้าของข้อมูล (จำเป็น)',
  'เว้นว่างได้ ระบบตั้งชื่อตามเดือนให้',
  'official = รายการทางการ, provisional = ชั่วคราว (คัดลอกจากปีก่อน)',
  'editor = บรรณาธิการ, approver = ผู้อนุมัติ, publisher = ผู้เผยแพร่ส่วนกลาง, monitor = ผู้ติดตาม, admin = ผู้ดูแลระบบ',
];
