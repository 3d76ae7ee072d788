import type { UID } from '@strapi/strapi';
import type { DisclosureTypeName } from '../ita/topics';

/**
 * The disclosure content types: one per kind of information the ITA checklist asks for.
 * `fiscalYear`: 'required' (plans, reports, monthly summaries, declarations), 'from-date'
 * (dated events: derived from `date` when not given), 'optional' (standing information).
 */
export type DisclosureType = {
  name: DisclosureTypeName;
  uid: UID.ContentType;
  fiscalYear: 'required' | 'from-date' | 'optional' | 'none';
};

export const DISCLOSURE_TYPES: readonly DisclosureType[] = [
  { name: 'unit-profile', uid: 'api::unit-profile.unit-profile', fiscalYear: 'none' },
  { name: 'executive', uid: 'api::executive.executive', fiscalYear: 'none' },
  { name: 'law', uid: 'api::law.law', fiscalYear: 'none' },
  { name: 'news', uid: 'api::news.news', fiscalYear: 'from-date' },
  { name: 'qa', uid: 'api::qa.qa', fiscalYear: 'none' },
  { name: 'e-service', uid: 'api::e-service.e-service', fiscalYear: 'none' },
  { name: 'plan', uid: 'api::plan.plan', fiscalYear: 'required' },
  { name: 'report', uid: 'api::report.report', fiscalYear: 'required' },
  { name: 'manual', uid: 'api::manual.manual', fiscalYear: 'optional' },
  {
    name: 'procurement-announcement',
    uid: 'api::procurement-announcement.procurement-announcement',
    fiscalYear: 'from-date',
  },
  {
    name: 'procurement-summary',
    uid: 'api::procurement-summary.procurement-summary',
    fiscalYear: 'required',
  },
  { name: 'activity', uid: 'api::activity.activity', fiscalYear: 'from-date' },
  {
    name: 'policy-declaration',
    uid: 'api::policy-declaration.policy-declaration',
    fiscalYear: 'required',
  },
];

export const DISCLOSURE_BY_UID: ReadonlyMap<string, DisclosureType> = new Map(
  DISCLOSURE_TYPES.map((t) => [t.uid, t]),
);

export const UNIT_UID = 'api::unit.unit';
