import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::ita-item.ita-item');
