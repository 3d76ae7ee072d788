/**
 * Demo data shaped like the user's documents: a Rajabhat university with 30 units in the three
 * contest groups of seed 000 (9 faculties, 8 offices, 13 divisions/centres), and a province
 * whose agencies submit to the provincial office (seed 002). Fictional names and contacts.
 */
export type DemoUnit = {
  code: string;
  nameTh: string;
  nameEn: string;
  group: 'faculty' | 'office' | 'division_centre' | 'school' | 'provincial_agency' | 'other';
  parent?: string;
  scheme?: string;
};

export const DEMO_UNITS: DemoUnit[] = [
  {
    code: 'DEMO-UNI',
    nameTh: 'มหาวิทยาลัยราชภัฏตัวอย่าง',
    nameEn: 'Example Rajabhat University',
    group: 'other',
  },
  // 9 faculties
  {
    code: 'EDU',
    nameTh: 'คณะครุศาสตร์',
    nameEn: 'Faculty of Education',
    group: 'faculty',
    parent: 'DEMO-UNI',
  },
  {
    code: 'HUSO',
    nameTh: 'คณะมนุษยศาสตร์และสังคมศาสตร์',
    nameEn: 'Faculty of Humanities and Social Sciences',
    group: 'faculty',
    parent: 'DEMO-UNI',
  },
  {
    code: 'SCI',
    nameTh: 'คณะวิทยาศาสตร์และเทคโนโลยี',
    nameEn: 'Faculty of Science and Technology',
    group: 'faculty',
    parent: 'DEMO-UNI',
  },
  {
    code: 'MS',
    nameTh: 'คณะวิทยาการจัดการ',
    nameEn: 'Faculty of Management Science',
    group: 'faculty',
    parent: 'DEMO-UNI',
  },
  {
    code: 'IT',
    nameTh: 'คณะเทคโนโลยีสารสนเทศ',
    nameEn: 'Faculty of Information Technology',
    group: 'faculty',
    parent: 'DEMO-UNI',
  },
  {
    code: 'AGRI',
    nameTh: 'คณะเทคโนโลยีการเกษตร',
    nameEn: 'Faculty of Agricultural Technology',
    group: 'faculty',
    parent: 'DEMO-UNI',
  },
  {
    code: 'ENG',
    nameTh: 'คณะวิศวกรรมศาสตร์',
    nameEn: 'Faculty of Engineering',
    group: 'faculty',
    parent: 'DEMO-UNI',
  },
  {
    code: 'LAW',
    nameTh: 'คณะนิติศาสตร์',
    nameEn: 'Faculty of Law',
    group: 'faculty',
    parent: 'DEMO-UNI',
  },
  {
    code: 'PH',
    nameTh: 'คณะสาธารณสุขศาสตร์',
    nameEn: 'Faculty of Public Health',
    group: 'faculty',
    parent: 'DEMO-UNI',
  },
  // 8 offices
  {
    code: 'OPRES',
    nameTh: 'สำนักงานอธิการบดี',
    nameEn: 'Office of the President',
    group: 'office',
    parent: 'DEMO-UNI',
  },
  {
    code: 'OQA',
    nameTh: 'สำนักมาตรฐานและประกันคุณภาพ',
    nameEn: 'Office of Standards and Quality Assurance',
    group: 'office',
    parent: 'DEMO-UNI',
  },
  {
    code: 'OAR',
    nameTh: 'สำนักส่งเสริมวิชาการและงานทะเบียน',
    nameEn: 'Office of Academic Promotion and Registration',
    group: 'office',
    parent: 'DEMO-UNI',
  },
  {
    code: 'OLIB',
    nameTh: 'สำนักวิทยบริการและเทคโนโลยีสารสนเทศ',
    nameEn: 'Office of Academic Resources and IT',
    group: 'office',
    parent: 'DEMO-UNI',
  },
  {
    code: 'OART',
    nameTh: 'สำนักศิลปะและวัฒนธรรม',
    nameEn: 'Office of Arts and Culture',
    group: 'office',
    parent: 'DEMO-UNI',
  },
  {
    code: 'ORES',
    nameTh: 'สถาบันวิจัยและพัฒนา',
    nameEn: 'Research and Development Institute',
    group: 'office',
    parent: 'DEMO-UNI',
  },
  {
    code: 'OGRAD',
    nameTh: 'บัณฑิตวิทยาลัย',
    nameEn: 'Graduate School',
    group: 'office',
    parent: 'DEMO-UNI',
  },
  {
    code: 'OAUD',
    nameTh: 'สำนักตรวจสอบภายใน',
    nameEn: 'Office of Internal Audit',
    group: 'office',
    parent: 'DEMO-UNI',
  },
  // 13 divisions and centres
  {
    code: 'DGEN',
    nameTh: 'กองกลาง',
    nameEn: 'General Affairs Division',
    group: 'division_centre',
    parent: 'OPRES',
  },
  {
    code: 'DPLAN',
    nameTh: 'กองนโยบายและแผน',
    nameEn: 'Policy and Planning Division',
    group: 'division_centre',
    parent: 'OPRES',
  },
  {
    code: 'DSTU',
    nameTh: 'กองพัฒนานักศึกษา',
    nameEn: 'Student Development Division',
    group: 'division_centre',
    parent: 'OPRES',
  },
  {
    code: 'DFIN',
    nameTh: 'กองคลัง',
    nameEn: 'Finance Division',
    group: 'division_centre',
    parent: 'OPRES',
  },
  {
    code: 'DHR',
    nameTh: 'กองบริหารงานบุคคล',
    nameEn: 'Human Resources Division',
    group: 'division_centre',
    parent: 'OPRES',
  },
  {
    code: 'DPROC',
    nameTh: 'กองพัสดุ',
    nameEn: 'Procurement Division',
    group: 'division_centre',
    parent: 'OPRES',
  },
  {
    code: 'CLANG',
    nameTh: 'ศูนย์ภาษา',
    nameEn: 'Language Centre',
    group: 'division_centre',
    parent: 'DEMO-UNI',
  },
  {
    code: 'CIT',
    nameTh: 'ศูนย์คอมพิวเตอร์',
    nameEn: 'Computer Centre',
    group: 'division_centre',
    parent: 'OLIB',
  },
  {
    code: 'CDEMO',
    nameTh: 'โรงเรียนสาธิต',
    nameEn: 'Demonstration School',
    group: 'division_centre',
    parent: 'EDU',
  },
  {
    code: 'CSCI',
    nameTh: 'ศูนย์วิทยาศาสตร์',
    nameEn: 'Science Centre',
    group: 'division_centre',
    parent: 'SCI',
  },
  {
    code: 'CCOOP',
    nameTh: 'ศูนย์สหกิจศึกษา',
    nameEn: 'Cooperative Education Centre',
    group: 'division_centre',
    parent: 'DEMO-UNI',
  },
  {
    code: 'CHLTH',
    nameTh: 'ศูนย์บริการสุขภาพ',
    nameEn: 'Health Service Centre',
    group: 'division_centre',
    parent: 'PH',
  },
  {
    code: 'GLEGAL',
    nameTh: 'กลุ่มงานนิติการ',
    nameEn: 'Legal Affairs Unit',
    group: 'division_centre',
    parent: 'OPRES',
  },
  // A province (seed 002): the provincial office publishes for its agencies.
  { code: 'DEMO-PROV', nameTh: 'จังหวัดตัวอย่าง', nameEn: 'Example Province', group: 'other' },
  {
    code: 'PVO',
    nameTh: 'สำนักงานจังหวัดตัวอย่าง',
    nameEn: 'Provincial Office',
    group: 'provincial_agency',
    parent: 'DEMO-PROV',
  },
  {
    code: 'PV-AGRI',
    nameTh: 'สำนักงานเกษตรจังหวัดตัวอย่าง',
    nameEn: 'Provincial Agriculture Office',
    group: 'provincial_agency',
    parent: 'DEMO-PROV',
  },
  {
    code: 'PV-HLTH',
    nameTh: 'สำนักงานสาธารณสุขจังหวัดตัวอย่าง',
    nameEn: 'Provincial Public Health Office',
    group: 'provincial_agency',
    parent: 'DEMO-PROV',
  },
  {
    code: 'PV-LAND',
    nameTh: 'สำนักงานที่ดินจังหวัดตัวอย่าง',
    nameEn: 'Provincial Land Office',
    group: 'provincial_agency',
    parent: 'DEMO-PROV',
  },
  {
    code: 'PV-SOC',
    nameTh: 'สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดตัวอย่าง',
    nameEn: 'Provincial Social Development Office',
    group: 'provincial_agency',
    parent: 'DEMO-PROV',
  },
  {
    code: 'PV-VOC',
    nameTh: 'วิทยาลัยเทคนิคตัวอย่าง',
    nameEn: 'Example Technical College',
    group: 'school',
    parent: 'DEMO-PROV',
    scheme: 'vocational-college',
  },
];

/** Units that get a set of demo entries. */
export const DEMO_ENTRY_UNITS = ['OQA', 'SCI', 'DPROC', 'PVO', 'PV-AGRI', 'PV-VOC'];
