import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::ita-checklist.ita-checklist');
