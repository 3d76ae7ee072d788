import { factories } from '@strapi/strapi';

export default factories.createCoreController(
  'api::procurement-announcement.procurement-announcement',
);
