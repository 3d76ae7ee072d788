import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::procurement-summary.procurement-summary');
