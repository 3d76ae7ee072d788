import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::procurement-announcement.procurement-announcement');
