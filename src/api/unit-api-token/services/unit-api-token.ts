import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::unit-api-token.unit-api-token');
