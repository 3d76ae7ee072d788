import { factories } from '@strapi/strapi';

export default factories.createCoreService(
  'api::procurement-announcement.procurement-announcement',
);
