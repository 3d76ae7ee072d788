import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::ita-item.ita-item');
