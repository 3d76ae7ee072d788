/** One valid REST payload per disclosure type. */
// One valid payload per content type: [REST path, uid, payload, item codes expected in 2569 general]
const SAMPLES = [
  [
    'unit-profiles',
    'api::unit-profile.unit-profile',
    {
      title: 'ข้อมูลพื้นฐาน คณะวิทยาศาสตร์',
      vision: 'วิสัยทัศน์',
      contact: { phone: '043 000 000' },
      socialChannels: [{ platform: 'facebook', url: 'https://facebook.com/sci' }],
    },
    ['O1', 'O3'],
  ],
  [
    'executives',
    'api::executive.executive',
    { title: 'ผศ. สมชาย ใจดี', position: 'คณบดี', email: 'dean@example.org' },
    ['O2'],
  ],
  [
    'laws',
    'api::law.law',
    { title: 'พระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. 2540', kind: 'act' },
    [],
  ],
  [
    'news-items',
    'api::news.news',
    { title: 'ข่าวประชาสัมพันธ์ทดสอบ', kind: 'public_relations', date: '2026-03-01' },
    ['O4'],
  ],
  [
    'qas',
    'api::qa.qa',
    { title: 'ช่องทางถาม-ตอบ', kind: 'channel', channelUrl: 'https://sci.example.org/qa' },
    ['O3'],
  ],
  [
    'e-services',
    'api::e-service.e-service',
    { title: 'ระบบยื่นคำร้องออนไลน์', kind: 'e_service', url: 'https://sci.example.org/e' },
    ['O10'],
  ],
  [
    'plans',
    'api::plan.plan',
    {
      title: 'แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. 2569',
      kind: 'anti_corruption',
      fiscalYear: 2569,
      period: { startDate: '2025-10-01', endDate: '2026-09-30' },
    },
    ['O23'],
  ],
  [
    'reports',
    'api::report.report',
    { title: 'สถิติเรื่องร้องเรียน', kind: 'complaint_statistics', fiscalYear: 2569, isNone: true },
    ['O18'],
  ],
  ['manuals', 'api::manual.manual', { title: 'คู่มือการให้บริการ', kind: 'service' }, ['O9']],
  [
    'procurement-announcements',
    'api::procurement-announcement.procurement-announcement',
    { title: 'ประกาศผู้ชนะการเสนอราคา', kind: 'winner', date: '2026-02-10', budget: 10000 },
    [],
  ],
  [
    'procurement-summaries',
    'api::procurement-summary.procurement-summary',
    {
      fiscalYear: 2569,
      month: 10,
      rows: [
        {
          workItem: 'จัดซื้อกระดาษ',
          method: 'specific',
          budget: 5000,
          referencePrice: 5000,
          bids: [{ bidder: 'ร้านเอ', price: 4800 }],
          selectedSupplier: 'ร้านเอ',
          agreedPrice: 4800,
          selectionReason: 'ราคาต่ำสุด',
          contractNumber: 'PO 1/2568',
          contractDate: '2025-10-05',
        },
      ],
    },
    ['O11'],
  ],
  [
    'activities',
    'api::activity.activity',
    { title: 'กิจกรรมการมีส่วนร่วม', kind: 'participation', date: '2026-01-15' },
    ['O19'],
  ],
  [
    'policy-declarations',
    'api::policy-declaration.policy-declaration',
    { title: 'ประกาศเจตนารมณ์ No Gift Policy', kind: 'no_gift', fiscalYear: 2569 },
    ['O20'],
  ],
];

module.exports = { SAMPLES };
