import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::ita-item.ita-item');
