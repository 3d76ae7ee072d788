/** The cadence vocabulary of the shipped checklists (src/ita/data/README.md). */
export const CADENCES = [
  'standing',
  'annual_current_fy',
  'annual_previous_fy',
  'half_year_current_fy',
  'monthly',
  'event_current_fy',
  'multi_year_covering_current_fy',
  'unknown',
] as const;

export type Cadence = (typeof CADENCES)[number];

export const isCadence = (value: unknown): value is Cadence =>
  typeof value === 'string' && (CADENCES as readonly string[]).includes(value);

export const CADENCE_LABELS_TH: Record<Cadence, string> = {
  standing: 'เผยแพร่ต่อเนื่องและเป็นปัจจุบัน',
  annual_current_fy: 'รายปี (ปีงบประมาณที่ประเมิน)',
  annual_previous_fy: 'รายปี (ย้อนหลัง 1 ปีงบประมาณ)',
  half_year_current_fy: 'รอบ 6 เดือนแรกของปีงบประมาณ',
  monthly: 'รายเดือน',
  event_current_fy: 'ตามเหตุการณ์ในปีงบประมาณ',
  multi_year_covering_current_fy: 'แผนหลายปีที่ครอบคลุมปีงบประมาณ',
  unknown: 'ไม่ระบุ (ถือเป็นเผยแพร่ต่อเนื่อง)',
};
