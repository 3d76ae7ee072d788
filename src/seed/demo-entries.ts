import type { UID } from '@strapi/strapi';
import type { DemoUnit } from './demo-data';

type DemoEntry = { uid: UID.ContentType; publish: boolean; data: Record<string, unknown> };

const para = (text: string) => [{ type: 'paragraph', children: [{ type: 'text', text }] }];

/** A few entries of every disclosure type for one unit, in the current and previous fiscal year. */
export const demoEntries = (unit: DemoUnit, fy: number): DemoEntry[] => {
  const n = unit.nameTh;
  const prev = fy - 1;
  return [
    {
      uid: 'api::unit-profile.unit-profile',
      publish: true,
      data: {
        title: `ข้อมูลพื้นฐาน ${n}`,
        history: para(`${n} ก่อตั้งขึ้นเพื่อให้บริการวิชาการแก่ชุมชนและท้องถิ่น`),
        vision: 'เป็นหน่วยงานที่โปร่งใส มีคุณธรรม และให้บริการอย่างมีคุณภาพ',
        mission: 'ให้บริการประชาชนอย่างเปิดเผย ตรวจสอบได้ และเปิดโอกาสให้มีส่วนร่วม',
        powersAndDuties: para(
          `${n} มีอำนาจหน้าที่จัดการศึกษา วิจัย บริการวิชาการ และทำนุบำรุงศิลปวัฒนธรรม`,
        ),
        contact: {
          address: `${n} 80 ถนนตัวอย่าง ตำบลตลาด อำเภอเมือง`,
          phone: '0 4372 0000',
          email: `${unit.code.toLowerCase()}@example.ac.th`,
          officeHours: 'จันทร์–ศุกร์ 08.30–16.30 น.',
        },
        socialChannels: [
          {
            platform: 'facebook',
            url: `https://facebook.com/${unit.code.toLowerCase()}`,
            label: n,
          },
        ],
      },
    },
    {
      uid: 'api::executive.executive',
      publish: true,
      data: {
        title: 'รองศาสตราจารย์ ดร.สมชาย ใจดี',
        position: `หัวหน้า${n}`,
        phone: '0 4372 0001',
        email: `head.${unit.code.toLowerCase()}@example.ac.th`,
        sortOrder: 1,
      },
    },
    {
      uid: 'api::executive.executive',
      publish: true,
      data: {
        title: 'ผู้ช่วยศาสตราจารย์ สมหญิง รักงาน',
        position: `รองหัวหน้า${n}`,
        phone: '0 4372 0002',
        sortOrder: 2,
      },
    },
    {
      uid: 'api::law.law',
      publish: true,
      data: {
        title: 'พระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. 2540',
        kind: 'act',
        enactedDate: '1997-09-02',
      },
    },
    {
      uid: 'api::news.news',
      publish: true,
      data: {
        title: `${n} จัดกิจกรรมเปิดบ้านประจำปี`,
        kind: 'public_relations',
        body: para('ขอเชิญประชาชนร่วมกิจกรรม'),
      },
    },
    {
      uid: 'api::news.news',
      publish: false,
      data: { title: `ประกาศ${n} เรื่อง วันหยุดราชการ`, kind: 'announcement' },
    },
    {
      uid: 'api::qa.qa',
      publish: true,
      data: {
        title: 'ช่องทางถาม-ตอบ',
        kind: 'channel',
        channelUrl: `https://${unit.code.toLowerCase()}.example.ac.th/qa`,
      },
    },
    {
      uid: 'api::e-service.e-service',
      publish: true,
      data: {
        title: 'ระบบขอใช้บริการออนไลน์',
        kind: 'e_service',
        url: `https://${unit.code.toLowerCase()}.example.ac.th/eservice`,
      },
    },
    {
      uid: 'api::e-service.e-service',
      publish: true,
      data: {
        title: 'ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ',
        kind: 'corruption_complaint_channel',
        url: `https://${unit.code.toLowerCase()}.example.ac.th/complaint`,
      },
    },
    {
      uid: 'api::plan.plan',
      publish: true,
      data: {
        title: `แผนปฏิบัติการประจำปีงบประมาณ พ.ศ. ${fy}`,
        kind: 'annual_action',
        fiscalYear: fy,
        period: { startDate: `${fy - 544}-10-01`, endDate: `${fy - 543}-09-30` },
      },
    },
    {
      uid: 'api::plan.plan',
      publish: true,
      data: {
        title: `แผนปฏิบัติการป้องกันการทุจริต ประจำปีงบประมาณ พ.ศ. ${fy}`,
        kind: 'anti_corruption',
        fiscalYear: fy,
      },
    },
    {
      uid: 'api::plan.plan',
      publish: false,
      data: {
        title: `แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. ${fy}`,
        kind: 'procurement',
        fiscalYear: fy,
      },
    },
    {
      uid: 'api::report.report',
      publish: true,
      data: {
        title: `รายงานผลการดำเนินงานประจำปีงบประมาณ พ.ศ. ${prev}`,
        kind: 'annual_performance',
        fiscalYear: prev,
      },
    },
    {
      uid: 'api::report.report',
      publish: true,
      data: {
        title: `ข้อมูลสถิติเรื่องร้องเรียนการทุจริต ปีงบประมาณ พ.ศ. ${prev}`,
        kind: 'complaint_statistics',
        fiscalYear: prev,
        isNone: true,
        noneText: 'ไม่มีเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ',
      },
    },
    {
      uid: 'api::manual.manual',
      publish: true,
      data: { title: 'คู่มือการให้บริการ', kind: 'service' },
    },
    {
      uid: 'api::manual.manual',
      publish: true,
      data: {
        title: 'แนวปฏิบัติการจัดการเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ',
        kind: 'complaint_handling',
      },
    },
    {
      uid: 'api::procurement-announcement.procurement-announcement',
      publish: true,
      data: {
        title: 'ประกาศผู้ชนะการเสนอราคา ซื้อวัสดุสำนักงาน',
        kind: 'winner',
        budget: 45000,
        method: 'specific',
      },
    },
    {
      uid: 'api::procurement-summary.procurement-summary',
      publish: true,
      data: {
        fiscalYear: fy,
        month: 10,
        rows: [
          {
            sequence: 1,
            workItem: 'จัดซื้อวัสดุสำนักงาน',
            budget: 45000,
            referencePrice: 45000,
            method: 'specific',
            bids: [{ bidder: 'ร้านตัวอย่างพาณิชย์', price: 44500 }],
            selectedSupplier: 'ร้านตัวอย่างพาณิชย์',
            agreedPrice: 44500,
            selectionReason: 'เสนอราคาต่ำสุดและคุณสมบัติครบถ้วน',
            contractNumber: `PO 12/${fy - 1}`,
            contractDate: `${fy - 544}-10-15`,
          },
        ],
      },
    },
    {
      uid: 'api::procurement-summary.procurement-summary',
      publish: true,
      data: {
        fiscalYear: fy,
        month: 11,
        isNone: true,
        noneText: 'ไม่มีการจัดซื้อจัดจ้างในเดือนนี้',
      },
    },
    {
      uid: 'api::activity.activity',
      publish: true,
      data: {
        title: 'กิจกรรมเปิดโอกาสให้ประชาชนมีส่วนร่วมแสดงความคิดเห็นต่อแผนปฏิบัติการ',
        kind: 'participation',
      },
    },
    {
      uid: 'api::policy-declaration.policy-declaration',
      publish: true,
      data: {
        title: `ประกาศเจตนารมณ์นโยบาย No Gift Policy ประจำปีงบประมาณ พ.ศ. ${fy}`,
        kind: 'no_gift',
        fiscalYear: fy,
        signedBy: `หัวหน้า${n}`,
      },
    },
    {
      uid: 'api::policy-declaration.policy-declaration',
      publish: true,
      data: {
        title: 'นโยบายคุ้มครองข้อมูลส่วนบุคคล',
        kind: 'personal_data_protection',
        fiscalYear: fy,
      },
    },
  ];
};
