import type { Core } from '@strapi/strapi';

/** E-mail reminders to the people responsible for an item, some days before it is due. */
export const registerReminderScheduler = (_strapi: Core.Strapi) => {
  // Filled in by the responsibilities part.
};
