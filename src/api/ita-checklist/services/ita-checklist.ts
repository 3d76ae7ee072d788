import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::ita-checklist.ita-checklist');
