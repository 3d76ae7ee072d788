import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::ita-checklist.ita-checklist');
